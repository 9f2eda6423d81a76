package dev.ossp.runtime.mcp;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a server said about itself in its {@code initialize} answer.
 *
 * @param protocolVersion the negotiated protocol revision, such as {@code 2025-11-25}
 * @param name the server's name from {@code serverInfo}
 * @param version the server's version from {@code serverInfo}
 * @param title the server's display title, or null
 * @param capabilities the names of the capabilities the server declared, such as {@code tools}
 * @param capabilitiesJson the whole {@code capabilities} object as JSON
 * @param instructions the server's usage instructions for the model, or null
 */
public record McpServerInfo(
    String protocolVersion,
    String name,
    String version,
    @Nullable String title,
    Set<String> capabilities,
    String capabilitiesJson,
    @Nullable String instructions) {

  /** Checks the parts are present and copies the capability names. */
  public McpServerInfo {
    Objects.requireNonNull(protocolVersion, "protocolVersion");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(capabilitiesJson, "capabilitiesJson");
    capabilities = Set.copyOf(Objects.requireNonNull(capabilities, "capabilities"));
  }

  /** Returns whether the server declared capability {@code name}, such as {@code resources}. */
  public boolean hasCapability(String name) {
    return capabilities.contains(name);
  }

  /** The server's usage instructions. */
  public Optional<String> instructionsText() {
    return Optional.ofNullable(instructions);
  }
}
