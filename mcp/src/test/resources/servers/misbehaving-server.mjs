// A small MCP server over stdio whose misbehavior is chosen by the first argument. It answers
// initialize, ping and tools/list, and a few tools/call tools; the modes below bend that.
//
//   normal           behaves well
//   banner           prints a banner line on stdout before anything else
//   chatty           prints a log line on stdout before and after every answer
//   large            "big" answers with a 20 MB text on one line
//   split-utf8       answers "unicode" in pieces split inside multi-byte characters
//   stderr-flood     writes 5 MB to stderr before answering initialize
//   exit-in-call     like normal; named for tests that call "crash", which every mode has
//   exit-in-init     exits with code 4 on initialize, after a line on stderr
//   ignore-term      ignores SIGTERM and the end of stdin
//   version:<v>      answers initialize with protocol version <v>; "version:" omits it
//
// Tools: echo {message} answers "Echo: <message>" after an optional delayMs; "hang" never
// answers; "env" answers with the process environment as JSON; "freeze" {ms} blocks the whole
// process; "crash" (and "crash-readonly", annotated read-only) exit with code 3; "big" and
// "unicode" as above. A notifications/cancelled is reported back as a notifications/message log message
// {"cancelled": requestId, "reason": reason}, so a client can see that the server got it.
import { createInterface } from "node:readline";

const mode = process.argv[2] ?? "normal";

function send(message) {
  const line = JSON.stringify(message) + "\n";
  if (mode === "chatty") {
    process.stdout.write("log: about to answer\n" + line + "log: answered\n");
  } else {
    process.stdout.write(line);
  }
}

function result(id, value) {
  send({ jsonrpc: "2.0", id, result: value });
}

function text(id, value) {
  result(id, { content: [{ type: "text", text: value }] });
}

const tools = ["echo", "hang", "env", "crash", "big", "unicode", "freeze"].map((name) => ({
  name,
  inputSchema: { type: "object" },
}));
tools.push({ name: "crash-readonly", inputSchema: { type: "object" }, annotations: { readOnlyHint: true } });

function callTool(id, params) {
  const args = params.arguments ?? {};
  switch (params.name) {
    case "echo":
      setTimeout(() => text(id, "Echo: " + args.message), Number(args.delayMs ?? 0));
      return;
    case "hang":
      return;
    case "env":
      text(id, JSON.stringify(process.env));
      return;
    case "crash":
    case "crash-readonly":
      process.stderr.write("crashing on purpose\n", () => process.exit(3));
      return;
    case "freeze":
      // Blocks the event loop without spinning, so even ping goes unanswered.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(args.ms ?? 1000));
      text(id, "thawed");
      return;
    case "big":
      text(id, "x".repeat(20 * 1024 * 1024));
      return;
    case "unicode": {
      const bytes = Buffer.from(
        JSON.stringify({ jsonrpc: "2.0", id, result: { content: [{ type: "text", text: "héllo wörld ✓ 😀 ünïcödé" }] } }) + "\n",
        "utf8",
      );
      // Cut inside the 4-byte emoji and inside a 2-byte character, with pauses, so the client
      // receives the message in three reads.
      const emoji = bytes.indexOf(Buffer.from("😀", "utf8"));
      const umlaut = bytes.indexOf(Buffer.from("ü", "utf8"));
      const cuts = [umlaut + 1, emoji + 2].sort((a, b) => a - b);
      process.stdout.write(bytes.subarray(0, cuts[0]));
      setTimeout(() => {
        process.stdout.write(bytes.subarray(cuts[0], cuts[1]));
        setTimeout(() => process.stdout.write(bytes.subarray(cuts[1])), 50);
      }, 50);
      return;
    }
    default:
      result(id, { content: [{ type: "text", text: "unknown tool " + params.name }], isError: true });
  }
}

function initialize(id, params) {
  if (mode === "exit-in-init") {
    process.stderr.write("cannot initialize, exiting\n", () => process.exit(4));
    return;
  }
  let protocolVersion = params.protocolVersion;
  if (mode.startsWith("version:")) {
    protocolVersion = mode.substring("version:".length) || undefined;
  }
  const answer = () =>
    result(id, { protocolVersion, capabilities: { tools: {} }, serverInfo: { name: "misbehaving", version: "1.0.0" } });
  if (mode === "stderr-flood") {
    const chunk = "e".repeat(1023) + "\n";
    let written = 0;
    const writeMore = () => {
      while (written < 5 * 1024 * 1024) {
        written += chunk.length;
        if (!process.stderr.write(chunk)) {
          process.stderr.once("drain", writeMore);
          return;
        }
      }
      answer();
    };
    writeMore();
    return;
  }
  answer();
}

function handle(message) {
  const { id, method, params = {} } = message;
  if (method === undefined) {
    return;
  }
  if (id === undefined) {
    if (method === "notifications/cancelled") {
      send({
        jsonrpc: "2.0",
        method: "notifications/message",
        params: { level: "info", data: { cancelled: params.requestId, reason: params.reason } },
      });
    }
    return;
  }
  switch (method) {
    case "initialize":
      initialize(id, params);
      return;
    case "ping":
      result(id, {});
      return;
    case "tools/list":
      result(id, { tools });
      return;
    case "tools/call":
      callTool(id, params);
      return;
    default:
      send({ jsonrpc: "2.0", id, error: { code: -32601, message: "Method not found" } });
  }
}

if (mode === "banner") {
  process.stdout.write("Misbehaving MCP server 1.0 starting up\n");
}
if (mode === "ignore-term") {
  process.on("SIGTERM", () => process.stderr.write("ignoring SIGTERM\n"));
  setInterval(() => {}, 1000);
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => {
  if (line.trim() === "") {
    return;
  }
  let message;
  try {
    message = JSON.parse(line);
  } catch {
    return;
  }
  handle(message);
});
lines.on("close", () => {
  if (mode !== "ignore-term") {
    process.exit(0);
  }
});
