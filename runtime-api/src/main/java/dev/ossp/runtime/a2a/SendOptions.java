package dev.ossp.runtime.a2a;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The A2A options of a sent message, plus the HTTP call options.
 *
 * @param blocking whether the agent should answer only once the task reached a terminal or
 *     interrupted state (v0.3 {@code blocking}; v1.0 {@code returnImmediately} is its negation);
 *     null leaves it to the agent
 * @param historyLength how many history messages the returned task carries; null for the agent's
 *     default
 * @param acceptedOutputModes the media types the client accepts, empty for any
 * @param call the HTTP call options; method and body are set by the client
 */
public record SendOptions(
    @Nullable Boolean blocking,
    @Nullable Integer historyLength,
    List<String> acceptedOutputModes,
    CallOptions call) {
  private static final SendOptions DEFAULTS =
      new SendOptions(null, null, List.of(), CallOptions.get());

  /** Copies the modes and checks the history length. */
  public SendOptions {
    acceptedOutputModes = List.copyOf(Objects.requireNonNull(acceptedOutputModes, "modes"));
    Objects.requireNonNull(call, "call");
    if (historyLength != null && historyLength < 0) {
      throw new IllegalArgumentException("historyLength must be >= 0, was " + historyLength);
    }
  }

  /** Returns options that leave everything to the agent and the target's configuration. */
  public static SendOptions defaults() {
    return DEFAULTS;
  }

  /** Returns options that ask the agent to answer at once with the task as it is. */
  public static SendOptions nonBlocking() {
    return new SendOptions(false, null, List.of(), CallOptions.get());
  }

  /** Returns these options with {@code call} as HTTP call options. */
  public SendOptions withCall(CallOptions call) {
    return new SendOptions(blocking, historyLength, acceptedOutputModes, call);
  }

  /** The blocking flag, when set. */
  public Optional<Boolean> blockingFlag() {
    return Optional.ofNullable(blocking);
  }
}
