package dev.ossp.runtime.a2a;

import dev.ossp.runtime.urn.AgentUrn;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where an A2A call goes: an agent URN resolved through discovery, an agent's base URL whose card
 * is at the well-known path, an explicit card URL, or a JSON-RPC endpoint with a fixed protocol.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class A2aTarget {
  /** How the target is addressed. */
  public enum Kind {
    /** A URN resolved through discovery. */
    URN,
    /** A base URL: the card is fetched from its well-known path. */
    BASE_URL,
    /** A card URL, used as given. */
    CARD_URL,
    /** A JSON-RPC endpoint; no card is fetched. */
    ENDPOINT
  }

  private final Kind kind;
  private final @Nullable AgentUrn urn;
  private final @Nullable URI uri;
  private final @Nullable A2aProtocol protocol;

  private A2aTarget(
      Kind kind, @Nullable AgentUrn urn, @Nullable URI uri, @Nullable A2aProtocol protocol) {
    this.kind = kind;
    this.urn = urn;
    this.uri = uri;
    this.protocol = protocol;
  }

  /** Returns the target of the agent {@code urn}. */
  public static A2aTarget urn(AgentUrn urn) {
    return new A2aTarget(Kind.URN, Objects.requireNonNull(urn, "urn"), null, null);
  }

  /**
   * Returns the agent at {@code baseUrl}, whose card is at {@code /.well-known/agent-card.json}
   * (or, after a 404 there, the legacy {@code /.well-known/agent.json}) below it.
   */
  public static A2aTarget baseUrl(URI baseUrl) {
    return new A2aTarget(Kind.BASE_URL, null, checkHttp("baseUrl", baseUrl), null);
  }

  /** Returns the agent whose card is at {@code cardUrl}, used as given. */
  public static A2aTarget cardUrl(URI cardUrl) {
    return new A2aTarget(Kind.CARD_URL, null, checkHttp("cardUrl", cardUrl), null);
  }

  /** Returns the JSON-RPC endpoint {@code url}, spoken to in {@code protocol}. */
  public static A2aTarget endpoint(URI url, A2aProtocol protocol) {
    return new A2aTarget(
        Kind.ENDPOINT, null, checkHttp("url", url), Objects.requireNonNull(protocol, "protocol"));
  }

  private static URI checkHttp(String name, URI uri) {
    Objects.requireNonNull(uri, name);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(name + " must be an absolute http or https URL");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(name + " must have a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(name + " must not carry credentials");
    }
    return uri;
  }

  /** How the target is addressed. */
  public Kind kind() {
    return kind;
  }

  /** The URN of a {@link Kind#URN} target. */
  public Optional<AgentUrn> agentUrn() {
    return Optional.ofNullable(urn);
  }

  /** The URL of the other kinds. */
  public Optional<URI> uri() {
    return Optional.ofNullable(uri);
  }

  /** The protocol of an {@link Kind#ENDPOINT} target. */
  public Optional<A2aProtocol> protocol() {
    return Optional.ofNullable(protocol);
  }

  /** Returns the name breakers, metrics and logs use: the URN, or the URL's origin. */
  public String key() {
    if (urn != null) {
      return urn.toString();
    }
    URI url = Objects.requireNonNull(uri);
    int port = url.getPort();
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (port < 0) {
      port = scheme.equals("https") ? 443 : 80;
    }
    return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof A2aTarget that
        && kind == that.kind
        && Objects.equals(urn, that.urn)
        && Objects.equals(uri, that.uri)
        && protocol == that.protocol;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, urn, uri, protocol);
  }

  @Override
  public String toString() {
    return "A2aTarget["
        + kind
        + " "
        + (urn != null ? urn : uri)
        + (protocol == null ? "" : " " + protocol)
        + "]";
  }
}
