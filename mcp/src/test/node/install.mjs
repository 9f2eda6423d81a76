// Installs this folder's npm packages from package-lock.json with `npm ci`, unless the installed
// tree already matches the lock file: a SHA-256 of the lock file is stored in
// node_modules/.ossp-lock-sha256 after each install and compared before the next.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";

const major = Number(process.versions.node.split(".")[0]);
if (major < 20) {
  console.error(`Node.js 20 or later is needed for the MCP test servers; this is ${process.version}.`);
  process.exit(1);
}

const lockHash = createHash("sha256").update(readFileSync("package-lock.json")).digest("hex");
const stampFile = "node_modules/.ossp-lock-sha256";
if (existsSync(stampFile) && readFileSync(stampFile, "utf8").trim() === lockHash) {
  console.log("MCP test servers are installed and match package-lock.json.");
  process.exit(0);
}

console.log("Installing the MCP test servers with npm ci ...");
const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], {
  stdio: "inherit",
  shell: process.platform === "win32",
});
if (result.error || result.status !== 0) {
  console.error(`npm ci failed: ${result.error ? result.error.message : "exit code " + result.status}`);
  process.exit(1);
}
writeFileSync(stampFile, lockHash + "\n");
