package dev.ossp.runtime.discovery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The result of one health probe of an agent. Discovery never writes it into the stored record; it
 * keeps the latest result per agent for a short time and attaches it to query results on request.
 *
 * @param status the agent's status
 * @param checkedAt when the probe finished, or when discovery gave up waiting for it
 * @param responseTime how long the probe took; null when it did not finish
 * @param detail why the agent is not healthy, such as {@code probe timed out after 2000 ms}; null
 *     when healthy
 */
public record AgentHealth(
    Status status, Instant checkedAt, @Nullable Duration responseTime, @Nullable String detail) {

  /** Checks the status and time. */
  public AgentHealth {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(checkedAt, "checkedAt");
    if (responseTime != null && responseTime.isNegative()) {
      throw new IllegalArgumentException("responseTime must not be negative, was " + responseTime);
    }
  }

  /** Returns a healthy result. */
  public static AgentHealth healthy(Instant checkedAt, Duration responseTime) {
    return new AgentHealth(Status.HEALTHY, checkedAt, responseTime, null);
  }

  /** Returns an unhealthy result with the reason. */
  public static AgentHealth unhealthy(
      Instant checkedAt, @Nullable Duration responseTime, String detail) {
    Objects.requireNonNull(detail, "detail");

    return new AgentHealth(Status.UNHEALTHY, checkedAt, responseTime, detail);
  }

  /** Returns an unknown result with the reason, such as {@code no health probe installed}. */
  public static AgentHealth unknown(Instant checkedAt, String detail) {
    Objects.requireNonNull(detail, "detail");

    return new AgentHealth(Status.UNKNOWN, checkedAt, null, detail);
  }

  /** Returns how long the probe took, when it finished. */
  public Optional<Duration> latency() {
    return Optional.ofNullable(responseTime);
  }

  /** The health of an agent as a probe sees it. */
  public enum Status {
    /** The agent answered its probe successfully. */
    HEALTHY,
    /** The agent failed its probe, answered with an error, or did not answer in time. */
    UNHEALTHY,
    /** Nothing is known: no probe is installed, or the agent was never probed. */
    UNKNOWN;

    /** Returns the lower-case name used in JSON and query parameters, such as {@code healthy}. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
