// Drives a node's A2A agent with the official @a2a-js/sdk 1.3.0 client, for the a2a module's
// interop tests. Usage: node sdk-client.mjs <base URL>. Prints one JSON line per step and exits
// with 0 when every step ran, whatever the agent returned.
import { ClientFactory } from "@a2a-js/sdk/client";
import { Role } from "@a2a-js/sdk";
import { randomUUID } from "node:crypto";

const base = process.argv[2];
const print = (step, value) => console.log(JSON.stringify({ step, ...value }));
const message = (text, metadata) => ({
  messageId: randomUUID(),
  contextId: "",
  taskId: "",
  role: Role.ROLE_USER,
  parts: [{ content: { $case: "text", value: text }, metadata: undefined, filename: "", mediaType: "text/plain" }],
  metadata,
  extensions: [],
  referenceTaskIds: [],
});
const send = (client, text, metadata) =>
  client.sendMessage({ tenant: "", message: message(text, metadata), configuration: undefined, metadata: undefined });
const errorOf = (error) => ({ name: error.constructor.name, code: error.code ?? null, message: String(error.message) });
const timeout = setTimeout(() => {
  print("timeout", {});
  process.exit(3);
}, 20000);

try {
  const client = await new ClientFactory().createFromUrl(base);
  const card = await client.getAgentCard();
  print("card", { name: card.name, skills: card.skills.map((skill) => skill.id), interfaces: card.supportedInterfaces.map((i) => i.protocolVersion) });

  const described = await send(client, "describe-runtime", undefined);
  const task = described.id ? described : described.task;
  const data = task.artifacts[0].parts[0].content;
  print("describe", { state: task.status.state, case: data.$case, components: (data.value.components || []).map((c) => c.name) });

  const fetched = await client.getTask({ tenant: "", id: task.id, historyLength: undefined });
  print("get", { id: fetched.id, same: fetched.id === task.id });

  try {
    await send(client, "paint-a-picture", undefined);
    print("unknown-skill", { error: null });
  } catch (error) {
    print("unknown-skill", { error: errorOf(error) });
  }
  try {
    await client.getTask({ tenant: "", id: "nope", historyLength: undefined });
    print("missing-task", { error: null });
  } catch (error) {
    print("missing-task", { error: errorOf(error) });
  }
  print("done", {});
} catch (error) {
  print("failed", { error: errorOf(error), stack: String(error.stack) });
}
clearTimeout(timeout);
