package dev.ossp.runtime.core.internal.lifecycle;

import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.component.HealthStatus;
import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.core.RuntimeHealth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Combines component health into the runtime's. A critical component that is down makes the runtime
 * DOWN; a non-critical one that is down, or any degraded one, makes it DEGRADED; otherwise it is
 * UP. A {@code health()} that throws counts as DOWN with the exception's message.
 */
public final class HealthAggregator {
  private static final Logger LOG = LoggerFactory.getLogger(HealthAggregator.class);

  private HealthAggregator() {}

  /** Returns the health of a running runtime with these components and strategy selections. */
  public static RuntimeHealth aggregate(
      List<RuntimeComponent> components, Map<String, String> strategies) {
    Map<String, ComponentHealth> reports = new LinkedHashMap<>();
    HealthStatus overall = HealthStatus.UP;
    List<String> down = new ArrayList<>();
    List<String> degraded = new ArrayList<>();
    for (RuntimeComponent component : components) {
      ComponentHealth health = healthOf(component);
      reports.put(component.name(), health);
      HealthStatus effect =
          switch (health.status()) {
            case UP -> HealthStatus.UP;
            case DEGRADED -> HealthStatus.DEGRADED;
            case DOWN -> component.critical() ? HealthStatus.DOWN : HealthStatus.DEGRADED;
          };
      overall = overall.worst(effect);
      if (health.status() == HealthStatus.DOWN) {
        down.add(component.name());
      } else if (health.status() == HealthStatus.DEGRADED) {
        degraded.add(component.name());
      }
    }
    String message = null;
    if (overall != HealthStatus.UP) {
      List<String> parts = new ArrayList<>();
      if (!down.isEmpty()) {
        parts.add("down: " + String.join(", ", down));
      }
      if (!degraded.isEmpty()) {
        parts.add("degraded: " + String.join(", ", degraded));
      }
      message = String.join("; ", parts);
    }
    return new RuntimeHealth(overall, message, reports, strategies);
  }

  private static ComponentHealth healthOf(RuntimeComponent component) {
    try {
      ComponentHealth health = component.health();
      if (health == null) {
        return ComponentHealth.down("health() returned null");
      }
      return health;
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("health check of component '{}' failed", component.name(), e);
      String message = e.getMessage();
      return ComponentHealth.down(
          message == null || message.isBlank() ? e.getClass().getName() : message);
    }
  }
}
