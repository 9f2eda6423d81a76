package dev.ossp.runtime.core.internal;

import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.component.HealthStatus;
import dev.ossp.runtime.component.RuntimeInfo;
import dev.ossp.runtime.core.RuntimeHealth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The {@link RuntimeInfo} the core binds: a live view of one runtime's lifecycle. Thread-safe. */
final class LifecycleRuntimeInfo implements RuntimeInfo {
  private final RuntimeLifecycle lifecycle;

  LifecycleRuntimeInfo(RuntimeLifecycle lifecycle) {
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
  }

  @Override
  public List<String> components() {
    return List.copyOf(lifecycle.componentNames());
  }

  @Override
  public HealthStatus status() {
    return lifecycle.health().status();
  }

  @Override
  public Optional<String> statusMessage() {
    return Optional.ofNullable(lifecycle.health().message());
  }

  @Override
  public Map<String, ComponentHealth> componentHealth() {
    RuntimeHealth health = lifecycle.health();
    return health.components();
  }
}
