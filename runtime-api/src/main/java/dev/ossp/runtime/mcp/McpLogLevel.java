package dev.ossp.runtime.mcp;

import java.util.Locale;

/** The log levels of MCP, from most to least verbose, as RFC 5424 syslog severities. */
public enum McpLogLevel {
  /** Debug messages. */
  DEBUG,
  /** Informational messages. */
  INFO,
  /** Normal but significant events. */
  NOTICE,
  /** Warnings. */
  WARNING,
  /** Errors. */
  ERROR,
  /** Critical conditions. */
  CRITICAL,
  /** Action must be taken immediately. */
  ALERT,
  /** The system is unusable. */
  EMERGENCY;

  /** The level's name on the wire, such as {@code warning}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the level with the wire name {@code name}, ignoring case.
   *
   * @throws IllegalArgumentException listing the valid names
   */
  public static McpLogLevel fromWireName(String name) {
    for (McpLogLevel level : values()) {
      if (level.wireName().equalsIgnoreCase(name)) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        "unknown MCP log level '"
            + name
            + "'; valid: debug, info, notice, warning, error, critical, alert, emergency");
  }
}
