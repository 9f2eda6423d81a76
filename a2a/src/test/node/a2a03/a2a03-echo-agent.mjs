// A native A2A v0.3 echo agent on @a2a-js/sdk 0.3.14, for the a2a module's interop tests. Listens
// on 127.0.0.1 only, on the port in the PORT environment variable, and prints "listening <port>"
// once ready. Same behavior as ../a2a-echo-agent.mjs:
//   "msg <text>"  -> a direct message reply "echo: msg <text>"
//   "slow <text>" -> a task that works 5 x 1 s and can be cancelled
//   anything else -> a task: submitted -> working -> artifact "echo: <text>" -> completed
import express from "express";
import { DefaultRequestHandler, InMemoryTaskStore } from "@a2a-js/sdk/server";
import { agentCardHandler, jsonRpcHandler, UserBuilder } from "@a2a-js/sdk/server/express";
import { randomUUID } from "node:crypto";

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error("set PORT to the port to listen on");
  process.exit(2);
}
const base = `http://127.0.0.1:${port}`;

const card = {
  name: "Echo Agent 0.3",
  description: "Echoes text back, as a message or as a task.",
  protocolVersion: "0.3.0",
  version: "1.0.0",
  url: `${base}/a2a/jsonrpc`,
  preferredTransport: "JSONRPC",
  additionalInterfaces: [{ url: `${base}/a2a/jsonrpc`, transport: "JSONRPC" }],
  provider: { organization: "OSSP tests", url: base },
  capabilities: { streaming: true, pushNotifications: false, stateTransitionHistory: false },
  defaultInputModes: ["text/plain"],
  defaultOutputModes: ["text/plain"],
  skills: [{ id: "echo", name: "Echo", description: "Echoes the text.", tags: ["echo", "test"] }],
};

const textOf = (message) => (message.parts || []).map((part) => (part.kind === "text" ? part.text : "")).join("");
const now = () => new Date().toISOString();
const cancelled = new Set();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const executor = {
  async execute(context, bus) {
    const text = textOf(context.userMessage);
    const { taskId, contextId } = context;
    if (text.startsWith("msg ")) {
      bus.publish({ kind: "message", messageId: randomUUID(), role: "agent", contextId, parts: [{ kind: "text", text: `echo: ${text}` }] });
      bus.finished();
      return;
    }
    bus.publish({ kind: "task", id: taskId, contextId, status: { state: "submitted", timestamp: now() }, history: [context.userMessage], artifacts: [] });
    bus.publish({ kind: "status-update", taskId, contextId, status: { state: "working", timestamp: now() }, final: false });
    if (text.startsWith("slow ")) {
      for (let step = 0; step < 5; step++) {
        await sleep(1000);
        if (cancelled.has(taskId)) {
          return;
        }
      }
    }
    bus.publish({ kind: "artifact-update", taskId, contextId, artifact: { artifactId: randomUUID(), name: "echo", parts: [{ kind: "text", text: `echo: ${text}` }] }, append: false, lastChunk: true });
    bus.publish({ kind: "status-update", taskId, contextId, status: { state: "completed", timestamp: now() }, final: true });
    bus.finished();
  },
  async cancelTask(taskId, bus) {
    cancelled.add(taskId);
    bus.publish({ kind: "status-update", taskId, contextId: "", status: { state: "canceled", timestamp: now() }, final: true });
    bus.finished();
  },
};

const handler = new DefaultRequestHandler(card, new InMemoryTaskStore(), executor);
const app = express();
app.use("/.well-known/agent-card.json", agentCardHandler({ agentCardProvider: handler }));
app.use("/a2a/jsonrpc", jsonRpcHandler({ requestHandler: handler, userBuilder: UserBuilder.noAuthentication }));
const server = app.listen(port, "127.0.0.1", () => console.log(`listening ${port}`));
process.stdin.on("end", () => server.close(() => process.exit(0)));
process.stdin.resume();
