package dev.ossp.runtime.resilience.internal.breaker;

import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.CircuitBreakerListener;
import dev.ossp.runtime.resilience.CircuitBreakerRegistry;
import dev.ossp.runtime.resilience.internal.ListenerList;
import dev.ossp.runtime.resilience.internal.TaskScheduler;
import dev.ossp.runtime.resilience.internal.TimeSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named breakers with defaults and per-name overrides. Every breaker also delivers its events to
 * the registry's listeners, and creates no event while neither has one.
 *
 * <p>This class is thread-safe.
 */
public class DefaultCircuitBreakerRegistry implements CircuitBreakerRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultCircuitBreakerRegistry.class);

  private final CircuitBreakerConfig defaults;
  private final Map<String, CircuitBreakerConfig> overrides;
  private final TimeSource time;
  private final @Nullable TaskScheduler scheduler;
  private final ConcurrentHashMap<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  private final ListenerList<CircuitBreakerListener> listeners =
      new ListenerList<>(LOG, "the circuit breaker registry");
  private final CopyOnWriteArrayList<Consumer<CircuitBreaker>> creationCallbacks =
      new CopyOnWriteArrayList<>();

  /**
   * Creates an empty registry.
   *
   * @param defaults the configuration of breakers without an override
   * @param overrides configurations by breaker name
   * @param time the clocks every breaker reads
   * @param scheduler runs automatic transitions; null leaves them to the next call
   */
  public DefaultCircuitBreakerRegistry(
      CircuitBreakerConfig defaults,
      Map<String, CircuitBreakerConfig> overrides,
      TimeSource time,
      @Nullable TaskScheduler scheduler) {
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.overrides = Map.copyOf(Objects.requireNonNull(overrides, "overrides"));
    this.time = Objects.requireNonNull(time, "time");
    this.scheduler = scheduler;
  }

  @Override
  public CircuitBreaker circuitBreaker(String name) {
    Objects.requireNonNull(name, "name");

    return breakers.computeIfAbsent(name, key -> create(key, configFor(key)));
  }

  @Override
  public CircuitBreaker circuitBreaker(String name, CircuitBreakerConfig config) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");

    return breakers.computeIfAbsent(name, key -> create(key, config));
  }

  @Override
  public CircuitBreaker circuitBreaker(String name, String preset) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(preset, "preset");

    CircuitBreakerConfig config = CircuitBreakerConfig.preset(preset);
    return breakers.computeIfAbsent(name, key -> create(key, config));
  }

  private CircuitBreaker create(String name, CircuitBreakerConfig config) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("circuit breaker name must not be blank");
    }
    DefaultCircuitBreaker breaker =
        new DefaultCircuitBreaker(name, config, time, scheduler, listeners);
    LOG.debug("created circuit '{}' with {}", name, config);
    for (Consumer<CircuitBreaker> callback : creationCallbacks) {
      callback.accept(breaker);
    }
    return breaker;
  }

  @Override
  public Optional<CircuitBreaker> find(String name) {
    Objects.requireNonNull(name, "name");

    return Optional.ofNullable(breakers.get(name));
  }

  @Override
  public Collection<CircuitBreaker> all() {
    return List.copyOf(breakers.values());
  }

  @Override
  public Set<String> names() {
    return java.util.Collections.unmodifiableSet(new TreeSet<>(breakers.keySet()));
  }

  @Override
  public Optional<CircuitBreaker> remove(String name) {
    Objects.requireNonNull(name, "name");

    return Optional.ofNullable(breakers.remove(name));
  }

  @Override
  public CircuitBreakerConfig defaultConfig() {
    return defaults;
  }

  @Override
  public CircuitBreakerConfig configFor(String name) {
    Objects.requireNonNull(name, "name");

    return overrides.getOrDefault(name, defaults);
  }

  /**
   * Runs {@code callback} for every breaker that exists now and for each one created later, on the
   * creating thread, such as to register its metrics. The callback must not call this registry.
   */
  public void onCreate(Consumer<CircuitBreaker> callback) {
    Objects.requireNonNull(callback, "callback");

    creationCallbacks.add(callback);
    breakers.values().forEach(callback);
  }

  /** The per-name overrides this registry was created with. */
  public Map<String, CircuitBreakerConfig> overrides() {
    return overrides;
  }

  @Override
  public void addListener(CircuitBreakerListener listener) {
    Objects.requireNonNull(listener, "listener");

    listeners.add(listener);
  }

  @Override
  public void removeListener(CircuitBreakerListener listener) {
    Objects.requireNonNull(listener, "listener");

    listeners.remove(listener);
  }
}
