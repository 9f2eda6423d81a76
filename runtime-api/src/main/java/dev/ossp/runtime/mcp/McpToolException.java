package dev.ossp.runtime.mcp;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;

/**
 * A tool reported an error in its result ({@code isError: true}), thrown by {@link
 * McpToolResult#orThrow(String, String)} for callers that prefer an exception. The result is kept.
 */
public class McpToolException extends McpException {
  private static final long serialVersionUID = 1L;

  private final String toolName;
  private final transient McpToolResult result;

  /** Creates the error for {@code toolName} on {@code serverId} with its error result. */
  public McpToolException(String serverId, String toolName, McpToolResult result) {
    super(
        ErrorKind.SERVER,
        "tool '" + toolName + "' on MCP server '" + serverId + "' failed: " + result.text(),
        null,
        serverId,
        "tools/call",
        ErrorContext.builder().detail("tool", toolName).build(),
        false);
    this.toolName = toolName;
    this.result = result;
  }

  /** The tool's name. */
  public String toolName() {
    return toolName;
  }

  /** The error result the tool returned. */
  public McpToolResult result() {
    return result;
  }
}
