package dev.ossp.runtime.mcp;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A parameterized resource, from {@code resources/templates/list}.
 *
 * @param uriTemplate an RFC 6570 URI template, such as {@code demo://resource/{id}}
 * @param name the template's name
 * @param title a display title, or null
 * @param description a description, or null
 * @param mimeType the media type of matching resources, or null
 */
public record McpResourceTemplate(
    String uriTemplate,
    String name,
    @Nullable String title,
    @Nullable String description,
    @Nullable String mimeType) {
  /** Checks the template and name are present. */
  public McpResourceTemplate {
    Objects.requireNonNull(uriTemplate, "uriTemplate");
    Objects.requireNonNull(name, "name");
  }
}
