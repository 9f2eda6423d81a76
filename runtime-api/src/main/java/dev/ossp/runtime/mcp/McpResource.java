package dev.ossp.runtime.mcp;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A resource a server offers, from {@code resources/list}.
 *
 * @param uri the resource URI
 * @param name the resource's name
 * @param title a display title, or null
 * @param description a description, or null
 * @param mimeType the media type, or null
 * @param size the size in bytes, or -1 when unknown
 */
public record McpResource(
    String uri,
    String name,
    @Nullable String title,
    @Nullable String description,
    @Nullable String mimeType,
    long size) {
  /** Checks the URI and name are present. */
  public McpResource {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(name, "name");
  }
}
