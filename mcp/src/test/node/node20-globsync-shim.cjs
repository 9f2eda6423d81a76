// A small stand-in for Node 22's fs.globSync(pattern, {cwd}), enough for the conformance tool:
// it supports "*" within one path segment and "**" for any number of segments, and returns paths
// relative to cwd with "/" separators. Symbolic links to directories are not followed.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

function segmentPattern(segment) {
  const escaped = segment.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]");
  return new RegExp(`^${escaped}$`);
}

function walk(directory, segments, prefix, results) {
  if (segments.length === 0) {
    return;
  }
  const [head, ...rest] = segments;
  let entries;
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch {
    return;
  }
  if (head === "**") {
    walk(directory, rest, prefix, results);
    for (const entry of entries) {
      if (entry.isDirectory()) {
        walk(path.join(directory, entry.name), segments, prefix + entry.name + "/", results);
      }
    }
    return;
  }
  const matcher = segmentPattern(head);
  for (const entry of entries) {
    if (!matcher.test(entry.name)) {
      continue;
    }
    if (rest.length === 0) {
      results.add(prefix + entry.name);
    } else if (entry.isDirectory()) {
      walk(path.join(directory, entry.name), rest, prefix + entry.name + "/", results);
    }
  }
}

function globSync(pattern, options = {}) {
  const patterns = Array.isArray(pattern) ? pattern : [pattern];
  const cwd = options.cwd ? String(options.cwd) : process.cwd();
  const results = new Set();
  for (const single of patterns) {
    walk(cwd, String(single).split("/").filter((part) => part.length > 0), "", results);
  }
  return [...results];
}

module.exports = { globSync };
