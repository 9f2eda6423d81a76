package dev.ossp.runtime.core;

import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.component.HealthStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The health of the whole runtime: an overall status, a message when it is not UP, each component's
 * report, and the strategy selected for each kind.
 *
 * <p>While running, the overall status is the worst effect of any component: a critical component
 * that is DOWN makes the runtime DOWN, a non-critical one that is DOWN or any DEGRADED one makes it
 * DEGRADED. Before start and after stop the runtime is DOWN with the message {@code not started} or
 * {@code stopped}.
 *
 * @param status the overall status
 * @param message why the runtime is not UP, or null when it is
 * @param components each started component's report by name, in start order
 * @param strategies the selected strategy name by kind label, or {@code not installed}
 */
public record RuntimeHealth(
    HealthStatus status,
    @Nullable String message,
    Map<String, ComponentHealth> components,
    Map<String, String> strategies) {

  /** Copies the maps, keeping their order. */
  public RuntimeHealth {
    Objects.requireNonNull(status, "status");
    components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    strategies = Collections.unmodifiableMap(new LinkedHashMap<>(strategies));
  }

  /** Returns a DOWN report without components, such as {@code not started}. */
  public static RuntimeHealth down(String message, Map<String, String> strategies) {
    Objects.requireNonNull(message, "message");

    return new RuntimeHealth(HealthStatus.DOWN, message, Map.of(), strategies);
  }
}
