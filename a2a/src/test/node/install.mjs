// Installs the A2A test peers with `npm ci` from the committed lock files: this folder
// (@a2a-js/sdk 1.3.0) and a2a03/ (@a2a-js/sdk 0.3.14). A folder whose installed tree already
// matches its lock file is skipped: the SHA-256 of the lock file is stored in
// node_modules/.ossp-lock-sha256 after each install and compared before the next.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

const major = Number(process.versions.node.split(".")[0]);
if (major < 20) {
  console.error(`Node.js 20 or later is needed for the A2A test peers; this is ${process.version}.`);
  process.exit(1);
}

for (const folder of [".", "a2a03"]) {
  const lockHash = createHash("sha256")
    .update(readFileSync(join(folder, "package-lock.json")))
    .digest("hex");
  const stampFile = join(folder, "node_modules", ".ossp-lock-sha256");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8").trim() === lockHash) {
    console.log(`A2A test peers in ${folder} are installed and match package-lock.json.`);
    continue;
  }
  console.log(`Installing the A2A test peers in ${folder} with npm ci ...`);
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], {
    cwd: folder,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (result.error || result.status !== 0) {
    console.error(`npm ci in ${folder} failed: ${result.error ? result.error.message : "exit code " + result.status}`);
    process.exit(1);
  }
  writeFileSync(stampFile, lockHash + "\n");
}
