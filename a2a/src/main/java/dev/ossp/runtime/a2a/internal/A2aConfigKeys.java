package dev.ossp.runtime.a2a.internal;

import dev.ossp.runtime.a2a.A2aProtocol;
import dev.ossp.runtime.a2a.internal.http.AddressRange;
import dev.ossp.runtime.a2a.internal.http.ClientSettings;
import dev.ossp.runtime.a2a.internal.http.OutboundPolicy;
import dev.ossp.runtime.a2a.internal.http.TargetOverride;
import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.urn.AgentUrn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The configuration keys of the a2a component, all under {@code a2a.}. */
public final class A2aConfigKeys {
  private static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  public static final ConfigKey<Duration> CONNECT_TIMEOUT =
      timeout("a2a.connect-timeout", Duration.ofSeconds(5), "longest wait to open a connection");

  public static final ConfigKey<Duration> RESPONSE_TIMEOUT =
      timeout(
          "a2a.response-timeout",
          Duration.ofSeconds(30),
          "longest wait for the next bytes of a response, stream events included");

  public static final ConfigKey<Duration> LEASE_TIMEOUT =
      timeout("a2a.lease-timeout", Duration.ofSeconds(5), "longest wait for a pooled connection");

  public static final ConfigKey<Duration> DEADLINE =
      timeout(
          "a2a.deadline",
          Duration.ofSeconds(60),
          "overall deadline of one call, every attempt and wait between attempts included");

  public static final ConfigKey<Duration> CANCEL_TIMEOUT =
      timeout(
          "a2a.cancel-timeout",
          Duration.ofSeconds(30),
          "deadline of an A2A cancel call, which agents may answer only once the task stopped");

  public static final ConfigKey<Long> MAX_RESPONSE_SIZE =
      ConfigKey.bytes("a2a.max-response-size")
          .defaultValue(16L * 1024 * 1024)
          .range(1024L, 1L << 30)
          .description("largest decoded response body; a longer one fails the call")
          .build();

  public static final ConfigKey<Integer> POOL_MAX_TOTAL =
      ConfigKey.integer("a2a.pool.max-total")
          .defaultValue(200)
          .range(1, 10_000)
          .description("maximum pooled HTTP connections in total")
          .build();

  public static final ConfigKey<Integer> POOL_MAX_PER_ROUTE =
      ConfigKey.integer("a2a.pool.max-per-route")
          .defaultValue(20)
          .range(1, 10_000)
          .description("starting limit of connections per scheme, host and port")
          .build();

  public static final ConfigKey<Integer> POOL_MIN_PER_ROUTE =
      ConfigKey.integer("a2a.pool.min-per-route")
          .defaultValue(2)
          .range(1, 10_000)
          .description("floor the adaptive pooling strategy may lower a route's limit to")
          .build();

  public static final ConfigKey<Integer> POOL_MAX_PER_ROUTE_CEILING =
      ConfigKey.integer("a2a.pool.max-per-route-ceiling")
          .defaultValue(50)
          .range(1, 10_000)
          .description("ceiling the adaptive pooling strategy may raise a route's limit to")
          .build();

  public static final ConfigKey<Duration> POOL_IDLE_TIMEOUT =
      timeout(
          "a2a.pool.idle-timeout",
          Duration.ofSeconds(30),
          "how long an idle connection stays pooled");

  public static final ConfigKey<Duration> POOL_VALIDATE_AFTER_INACTIVITY =
      timeout(
          "a2a.pool.validate-after-inactivity",
          Duration.ofSeconds(2),
          "idle time after which a pooled connection is checked before reuse");

  public static final ConfigKey<Duration> POOL_EVALUATE_INTERVAL =
      timeout(
          "a2a.pool.evaluate-interval",
          Duration.ofSeconds(5),
          "how often idle connections are evicted and pool limits re-evaluated");

  public static final ConfigKey<Duration> KEEP_ALIVE =
      timeout(
          "a2a.keep-alive",
          Duration.ofSeconds(30),
          "how long a connection is reused when the server sends no Keep-Alive timeout");

  public static final ConfigKey<Integer> BATCH_PARALLELISM =
      ConfigKey.integer("a2a.batch.parallelism")
          .defaultValue(8)
          .range(1, 256)
          .description("requests of one requestAll batch in flight at a time")
          .build();

  public static final ConfigKey<Boolean> CACHE_ENABLED =
      ConfigKey.bool("a2a.cache.enabled")
          .defaultValue(true)
          .description("whether GET answers and agent cards are cached as Cache-Control allows")
          .build();

  public static final ConfigKey<Long> CACHE_MAX_SIZE =
      ConfigKey.longValue("a2a.cache.max-size")
          .defaultValue(10_000L)
          .range(1L, 10_000_000L)
          .description("maximum number of cached responses")
          .build();

  public static final ConfigKey<Duration> CACHE_MAX_TTL =
      timeout("a2a.cache.max-ttl", Duration.ofHours(1), "longest time a response stays cached");

  public static final ConfigKey<Duration> HEALTH_TIMEOUT =
      timeout("a2a.health.timeout", Duration.ofSeconds(2), "deadline of one agent health probe");

  public static final ConfigKey<String> HEALTH_PATH =
      ConfigKey.string("a2a.health.path")
          .defaultValue("/.well-known/agent-card.json")
          .check(value -> value.startsWith("/") ? null : "must start with '/'")
          .description("path probed below an agent's origin when its card names no health URL")
          .build();

  public static final ConfigKey<Boolean> OUTBOUND_REFUSE_PRIVATE =
      ConfigKey.bool("a2a.outbound.refuse-private-ranges")
          .defaultValue(false)
          .description(
              "whether 10/8, 172.16/12, 192.168/16 and fc00::/7 are rejected like link-local"
                  + " and metadata addresses")
          .build();

  public static final ConfigKey<List<String>> OUTBOUND_ALLOWED_RANGES =
      ConfigKey.stringList("a2a.outbound.allowed-ranges")
          .defaultValue(List.of())
          .check(A2aConfigKeys::checkRanges)
          .description("CIDR ranges accepted even when a rejected range contains them")
          .build();

  public static final ConfigKey<String> AUTH_PROVIDER =
      ConfigKey.string("a2a.auth.provider")
          .defaultValue("none")
          .description("auth provider for targets without their own: none, bearer, api-key, basic")
          .build();

  public static final ConfigKey<String> AUTH_SETTING =
      ConfigKey.string("a2a.auth.settings.*")
          .secret()
          .description("a setting of the default auth provider, such as token-env")
          .build();

  public static final ConfigKey<String> DELEGATION_AGENT =
      ConfigKey.string("a2a.delegation.agent")
          .description("this runtime's agent id, appended to x-agent-delegation chains")
          .build();

  public static final ConfigKey<String> TARGET_URN =
      ConfigKey.string("a2a.targets.*.urn")
          .description("agent URN the target applies to; without a version, every version")
          .build();

  public static final ConfigKey<String> TARGET_URL_PREFIX =
      ConfigKey.string("a2a.targets.*.url-prefix")
          .description("URL prefix the target applies to, for calls by URL")
          .build();

  public static final ConfigKey<Duration> TARGET_CONNECT_TIMEOUT =
      timeout("a2a.targets.*.connect-timeout", null, "connect timeout for this target");

  public static final ConfigKey<Duration> TARGET_RESPONSE_TIMEOUT =
      timeout("a2a.targets.*.response-timeout", null, "response timeout for this target");

  public static final ConfigKey<Duration> TARGET_LEASE_TIMEOUT =
      timeout("a2a.targets.*.lease-timeout", null, "connection-lease timeout for this target");

  public static final ConfigKey<Duration> TARGET_DEADLINE =
      timeout("a2a.targets.*.deadline", null, "overall call deadline for this target");

  public static final ConfigKey<Duration> TARGET_CANCEL_TIMEOUT =
      timeout("a2a.targets.*.cancel-timeout", null, "deadline of cancel calls to this target");

  public static final ConfigKey<String> TARGET_PROTOCOL =
      ConfigKey.oneOf("a2a.targets.*.protocol", List.of("auto", "0.3", "1.0"))
          .defaultValue("auto")
          .description("A2A generation to speak: auto (from the card), 0.3 or 1.0")
          .build();

  public static final ConfigKey<String> TARGET_AUTH_PROVIDER =
      ConfigKey.string("a2a.targets.*.auth-provider")
          .description("auth provider for this target: none, bearer, api-key, basic, delegation")
          .build();

  public static final ConfigKey<String> TARGET_AUTH_SETTING =
      ConfigKey.string("a2a.targets.*.auth.*")
          .secret()
          .description("a setting of this target's auth provider, such as token or token-env")
          .build();

  public static final ConfigKey<Boolean> AGENT_ENABLED =
      ConfigKey.bool("a2a.agent.enabled")
          .defaultValue(true)
          .description("whether the node serves its own A2A agent card and JSON-RPC endpoint")
          .build();

  public static final ConfigKey<String> AGENT_NAME =
      ConfigKey.string("a2a.agent.name")
          .defaultValue("OSSP Runtime Node")
          .description("name in the node's own agent card")
          .build();

  public static final ConfigKey<Integer> AGENT_MAX_TASKS =
      ConfigKey.integer("a2a.agent.max-tasks")
          .defaultValue(1000)
          .range(1, 1_000_000)
          .description(
              "finished tasks of the node's agent kept for tasks/get, oldest dropped first")
          .build();

  /** Every key, for {@code RuntimeComponent.configKeys()}. */
  public static final List<ConfigKey<?>> ALL =
      List.of(
          CONNECT_TIMEOUT,
          RESPONSE_TIMEOUT,
          LEASE_TIMEOUT,
          DEADLINE,
          CANCEL_TIMEOUT,
          MAX_RESPONSE_SIZE,
          POOL_MAX_TOTAL,
          POOL_MAX_PER_ROUTE,
          POOL_MIN_PER_ROUTE,
          POOL_MAX_PER_ROUTE_CEILING,
          POOL_IDLE_TIMEOUT,
          POOL_VALIDATE_AFTER_INACTIVITY,
          POOL_EVALUATE_INTERVAL,
          KEEP_ALIVE,
          BATCH_PARALLELISM,
          CACHE_ENABLED,
          CACHE_MAX_SIZE,
          CACHE_MAX_TTL,
          HEALTH_TIMEOUT,
          HEALTH_PATH,
          OUTBOUND_REFUSE_PRIVATE,
          OUTBOUND_ALLOWED_RANGES,
          AUTH_PROVIDER,
          AUTH_SETTING,
          DELEGATION_AGENT,
          TARGET_URN,
          TARGET_URL_PREFIX,
          TARGET_CONNECT_TIMEOUT,
          TARGET_RESPONSE_TIMEOUT,
          TARGET_LEASE_TIMEOUT,
          TARGET_DEADLINE,
          TARGET_CANCEL_TIMEOUT,
          TARGET_PROTOCOL,
          TARGET_AUTH_PROVIDER,
          TARGET_AUTH_SETTING,
          AGENT_ENABLED,
          AGENT_NAME,
          AGENT_MAX_TASKS);

  private A2aConfigKeys() {}

  private static ConfigKey<Duration> timeout(
      String name, @Nullable Duration defaultValue, String description) {
    ConfigKey.Builder<Duration> builder =
        ConfigKey.duration(name)
            .range(Duration.ofMillis(1), MAX_TIMEOUT)
            .description(description + "; 1ms..1h");
    if (defaultValue != null) {
      builder.defaultValue(defaultValue);
    }
    return builder.build();
  }

  private static @Nullable String checkRanges(List<String> ranges) {
    for (String range : ranges) {
      try {
        AddressRange.parse(range);
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
    }
    return null;
  }

  /**
   * Reads the client settings.
   *
   * @throws ConfigException naming the target whose settings conflict
   */
  public static ClientSettings settings(RuntimeConfig config) {
    ClientSettings.Builder builder =
        ClientSettings.builder()
            .connectTimeout(config.get(CONNECT_TIMEOUT))
            .responseTimeout(config.get(RESPONSE_TIMEOUT))
            .leaseTimeout(config.get(LEASE_TIMEOUT))
            .deadline(config.get(DEADLINE))
            .cancelTimeout(config.get(CANCEL_TIMEOUT))
            .maxResponseBytes(config.get(MAX_RESPONSE_SIZE))
            .poolIdleTimeout(config.get(POOL_IDLE_TIMEOUT))
            .validateAfterInactivity(config.get(POOL_VALIDATE_AFTER_INACTIVITY))
            .poolEvaluateInterval(config.get(POOL_EVALUATE_INTERVAL))
            .defaultKeepAlive(config.get(KEEP_ALIVE))
            .batchParallelism(config.get(BATCH_PARALLELISM))
            .cache(config.get(CACHE_ENABLED), config.get(CACHE_MAX_SIZE), config.get(CACHE_MAX_TTL))
            .health(config.get(HEALTH_TIMEOUT), config.get(HEALTH_PATH));
    try {
      builder.pool(
          config.get(POOL_MAX_TOTAL),
          config.get(POOL_MAX_PER_ROUTE),
          config.get(POOL_MIN_PER_ROUTE),
          config.get(POOL_MAX_PER_ROUTE_CEILING));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(new Violation("a2a.pool", e.getMessage()));
    }
    List<AddressRange> allowed = new ArrayList<>();
    for (String range : config.get(OUTBOUND_ALLOWED_RANGES)) {
      allowed.add(AddressRange.parse(range));
    }
    builder.outboundPolicy(new OutboundPolicy(config.get(OUTBOUND_REFUSE_PRIVATE), allowed));
    Map<String, String> defaultAuth = new LinkedHashMap<>();
    for (String setting : config.children("a2a", "auth", "settings")) {
      defaultAuth.put(setting, config.get(AUTH_SETTING, setting));
    }
    builder.defaultAuth(config.get(AUTH_PROVIDER), defaultAuth);
    for (String alias : config.children("a2a", "targets")) {
      builder.target(target(config, alias));
    }
    return builder.build();
  }

  private static TargetOverride target(RuntimeConfig config, String alias) {
    String urnText = config.find(TARGET_URN, alias).orElse(null);
    AgentUrn urn = null;
    if (urnText != null) {
      try {
        urn = AgentUrn.parse(urnText);
      } catch (RuntimeException e) {
        throw new ConfigException(
            new Violation(
                "a2a.targets." + alias + ".urn", "not a valid agent URN: " + e.getMessage()));
      }
    }
    String prefix = config.find(TARGET_URL_PREFIX, alias).orElse(null);
    if (urn == null && prefix == null) {
      throw new ConfigException(
          new Violation(
              "a2a.targets." + alias,
              "set urn or url-prefix to say which calls the target applies to"));
    }
    Map<String, String> auth = new LinkedHashMap<>();
    for (String setting : config.children("a2a", "targets", alias, "auth")) {
      auth.put(setting, config.get(TARGET_AUTH_SETTING, alias, setting));
    }
    String protocol = config.get(TARGET_PROTOCOL, alias);
    return new TargetOverride(
        alias,
        urn,
        prefix,
        config.find(TARGET_CONNECT_TIMEOUT, alias).orElse(null),
        config.find(TARGET_RESPONSE_TIMEOUT, alias).orElse(null),
        config.find(TARGET_LEASE_TIMEOUT, alias).orElse(null),
        config.find(TARGET_DEADLINE, alias).orElse(null),
        config.find(TARGET_CANCEL_TIMEOUT, alias).orElse(null),
        protocol.equals("auto") ? null : A2aProtocol.fromVersion(protocol).orElse(null),
        config.find(TARGET_AUTH_PROVIDER, alias).orElse(null),
        auth);
  }
}
