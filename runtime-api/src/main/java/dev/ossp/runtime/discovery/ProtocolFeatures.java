package dev.ossp.runtime.discovery;

import java.util.List;
import java.util.Objects;

/**
 * The optional A2A features a card declares in its {@code capabilities} object.
 *
 * @param streaming whether the agent streams responses (server-sent events)
 * @param pushNotifications whether the agent sends push notifications
 * @param stateTransitionHistory whether the agent keeps task state history (A2A v0.3)
 * @param extendedAgentCard whether an authenticated extended card is available
 * @param extensions the URIs of the protocol extensions the agent supports
 */
public record ProtocolFeatures(
    boolean streaming,
    boolean pushNotifications,
    boolean stateTransitionHistory,
    boolean extendedAgentCard,
    List<String> extensions) {
  private static final ProtocolFeatures NONE =
      new ProtocolFeatures(false, false, false, false, List.of());

  /** Copies the extension list. */
  public ProtocolFeatures {
    extensions = List.copyOf(Objects.requireNonNull(extensions, "extensions"));
  }

  /** Returns the features of a card that declares none. */
  public static ProtocolFeatures none() {
    return NONE;
  }
}
