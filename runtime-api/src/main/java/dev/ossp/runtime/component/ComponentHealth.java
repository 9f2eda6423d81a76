package dev.ossp.runtime.component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A health report: a status, an optional message saying why, and details such as counts or states.
 * Details are rendered as JSON, so values should be strings, numbers, booleans or nested maps and
 * lists of those.
 *
 * @param status the status
 * @param message why the component is not up, or null
 * @param details facts that explain the status, in insertion order
 */
public record ComponentHealth(
    HealthStatus status, @Nullable String message, Map<String, Object> details) {

  /** Copies the details. */
  public ComponentHealth {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(details, "details");
    details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** Returns an UP report without details. */
  public static ComponentHealth up() {
    return new ComponentHealth(HealthStatus.UP, null, Map.of());
  }

  /** Returns a DEGRADED report. */
  public static ComponentHealth degraded(String message) {
    return new ComponentHealth(HealthStatus.DEGRADED, message, Map.of());
  }

  /** Returns a DOWN report. */
  public static ComponentHealth down(String message) {
    return new ComponentHealth(HealthStatus.DOWN, message, Map.of());
  }

  /** Returns this report with one more detail. */
  public ComponentHealth withDetail(String name, Object value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");

    Map<String, Object> copy = new LinkedHashMap<>(details);
    copy.put(name, value);
    return new ComponentHealth(status, message, copy);
  }
}
