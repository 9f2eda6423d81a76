package dev.ossp.runtime.discovery;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One endpoint of an agent: where to send requests and how to talk to it.
 *
 * @param url the absolute {@code http} or {@code https} URL, without credentials
 * @param binding the protocol binding as the card names it, such as {@code JSONRPC}, {@code GRPC},
 *     {@code HTTP+JSON}, or for a manifest the endpoint's name, such as {@code api}
 * @param protocolVersion the A2A protocol version of this endpoint, such as {@code 0.3.0} or {@code
 *     1.0}; null when the card does not say
 */
public record AgentInterface(URI url, String binding, @Nullable String protocolVersion) {
  /** Checks that the URL and binding are present. */
  public AgentInterface {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(binding, "binding");
  }

  /** Returns the protocol version when the card states one. */
  public Optional<String> version() {
    return Optional.ofNullable(protocolVersion);
  }
}
