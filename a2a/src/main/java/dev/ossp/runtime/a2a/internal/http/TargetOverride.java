package dev.ossp.runtime.a2a.internal.http;

import dev.ossp.runtime.a2a.A2aProtocol;
import dev.ossp.runtime.urn.AgentUrn;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one configured target, {@code a2a.targets.<alias>.*}: which calls it matches (a
 * URN, or a URL prefix) and what it overrides. Auth setting values may be secrets, so {@link
 * #toString()} prints their names only.
 *
 * @param alias the name under {@code a2a.targets}
 * @param urn the agent it matches; without a version it matches every version
 * @param urlPrefix the URL prefix it matches, such as {@code https://agents.example/}
 * @param connectTimeout the connect timeout, or null for the client default
 * @param responseTimeout the response timeout, or null
 * @param leaseTimeout the connection-lease timeout, or null
 * @param deadline the overall deadline, or null
 * @param cancelTimeout the deadline of {@code tasks/cancel}, or null
 * @param protocol the A2A generation to speak, or null to choose from the card
 * @param authProvider the auth provider's name, or null for the client default
 * @param authSettings the auth provider's settings
 */
public record TargetOverride(
    String alias,
    @Nullable AgentUrn urn,
    @Nullable String urlPrefix,
    @Nullable Duration connectTimeout,
    @Nullable Duration responseTimeout,
    @Nullable Duration leaseTimeout,
    @Nullable Duration deadline,
    @Nullable Duration cancelTimeout,
    @Nullable A2aProtocol protocol,
    @Nullable String authProvider,
    Map<String, String> authSettings) {
  /** Copies the settings and checks that the target matches something. */
  public TargetOverride {
    Objects.requireNonNull(alias, "alias");
    authSettings = Map.copyOf(Objects.requireNonNull(authSettings, "authSettings"));
    if (urn == null && urlPrefix == null) {
      throw new IllegalArgumentException(
          "a2a.targets." + alias + " needs a urn or a url-prefix to say which calls it applies to");
    }
  }

  /** Returns whether this target applies to the agent {@code candidate}. */
  public boolean matches(AgentUrn candidate) {
    Objects.requireNonNull(candidate, "candidate");

    if (urn == null) {
      return false;
    }
    if (urn.version().isPresent()) {
      return urn.equals(candidate);
    }
    return urn.domain().equals(candidate.domain()) && urn.name().equals(candidate.name());
  }

  /** Returns whether this target applies to the URL {@code url}. */
  public boolean matches(String url) {
    Objects.requireNonNull(url, "url");

    return urlPrefix != null && url.startsWith(urlPrefix);
  }

  /** The protocol override. */
  public Optional<A2aProtocol> protocolOverride() {
    return Optional.ofNullable(protocol);
  }

  @Override
  public String toString() {
    return "TargetOverride["
        + alias
        + ", urn="
        + urn
        + ", urlPrefix="
        + urlPrefix
        + ", authProvider="
        + authProvider
        + ", authSettings="
        + new java.util.TreeSet<>(authSettings.keySet())
        + "]";
  }
}
