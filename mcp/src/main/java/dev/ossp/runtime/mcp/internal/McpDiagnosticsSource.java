package dev.ossp.runtime.mcp.internal;

import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.metrics.DiagnosticsSource;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Objects;

/**
 * The mcp component's entry in the diagnostics report. Guice creates it, while ServiceLoader
 * creates the component, so both read the live pool through the {@link McpServices} the component
 * binds. The health is the component's own. The stats are the pool's {@link
 * dev.ossp.runtime.mcp.internal.pool.DefaultMcpPool#diagnostics() diagnostics}, and empty while the
 * component is not running.
 *
 * <p>Thread-safe.
 */
final class McpDiagnosticsSource implements DiagnosticsSource {
  private final McpServices services;

  @Inject
  McpDiagnosticsSource(McpServices services) {
    this.services = Objects.requireNonNull(services, "services");
  }

  @Override
  public String name() {
    return McpComponent.NAME;
  }

  @Override
  public ComponentHealth health() {
    return services.health();
  }

  @Override
  public Map<String, Object> stats() {
    return services.diagnostics();
  }
}
