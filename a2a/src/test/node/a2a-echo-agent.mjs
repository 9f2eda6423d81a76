// An A2A echo agent on @a2a-js/sdk 1.3.0 (A2A v1.0 with the v0.3 compat layer on), for the a2a
// module's interop tests. Listens on 127.0.0.1 only, on the port in the PORT environment variable,
// and prints "listening <port>" once ready.
//   "msg <text>"  -> a direct message reply "echo: msg <text>"
//   "slow <text>" -> a task that works 5 x 1 s and can be cancelled
//   anything else -> a task: submitted -> working -> artifact "echo: <text>" -> completed
import express from "express";
import { AgentEvent, DefaultRequestHandler, InMemoryTaskStore } from "@a2a-js/sdk/server";
import { agentCardHandler, jsonRpcHandler, restHandler, UserBuilder } from "@a2a-js/sdk/server/express";
import { Role, TaskState } from "@a2a-js/sdk";
import { randomUUID } from "node:crypto";

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error("set PORT to the port to listen on");
  process.exit(2);
}
const base = `http://127.0.0.1:${port}`;

const card = {
  name: "Echo Agent",
  description: "Echoes text back, as a message or as a task.",
  version: "1.0.0",
  supportedInterfaces: [
    { url: `${base}/a2a/jsonrpc`, protocolBinding: "JSONRPC", tenant: "", protocolVersion: "1.0" },
    { url: `${base}/a2a/jsonrpc`, protocolBinding: "JSONRPC", tenant: "", protocolVersion: "0.3" },
    { url: `${base}/a2a/rest`, protocolBinding: "HTTP+JSON", tenant: "", protocolVersion: "1.0" },
  ],
  provider: { organization: "OSSP tests", url: base },
  capabilities: { streaming: true, pushNotifications: false, extensions: [], extendedAgentCard: false },
  securitySchemes: {},
  securityRequirements: [],
  defaultInputModes: ["text/plain"],
  defaultOutputModes: ["text/plain"],
  skills: [{ id: "echo", name: "Echo", description: "Echoes the text.", tags: ["echo", "test"], examples: [], inputModes: [], outputModes: [], securityRequirements: [] }],
  signatures: [],
};

const textPart = (text) => ({ content: { $case: "text", value: text }, metadata: undefined, filename: "", mediaType: "text/plain" });
const textOf = (message) => (message.parts || []).map((part) => (part.content && part.content.$case === "text" ? part.content.value : "")).join("");
const now = () => new Date().toISOString();
const cancelled = new Set();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const executor = {
  async execute(context, bus) {
    const text = textOf(context.userMessage);
    const { taskId, contextId } = context;
    if (text.startsWith("msg ")) {
      bus.publish(AgentEvent.message({ messageId: randomUUID(), contextId, taskId: "", role: Role.ROLE_AGENT, parts: [textPart(`echo: ${text}`)], metadata: undefined, extensions: [], referenceTaskIds: [] }));
      bus.finished();
      return;
    }
    const status = (state) => ({ state, message: undefined, timestamp: now() });
    bus.publish(AgentEvent.task({ id: taskId, contextId, status: status(TaskState.TASK_STATE_SUBMITTED), artifacts: [], history: [context.userMessage], metadata: undefined }));
    bus.publish(AgentEvent.statusUpdate({ taskId, contextId, status: status(TaskState.TASK_STATE_WORKING), metadata: undefined }));
    if (text.startsWith("slow ")) {
      for (let step = 0; step < 5; step++) {
        await sleep(1000);
        if (cancelled.has(taskId)) {
          return;
        }
      }
    }
    bus.publish(AgentEvent.artifactUpdate({ taskId, contextId, artifact: { artifactId: randomUUID(), name: "echo", description: "", parts: [textPart(`echo: ${text}`)], metadata: undefined, extensions: [] }, append: false, lastChunk: true, metadata: undefined }));
    bus.publish(AgentEvent.statusUpdate({ taskId, contextId, status: status(TaskState.TASK_STATE_COMPLETED), metadata: undefined }));
    bus.finished();
  },
  async cancelTask(taskId, bus) {
    cancelled.add(taskId);
    bus.publish(AgentEvent.statusUpdate({ taskId, contextId: "", status: { state: TaskState.TASK_STATE_CANCELED, message: undefined, timestamp: now() }, metadata: undefined }));
    bus.finished();
  },
};

const handler = new DefaultRequestHandler(card, new InMemoryTaskStore(), executor);
const app = express();
app.use("/.well-known/agent-card.json", agentCardHandler({ agentCardProvider: handler, legacyCompat: { enabled: true } }));
app.use("/a2a/jsonrpc", jsonRpcHandler({ requestHandler: handler, userBuilder: UserBuilder.noAuthentication, legacyCompat: { enabled: true } }));
app.use("/a2a/rest", restHandler({ requestHandler: handler, userBuilder: UserBuilder.noAuthentication, legacyCompat: { enabled: true } }));
const server = app.listen(port, "127.0.0.1", () => console.log(`listening ${port}`));
process.stdin.on("end", () => server.close(() => process.exit(0)));
process.stdin.resume();
