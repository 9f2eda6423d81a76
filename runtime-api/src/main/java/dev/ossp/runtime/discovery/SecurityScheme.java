package dev.ossp.runtime.discovery;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One way an agent accepts credentials, normalized from the card's {@code securitySchemes} (A2A
 * v0.3 and v1.0), {@code authentication} (A2A v0.2) or {@code auth} (OSSP manifest).
 *
 * @param name the scheme's name in the card, such as {@code bearerAuth}
 * @param type {@code apiKey}, {@code http}, {@code oauth2}, {@code openIdConnect}, {@code
 *     mutualTLS}, or the type the card names
 * @param scheme for {@code http}, the HTTP auth scheme in lower case such as {@code bearer}; else
 *     null
 * @param location for {@code apiKey}, where the key goes: {@code header}, {@code query} or {@code
 *     cookie}; else null
 * @param parameterName for {@code apiKey}, the header, query or cookie name; else null
 */
public record SecurityScheme(
    String name,
    String type,
    @Nullable String scheme,
    @Nullable String location,
    @Nullable String parameterName) {
  /** Checks that the name and type are present. */
  public SecurityScheme {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
