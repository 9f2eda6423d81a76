package dev.ossp.runtime.resilience;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Named retry policies and retry budgets, one per protected target. A policy is created on first
 * request with the configuration for its name (the per-name override if one is configured,
 * otherwise the defaults) and draws on the budget that its configuration names, or the budget named
 * like the policy. Later requests for the same name return the same policy.
 *
 * <p>The {@code resilience} component binds an implementation configured from {@code
 * resilience.retries.*} and {@code resilience.retry-budgets.*}. Implementations are thread-safe.
 */
public interface RetryRegistry {
  /**
   * Returns the policy named {@code name}, creating it with {@link #configFor(String)}.
   *
   * @throws dev.ossp.runtime.config.ConfigException if the configuration names a backoff strategy
   *     that is not installed
   */
  RetryPolicy retryPolicy(String name);

  /** Returns the policy named {@code name}, creating it with {@code config} if it is new. */
  RetryPolicy retryPolicy(String name, RetryConfig config);

  /**
   * Returns the policy named {@code name}, creating it with the named preset if it is new.
   *
   * @throws IllegalArgumentException naming the unknown preset and listing the known ones
   */
  RetryPolicy retryPolicy(String name, String preset);

  /** Returns the policy named {@code name} if it exists. */
  Optional<RetryPolicy> find(String name);

  /** Returns every policy created so far. */
  Collection<RetryPolicy> all();

  /** Returns the names of the policies created so far, sorted. */
  Set<String> names();

  /** Removes the policy named {@code name}; the next request creates a fresh one. */
  Optional<RetryPolicy> remove(String name);

  /** The configuration for policies without a per-name override. */
  RetryConfig defaultConfig();

  /** Returns the configuration a new policy named {@code name} gets. */
  RetryConfig configFor(String name);

  /** Returns the budget named {@code name}, creating it with its configured or default settings. */
  RetryBudget budget(String name);

  /** Adds a listener for the events of every policy in this registry, present and future. */
  void addListener(RetryListener listener);

  /** Removes a listener added with {@link #addListener}. */
  void removeListener(RetryListener listener);
}
