package dev.ossp.runtime.a2a;

import java.util.Objects;
import java.util.Optional;

/** The A2A protocol generations the client speaks over JSON-RPC. */
public enum A2aProtocol {
  /**
   * A2A v0.3: slash-separated methods such as {@code message/send}, objects tagged with {@code
   * kind}, kebab-case task states. Also used for v0.2 cards.
   */
  V0_3("0.3"),
  /**
   * A2A v1.0: PascalCase methods such as {@code SendMessage}, protobuf-JSON shapes, the {@code
   * A2A-Version: 1.0} request header.
   */
  V1_0("1.0");

  private final String version;

  A2aProtocol(String version) {
    this.version = version;
  }

  /** The version as written in cards and the {@code A2A-Version} header, such as {@code 1.0}. */
  public String version() {
    return version;
  }

  /**
   * Returns the generation of a card's protocol version: {@code 1.x} is v1.0, {@code 0.2.x} and
   * {@code 0.3.x} are v0.3; anything else is empty.
   */
  public static Optional<A2aProtocol> fromVersion(String version) {
    Objects.requireNonNull(version, "version");

    String text = version.strip();
    if (text.equals("1") || text.startsWith("1.")) {
      return Optional.of(V1_0);
    }
    if (text.startsWith("0.3") || text.startsWith("0.2")) {
      return Optional.of(V0_3);
    }
    return Optional.empty();
  }
}
