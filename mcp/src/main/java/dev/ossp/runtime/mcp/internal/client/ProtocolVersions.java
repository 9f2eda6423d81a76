package dev.ossp.runtime.mcp.internal.client;

import java.util.List;

/** The MCP protocol revisions this client implements, newest first. */
public final class ProtocolVersions {
  /** The revision proposed in {@code initialize}. */
  public static final String LATEST = "2025-11-25";

  /** Every revision accepted in a server's {@code initialize} answer. */
  public static final List<String> SUPPORTED =
      List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");

  private ProtocolVersions() {}

  /** Returns whether this client implements {@code version}. */
  public static boolean isSupported(String version) {
    return SUPPORTED.contains(version);
  }
}
