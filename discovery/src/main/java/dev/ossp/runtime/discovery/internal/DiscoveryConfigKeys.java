package dev.ossp.runtime.discovery.internal;

import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.discovery.internal.registry.RegistrySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The configuration keys of the discovery component, all under {@code discovery.}. */
public final class DiscoveryConfigKeys {
  /** The capacity of the registry, counting agents in their lease grace period. */
  public static final ConfigKey<Integer> MAX_AGENTS =
      ConfigKey.integer("discovery.max-agents")
          .defaultValue(100_000)
          .range(1, 10_000_000)
          .description("maximum number of registered agents; registrations beyond it fail")
          .build();

  /** The largest page a query may ask for. */
  public static final ConfigKey<Integer> QUERY_MAX_RESULTS =
      ConfigKey.integer("discovery.query.max-results")
          .defaultValue(1000)
          .range(1, 100_000)
          .description("largest page size (limit) a query may ask for")
          .build();

  /** The page size of a query that names none. */
  public static final ConfigKey<Integer> QUERY_DEFAULT_LIMIT =
      ConfigKey.integer("discovery.query.default-limit")
          .defaultValue(100)
          .range(1, 100_000)
          .description("page size of a query without a limit; at most discovery.query.max-results")
          .build();

  /** Whether query results are cached. */
  public static final ConfigKey<Boolean> CACHE_ENABLED =
      ConfigKey.bool("discovery.cache.enabled")
          .defaultValue(true)
          .description("whether query results are cached (with the strategies.cache strategy)")
          .build();

  /** How long a cached result lives when no change affects it. */
  public static final ConfigKey<Duration> CACHE_TTL =
      ConfigKey.duration("discovery.cache.ttl")
          .defaultValue(Duration.ofMinutes(5))
          .range(Duration.ofSeconds(1), Duration.ofDays(1))
          .description("how long a cached query result lives when no change affects it")
          .build();

  /** The maximum number of cached results. */
  public static final ConfigKey<Long> CACHE_MAX_SIZE =
      ConfigKey.longValue("discovery.cache.max-size")
          .defaultValue(10_000L)
          .range(1L, 10_000_000L)
          .description("maximum number of cached query results")
          .build();

  /** How long an expired agent is kept before it is deleted from the store. */
  public static final ConfigKey<Duration> LEASE_GRACE =
      ConfigKey.duration("discovery.lease.grace")
          .defaultValue(Duration.ofSeconds(30))
          .range(Duration.ZERO, Duration.ofDays(7))
          .description(
              "how long an agent whose lease expired is kept (hidden) before it is deleted; a"
                  + " heartbeat within it restores the agent")
          .build();

  /** The shortest lease a registration may ask for. */
  public static final ConfigKey<Duration> LEASE_MIN_TTL =
      ConfigKey.duration("discovery.lease.min-ttl")
          .defaultValue(Duration.ofSeconds(1))
          .range(Duration.ofMillis(100), Duration.ofDays(365))
          .description("shortest lease TTL a registration may ask for")
          .build();

  /** The longest lease a registration may ask for. */
  public static final ConfigKey<Duration> LEASE_MAX_TTL =
      ConfigKey.duration("discovery.lease.max-ttl")
          .defaultValue(Duration.ofDays(1))
          .range(Duration.ofMillis(100), Duration.ofDays(365))
          .description("longest lease TTL a registration may ask for")
          .build();

  /** How often expired leases are swept. */
  public static final ConfigKey<Duration> LEASE_SWEEP_INTERVAL =
      ConfigKey.duration("discovery.lease.sweep-interval")
          .defaultValue(Duration.ofSeconds(1))
          .range(Duration.ofMillis(10), Duration.ofMinutes(1))
          .description("how often expired leases are found, announced and deleted")
          .build();

  /** How long a health probe may take. */
  public static final ConfigKey<Duration> HEALTH_TIMEOUT =
      ConfigKey.duration("discovery.health.timeout")
          .defaultValue(Duration.ofSeconds(2))
          .range(Duration.ofMillis(10), Duration.ofMinutes(1))
          .description("how long one agent health probe may take before it counts as unhealthy")
          .build();

  /** How long a probe result is reused. */
  public static final ConfigKey<Duration> HEALTH_TTL =
      ConfigKey.duration("discovery.health.ttl")
          .defaultValue(Duration.ofSeconds(10))
          .range(Duration.ZERO, Duration.ofHours(1))
          .description("how long an agent's probe result is reused before it is probed again")
          .build();

  /** How many probes run at once. */
  public static final ConfigKey<Integer> HEALTH_PARALLELISM =
      ConfigKey.integer("discovery.health.parallelism")
          .defaultValue(8)
          .range(1, 256)
          .description("how many agent health probes run at once")
          .build();

  /** The store's directory. */
  public static final ConfigKey<Path> STORE_DIRECTORY =
      ConfigKey.path("discovery.store.directory")
          .defaultValue(Path.of("registry"))
          .description(
              "directory of the registry store; relative paths resolve against runtime.data-dir")
          .build();

  /** A store option: {@code discovery.store.<store name>.<option>}. */
  public static final ConfigKey<String> STORE_OPTION =
      ConfigKey.string("discovery.store.*.*")
          .description(
              "an option of the registry store named by the first '*', such as"
                  + " discovery.store.file.fsync: always or batch")
          .build();

  /** The access rule of the registry's HTTP read routes. */
  public static final ConfigKey<String> API_READ_ACCESS =
      ConfigKey.oneOf("discovery.api.read-access", List.of("open", "api-key"))
          .defaultValue("open")
          .description("who may call the registry's read routes: open, or api-key like writes")
          .build();

  /** Every key, for {@code RuntimeComponent.configKeys()}. */
  public static final List<ConfigKey<?>> ALL =
      List.of(
          MAX_AGENTS,
          QUERY_MAX_RESULTS,
          QUERY_DEFAULT_LIMIT,
          CACHE_ENABLED,
          CACHE_TTL,
          CACHE_MAX_SIZE,
          LEASE_GRACE,
          LEASE_MIN_TTL,
          LEASE_MAX_TTL,
          LEASE_SWEEP_INTERVAL,
          HEALTH_TIMEOUT,
          HEALTH_TTL,
          HEALTH_PARALLELISM,
          STORE_DIRECTORY,
          STORE_OPTION,
          API_READ_ACCESS);

  private DiscoveryConfigKeys() {}

  /**
   * Reads the registry settings.
   *
   * @throws dev.ossp.runtime.config.ConfigException when the default limit exceeds the maximum or
   *     the minimum lease exceeds the maximum
   */
  public static RegistrySettings settings(RuntimeConfig config) {
    int maxResults = config.get(QUERY_MAX_RESULTS);
    int defaultLimit = config.get(QUERY_DEFAULT_LIMIT);
    if (defaultLimit > maxResults) {
      throw new dev.ossp.runtime.config.ConfigException(
          new dev.ossp.runtime.error.Violation(
              QUERY_DEFAULT_LIMIT.name(),
              defaultLimit + " is above " + QUERY_MAX_RESULTS.name() + " (" + maxResults + ")"));
    }
    Duration minTtl = config.get(LEASE_MIN_TTL);
    Duration maxTtl = config.get(LEASE_MAX_TTL);
    if (minTtl.compareTo(maxTtl) > 0) {
      throw new dev.ossp.runtime.config.ConfigException(
          new dev.ossp.runtime.error.Violation(
              LEASE_MIN_TTL.name(),
              minTtl + " is above " + LEASE_MAX_TTL.name() + " (" + maxTtl + ")"));
    }
    return new RegistrySettings(
        config.get(MAX_AGENTS),
        maxResults,
        defaultLimit,
        config.get(LEASE_GRACE),
        minTtl,
        maxTtl,
        config.get(CACHE_ENABLED),
        config.get(CACHE_TTL),
        config.get(CACHE_MAX_SIZE),
        config.get(HEALTH_TIMEOUT),
        config.get(HEALTH_TTL),
        config.get(HEALTH_PARALLELISM));
  }
}
