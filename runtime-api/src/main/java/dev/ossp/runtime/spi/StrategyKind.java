package dev.ossp.runtime.spi;

import dev.ossp.runtime.auth.AuthProvider;
import dev.ossp.runtime.backoff.BackoffStrategy;
import dev.ossp.runtime.cache.CacheStrategy;
import dev.ossp.runtime.pool.PoolingStrategy;
import dev.ossp.runtime.registry.RegistryStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A kind of strategy: the SPI type, the configuration key that selects the runtime-wide default,
 * and that default's name. A kind without a configuration key (auth) is only looked up by name.
 *
 * @param <S> the SPI type
 */
public final class StrategyKind<S extends Strategy> {
  /** Caches for discovery results, response caches and tool lists. */
  public static final StrategyKind<CacheStrategy> CACHE =
      new StrategyKind<>(CacheStrategy.class, "cache", "strategies.cache", "caffeine");

  /** Delays between retries and reconnects. */
  public static final StrategyKind<BackoffStrategy> BACKOFF =
      new StrategyKind<>(
          BackoffStrategy.class, "backoff", "strategies.backoff", "decorrelated-jitter");

  /** Limits and eviction for connection and process pools. */
  public static final StrategyKind<PoolingStrategy> POOLING =
      new StrategyKind<>(PoolingStrategy.class, "pooling", "strategies.pooling", "fixed");

  /** Persistence for the agent registry. */
  public static final StrategyKind<RegistryStore> REGISTRY_STORE =
      new StrategyKind<>(
          RegistryStore.class, "registry-store", "strategies.registry-store", "file");

  /** Credentials for outbound calls, chosen per target. */
  public static final StrategyKind<AuthProvider> AUTH =
      new StrategyKind<>(AuthProvider.class, "auth", null, null);

  /** Every kind, in the order diagnostics list them. */
  public static final List<StrategyKind<?>> ALL =
      List.of(CACHE, BACKOFF, POOLING, REGISTRY_STORE, AUTH);

  private final Class<S> type;
  private final String label;
  private final @Nullable String configKey;
  private final @Nullable String defaultName;

  private StrategyKind(
      Class<S> type, String label, @Nullable String configKey, @Nullable String defaultName) {
    this.type = Objects.requireNonNull(type, "type");
    this.label = Objects.requireNonNull(label, "label");
    this.configKey = configKey;
    this.defaultName = defaultName;
  }

  /** The SPI type. */
  public Class<S> type() {
    return type;
  }

  /** A short label for messages, such as {@code backoff}. */
  public String label() {
    return label;
  }

  /** The key that selects the default strategy of this kind, if the kind has one. */
  public Optional<String> configKey() {
    return Optional.ofNullable(configKey);
  }

  /** The name selected when the configuration does not say, if the kind has a default. */
  public Optional<String> defaultName() {
    return Optional.ofNullable(defaultName);
  }

  @Override
  public String toString() {
    return label;
  }
}
