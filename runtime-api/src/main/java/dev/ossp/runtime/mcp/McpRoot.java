package dev.ossp.runtime.mcp;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A root the client offers to a server through {@code roots/list}: a directory or another resource
 * the server may work in. MCP requires {@code file://} URIs for roots today.
 *
 * @param uri the root's URI, absolute
 * @param name a display name, or null
 */
public record McpRoot(URI uri, @Nullable String name) {
  /** Checks that the URI is absolute. */
  public McpRoot {
    Objects.requireNonNull(uri, "uri");
    if (!uri.isAbsolute()) {
      throw new IllegalArgumentException("root URI must be absolute, was '" + uri + "'");
    }
  }

  /** Returns the root for a local directory, named after its last path element. */
  public static McpRoot ofDirectory(java.nio.file.Path directory) {
    Objects.requireNonNull(directory, "directory");

    java.nio.file.Path absolute = directory.toAbsolutePath().normalize();
    java.nio.file.Path fileName = absolute.getFileName();
    return new McpRoot(absolute.toUri(), fileName == null ? null : fileName.toString());
  }
}
