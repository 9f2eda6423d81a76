package dev.ossp.runtime.resilience;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Named circuit breakers, one per protected target (an agent URN, an MCP server id). A breaker is
 * created on first request with the configuration for its name: the per-name override if one is
 * configured, otherwise the registry's defaults. Later requests for the same name return the same
 * breaker, whatever configuration they pass; change a running breaker with {@link
 * CircuitBreaker#reconfigure(CircuitBreakerConfig)}.
 *
 * <p>The {@code resilience} component binds an implementation configured from {@code
 * resilience.circuit-breakers.*}. Implementations are thread-safe.
 */
public interface CircuitBreakerRegistry {
  /** Returns the breaker named {@code name}, creating it with {@link #configFor(String)}. */
  CircuitBreaker circuitBreaker(String name);

  /** Returns the breaker named {@code name}, creating it with {@code config} if it is new. */
  CircuitBreaker circuitBreaker(String name, CircuitBreakerConfig config);

  /**
   * Returns the breaker named {@code name}, creating it with the named preset if it is new.
   *
   * @throws IllegalArgumentException naming the unknown preset and listing the known ones
   */
  CircuitBreaker circuitBreaker(String name, String preset);

  /** Returns the breaker named {@code name} if it exists. */
  Optional<CircuitBreaker> find(String name);

  /** Returns every breaker created so far. */
  Collection<CircuitBreaker> all();

  /** Returns the names of the breakers created so far, sorted. */
  Set<String> names();

  /**
   * Removes the breaker named {@code name}; the next request creates a fresh one. Holders of the
   * removed breaker can keep using it.
   */
  Optional<CircuitBreaker> remove(String name);

  /** The configuration for breakers without a per-name override. */
  CircuitBreakerConfig defaultConfig();

  /** Returns the configuration a new breaker named {@code name} gets. */
  CircuitBreakerConfig configFor(String name);

  /**
   * Adds a listener for the events of every breaker in this registry, present and future. The
   * {@link CircuitBreaker#addListener} contract applies.
   */
  void addListener(CircuitBreakerListener listener);

  /** Removes a listener added with {@link #addListener}. */
  void removeListener(CircuitBreakerListener listener);
}
