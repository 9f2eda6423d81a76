package dev.ossp.runtime.resilience.internal.retry;

import dev.ossp.runtime.backoff.BackoffStrategy;
import dev.ossp.runtime.resilience.RetryBudget;
import dev.ossp.runtime.resilience.RetryBudgetConfig;
import dev.ossp.runtime.resilience.RetryConfig;
import dev.ossp.runtime.resilience.RetryListener;
import dev.ossp.runtime.resilience.RetryPolicy;
import dev.ossp.runtime.resilience.RetryRegistry;
import dev.ossp.runtime.resilience.internal.ListenerList;
import dev.ossp.runtime.resilience.internal.Sleeper;
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
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named retry policies and budgets with defaults and per-name overrides.
 *
 * <p>This class is thread-safe.
 */
public class DefaultRetryRegistry implements RetryRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultRetryRegistry.class);

  /** The collaborators every policy of a registry shares. */
  public record Services(
      Function<String, BackoffStrategy> strategies,
      TimeSource time,
      Sleeper sleeper,
      TaskScheduler scheduler,
      Supplier<RandomGenerator> random) {
    /** Checks that no collaborator is missing. */
    public Services {
      Objects.requireNonNull(strategies, "strategies");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(sleeper, "sleeper");
      Objects.requireNonNull(scheduler, "scheduler");
      Objects.requireNonNull(random, "random");
    }
  }

  private final RetryConfig defaults;
  private final Map<String, RetryConfig> overrides;
  private final RetryBudgetConfig budgetDefaults;
  private final Map<String, RetryBudgetConfig> budgetOverrides;
  private final Services services;
  private final ConcurrentHashMap<String, RetryPolicy> policies = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, RetryBudget> budgets = new ConcurrentHashMap<>();
  private final ListenerList<RetryListener> listeners =
      new ListenerList<>(LOG, "the retry registry");
  private final CopyOnWriteArrayList<Consumer<RetryPolicy>> creationCallbacks =
      new CopyOnWriteArrayList<>();

  /**
   * Creates an empty registry.
   *
   * @param defaults the configuration of policies without an override
   * @param overrides configurations by policy name
   * @param budgetDefaults the configuration of budgets without an override
   * @param budgetOverrides configurations by budget name
   * @param services the collaborators every policy shares
   */
  public DefaultRetryRegistry(
      RetryConfig defaults,
      Map<String, RetryConfig> overrides,
      RetryBudgetConfig budgetDefaults,
      Map<String, RetryBudgetConfig> budgetOverrides,
      Services services) {
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.overrides = Map.copyOf(Objects.requireNonNull(overrides, "overrides"));
    this.budgetDefaults = Objects.requireNonNull(budgetDefaults, "budgetDefaults");
    this.budgetOverrides = Map.copyOf(Objects.requireNonNull(budgetOverrides, "budgetOverrides"));
    this.services = Objects.requireNonNull(services, "services");
  }

  @Override
  public RetryPolicy retryPolicy(String name) {
    Objects.requireNonNull(name, "name");

    return policies.computeIfAbsent(name, key -> create(key, configFor(key)));
  }

  @Override
  public RetryPolicy retryPolicy(String name, RetryConfig config) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");

    return policies.computeIfAbsent(name, key -> create(key, config));
  }

  @Override
  public RetryPolicy retryPolicy(String name, String preset) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(preset, "preset");

    RetryConfig config = RetryConfig.preset(preset);
    return policies.computeIfAbsent(name, key -> create(key, config));
  }

  private RetryPolicy create(String name, RetryConfig config) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("retry policy name must not be blank");
    }
    LOG.debug("created retry '{}' with {}", name, config);
    RetryPolicy policy =
        new DefaultRetryPolicy(
            name,
            config,
            services.strategies(),
            this::budget,
            services.time(),
            services.sleeper(),
            services.scheduler(),
            services.random(),
            listeners);
    for (Consumer<RetryPolicy> callback : creationCallbacks) {
      callback.accept(policy);
    }
    return policy;
  }

  /**
   * Runs {@code callback} for every policy that exists now and for each one created later, on the
   * creating thread, such as to register its metrics. The callback must not call this registry.
   */
  public void onCreate(Consumer<RetryPolicy> callback) {
    Objects.requireNonNull(callback, "callback");

    creationCallbacks.add(callback);
    policies.values().forEach(callback);
  }

  @Override
  public Optional<RetryPolicy> find(String name) {
    Objects.requireNonNull(name, "name");

    return Optional.ofNullable(policies.get(name));
  }

  @Override
  public Collection<RetryPolicy> all() {
    return List.copyOf(policies.values());
  }

  @Override
  public Set<String> names() {
    return java.util.Collections.unmodifiableSet(new TreeSet<>(policies.keySet()));
  }

  @Override
  public Optional<RetryPolicy> remove(String name) {
    Objects.requireNonNull(name, "name");

    return Optional.ofNullable(policies.remove(name));
  }

  @Override
  public RetryConfig defaultConfig() {
    return defaults;
  }

  @Override
  public RetryConfig configFor(String name) {
    Objects.requireNonNull(name, "name");

    return overrides.getOrDefault(name, defaults);
  }

  /** The per-name overrides this registry was created with. */
  public Map<String, RetryConfig> overrides() {
    return overrides;
  }

  @Override
  public RetryBudget budget(String name) {
    Objects.requireNonNull(name, "name");

    return budgets.computeIfAbsent(
        name,
        key ->
            new DefaultRetryBudget(
                key, budgetOverrides.getOrDefault(key, budgetDefaults), services.time()));
  }

  /** Returns every budget created so far. */
  public Collection<RetryBudget> budgets() {
    return List.copyOf(budgets.values());
  }

  @Override
  public void addListener(RetryListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(RetryListener listener) {
    listeners.remove(listener);
  }
}
