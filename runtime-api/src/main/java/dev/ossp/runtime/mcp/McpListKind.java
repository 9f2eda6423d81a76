package dev.ossp.runtime.mcp;

/** A list a server may announce as changed with a {@code notifications/.../list_changed}. */
public enum McpListKind {
  /** {@code notifications/tools/list_changed}; the client also drops its cached tool list. */
  TOOLS,
  /** {@code notifications/resources/list_changed}. */
  RESOURCES,
  /** {@code notifications/prompts/list_changed}. */
  PROMPTS
}
