package dev.ossp.runtime.mcp;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@code notifications/message} log message from a server.
 *
 * @param serverId the server that sent it
 * @param level the severity
 * @param logger the server's logger name, or null
 * @param dataJson the message's {@code data}, as JSON (often a JSON string)
 */
public record McpLogMessage(
    String serverId, McpLogLevel level, @Nullable String logger, String dataJson) {
  /** Checks the parts are present. */
  public McpLogMessage {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(dataJson, "dataJson");
  }
}
