// Module load hook for Node 20: in any module of @modelcontextprotocol/conformance, moves a
// `globSync` binding out of the `import {...} from "fs"` statement and imports it from
// node20-globsync-shim.cjs instead. Other modules load unchanged.
const SHIM_URL = new URL("./node20-globsync-shim.cjs", import.meta.url).href;
const FS_IMPORT = /import\s*\{([^}]*)\}\s*from\s*["'](?:node:)?fs["']/g;

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!url.includes("/@modelcontextprotocol/conformance/") || result.format !== "module") {
    return result;
  }
  const source = typeof result.source === "string" ? result.source : Buffer.from(result.source).toString("utf8");
  let shimBinding = null;
  // The import is replaced in place, so a leading "#!" line stays the first line of the module.
  const rewritten = source.replace(FS_IMPORT, (statement, members) => {
    const kept = [];
    let binding = null;
    for (const member of members.split(",")) {
      const trimmed = member.trim();
      const match = /^globSync(?:\s+as\s+([\w$]+))?$/.exec(trimmed);
      if (match) {
        binding = match[1] ?? "globSync";
      } else if (trimmed.length > 0) {
        kept.push(trimmed);
      }
    }
    if (binding === null) {
      return statement;
    }
    shimBinding = binding;
    return `import{globSync as ${binding}}from${JSON.stringify(SHIM_URL)};import{${kept.join(",")}}from"fs"`;
  });
  if (shimBinding === null) {
    return result;
  }
  return {
    ...result,
    source: rewritten,
    shortCircuit: true,
  };
}
