package dev.ossp.runtime.resilience.internal;

import dev.ossp.runtime.component.ComponentBinder;
import dev.ossp.runtime.component.ComponentContext;
import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.metrics.DiagnosticsSource;
import dev.ossp.runtime.resilience.CircuitBreakerRegistry;
import dev.ossp.runtime.resilience.RetryRegistry;
import dev.ossp.runtime.resilience.internal.breaker.DefaultCircuitBreakerRegistry;
import dev.ossp.runtime.resilience.internal.config.ResilienceConfigKeys;
import dev.ossp.runtime.resilience.internal.config.ResilienceSettings;
import dev.ossp.runtime.resilience.internal.retry.DefaultRetryRegistry;
import dev.ossp.runtime.resilience.internal.tuning.AdaptiveTuner;
import dev.ossp.runtime.spi.Strategies;
import dev.ossp.runtime.spi.StrategyKind;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code resilience} runtime component: binds {@link CircuitBreakerRegistry} and {@link
 * RetryRegistry} configured from {@code resilience.*}, declares those keys, registers the
 * catalogue's resilience metrics, contributes its entry to the diagnostics report, and runs the
 * adaptive tuner when {@code resilience.tuning.enabled} is true.
 *
 * <p>Each method is called from one thread at a time, as {@link RuntimeComponent} specifies; {@link
 * #health()} is thread-safe.
 */
public final class ResilienceComponent implements RuntimeComponent {
  private static final Logger LOG = LoggerFactory.getLogger(ResilienceComponent.class);

  /** The component's name, which its diagnostics entry also carries. */
  static final String NAME = "resilience";

  private @Nullable ResilienceServices services;
  private volatile @Nullable ResilienceStatus status;
  private @Nullable AdaptiveTuner tuner;

  /** Creates the component; ServiceLoader needs this constructor. */
  public ResilienceComponent() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<ConfigKey<?>> configKeys() {
    return ResilienceConfigKeys.ALL;
  }

  @Override
  public void configure(ComponentBinder binder) {
    ResilienceServices created = new ResilienceServices("ossp-resilience");
    services = created;
    binder.bindInstance(ResilienceServices.class, created);
    ResilienceStatus createdStatus = new ResilienceStatus();
    status = createdStatus;
    binder.bindInstance(ResilienceStatus.class, createdStatus);
    binder.bind(CircuitBreakerRegistry.class, ConfiguredCircuitBreakerRegistry.class);
    binder.bind(RetryRegistry.class, ConfiguredRetryRegistry.class);
    binder.addToSet(DiagnosticsSource.class, ResilienceDiagnosticsSource.class);
  }

  @Override
  public void start(ComponentContext context) {
    CircuitBreakerRegistry breakerRegistry = context.instance(CircuitBreakerRegistry.class);
    RetryRegistry retryRegistry = context.instance(RetryRegistry.class);
    Strategies strategies = context.instance(Strategies.class);
    ResilienceSettings settings =
        ResilienceSettings.read(context.config(), strategies.selected(StrategyKind.BACKOFF).name());
    context
        .instance(ResilienceStatus.class)
        .started(new ResilienceStatus.Running(breakerRegistry, retryRegistry, settings));
    if (breakerRegistry instanceof DefaultCircuitBreakerRegistry defaultBreakers
        && retryRegistry instanceof DefaultRetryRegistry defaultRetries) {
      new ResilienceMetrics(context.metrics()).register(defaultBreakers, defaultRetries);
    }
    LOG.info(
        "resilience started: {} breaker overrides, {} retry overrides, default backoff '{}'",
        settings.breakerOverrides().size(),
        settings.retryOverrides().size(),
        settings.retryDefaults().backoff());
    if (settings.tuning().enabled()) {
      ResilienceServices shared = context.instance(ResilienceServices.class);
      AdaptiveTuner started =
          new AdaptiveTuner(breakerRegistry, retryRegistry, settings.tuning(), shared.scheduler());
      started.start();
      tuner = started;
    }
  }

  @Override
  public void stop() {
    if (tuner != null) {
      tuner.close();
      tuner = null;
    }
    if (services != null) {
      services.close();
    }
    if (status != null) {
      status.stopped();
    }
    LOG.info("resilience stopped");
  }

  /** Reports UP with the state of every breaker, so operators see which targets are cut off. */
  @Override
  public ComponentHealth health() {
    ResilienceStatus current = status;
    return current == null ? ComponentHealth.up() : current.health();
  }

  /**
   * Returns false: a failing dependency shows in breaker states and never takes the runtime down.
   */
  @Override
  public boolean critical() {
    return false;
  }
}
