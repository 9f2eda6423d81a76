// Preloaded with `node --import ./node20-compat.mjs`: installs a module load hook that lets
// @modelcontextprotocol/conformance 0.1.16 run on Node 20. That release imports `globSync` from
// "fs", which Node added in version 22, so on older Node its ES module fails to link. Builtin ESM
// exports cannot be patched at run time, so the hook rewrites the import in the loaded source.
import fs from "node:fs";
import { register } from "node:module";

if (typeof fs.globSync !== "function") {
  register("./node20-loader-hooks.mjs", import.meta.url);
}
