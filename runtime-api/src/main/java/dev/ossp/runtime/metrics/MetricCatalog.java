package dev.ossp.runtime.metrics;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The standard metric names every module records through {@link Metrics}, with their types, units,
 * tags and owners. The metrics exporter takes {@code HELP} text and units from here; the summary
 * and the diagnostics rules read the values recorded under these names, so a module that records
 * under another name drops out of both.
 *
 * <p>Tag values: {@value #TAG_OUTCOME} is {@value #OUTCOME_SUCCESS} for a call that succeeded and
 * the {@link dev.ossp.runtime.error.ErrorKind#code()} of the failure otherwise (such as {@code
 * timeout}); {@value #TAG_STATUS_CLASS} is {@code 1xx}..{@code 5xx} for an HTTP response and
 * {@value #STATUS_CLASS_NONE} when none arrived; {@value #TAG_TARGET} is the canonical agent URN.
 *
 * <p>A module that reads a counter's monotonic value from elsewhere, such as a cache's hit count,
 * may register it with {@link Metrics#gauge}; the metrics module still exports it as a counter.
 *
 * <p>This class contains only constants and is thread-safe.
 */
public final class MetricCatalog {
  /** Tag key of the outcome of a call. */
  public static final String TAG_OUTCOME = "outcome";

  /** Tag key of the target agent URN of an A2A request. */
  public static final String TAG_TARGET = "target";

  /** Tag key of the HTTP status class of an A2A response. */
  public static final String TAG_STATUS_CLASS = "status_class";

  /** Tag key of the MCP server name. */
  public static final String TAG_SERVER = "server";

  /** Tag key of the MCP tool name. */
  public static final String TAG_TOOL = "tool";

  /** Tag key of a resilience policy or breaker name. */
  public static final String TAG_NAME = "name";

  /** Tag key of the state a circuit breaker left. */
  public static final String TAG_FROM = "from";

  /** Tag key of the state a circuit breaker entered. */
  public static final String TAG_TO = "to";

  /** The {@value #TAG_OUTCOME} value of a call that succeeded. */
  public static final String OUTCOME_SUCCESS = "success";

  /** The {@value #TAG_STATUS_CLASS} value when no HTTP response arrived. */
  public static final String STATUS_CLASS_NONE = "none";

  /** Value of {@link #A2A_BREAKER_STATE} for a closed breaker. */
  public static final int BREAKER_CLOSED = 0;

  /** Value of {@link #A2A_BREAKER_STATE} for a half-open breaker. */
  public static final int BREAKER_HALF_OPEN = 1;

  /** Value of {@link #A2A_BREAKER_STATE} for an open breaker. */
  public static final int BREAKER_OPEN = 2;

  /** Value of {@link #A2A_BREAKER_STATE} for a breaker forced open by an operator. */
  public static final int BREAKER_FORCED_OPEN = 3;

  /** Value of {@link #A2A_BREAKER_STATE} for a disabled breaker, which permits every call. */
  public static final int BREAKER_DISABLED = 4;

  /** Value of {@link #A2A_BREAKER_STATE} for a breaker that only records metrics. */
  public static final int BREAKER_METRICS_ONLY = 5;

  // Runtime and JVM, recorded by the metrics module.

  /** Seconds since the metrics component started. */
  public static final MetricDefinition RUNTIME_UPTIME =
      gauge("ossp.runtime.uptime", "seconds", "metrics", "Time since the runtime started.");

  /** JVM memory in use, by area ({@code heap} or {@code non_heap}). */
  public static final MetricDefinition JVM_MEMORY_USED =
      gauge("jvm.memory.used", "bytes", "metrics", "JVM memory in use.", "area");

  /** JVM memory committed by the operating system, by area. */
  public static final MetricDefinition JVM_MEMORY_COMMITTED =
      gauge("jvm.memory.committed", "bytes", "metrics", "JVM memory committed.", "area");

  /** Maximum JVM memory, by area; -1 when undefined. */
  public static final MetricDefinition JVM_MEMORY_MAX =
      gauge("jvm.memory.max", "bytes", "metrics", "Maximum JVM memory, -1 if undefined.", "area");

  /** Memory in use per memory pool, such as {@code G1 Eden Space}. */
  public static final MetricDefinition JVM_MEMORY_POOL_USED =
      gauge(
          "jvm.memory.pool.used", "bytes", "metrics", "Memory in use per JVM memory pool.", "pool");

  /** Memory committed per memory pool. */
  public static final MetricDefinition JVM_MEMORY_POOL_COMMITTED =
      gauge(
          "jvm.memory.pool.committed",
          "bytes",
          "metrics",
          "Memory committed per JVM memory pool.",
          "pool");

  /** Maximum memory per memory pool; -1 when undefined. */
  public static final MetricDefinition JVM_MEMORY_POOL_MAX =
      gauge(
          "jvm.memory.pool.max",
          "bytes",
          "metrics",
          "Maximum memory per JVM memory pool, -1 if undefined.",
          "pool");

  /** Garbage collections, by collector. */
  public static final MetricDefinition JVM_GC_COLLECTIONS =
      counter("jvm.gc.collections", "", "metrics", "Garbage collections run.", "gc");

  /** Time spent in garbage collection, by collector. */
  public static final MetricDefinition JVM_GC_TIME =
      counter("jvm.gc.time", "seconds", "metrics", "Time spent in garbage collection.", "gc");

  /** Live threads. */
  public static final MetricDefinition JVM_THREADS_LIVE =
      gauge("jvm.threads.live", "", "metrics", "Live JVM threads.");

  /** Live daemon threads. */
  public static final MetricDefinition JVM_THREADS_DAEMON =
      gauge("jvm.threads.daemon", "", "metrics", "Live JVM daemon threads.");

  /** Highest number of live threads since the JVM started. */
  public static final MetricDefinition JVM_THREADS_PEAK =
      gauge("jvm.threads.peak", "", "metrics", "Peak number of live JVM threads.");

  /** Threads deadlocked on monitors or ownable synchronizers. */
  public static final MetricDefinition JVM_THREADS_DEADLOCKED =
      gauge("jvm.threads.deadlocked", "", "metrics", "Deadlocked JVM threads.");

  /** Threads per state, such as {@code runnable} or {@code timed_waiting}. */
  public static final MetricDefinition JVM_THREADS_STATE =
      gauge("jvm.threads.state", "", "metrics", "JVM threads per thread state.", "state");

  /** Classes loaded since the JVM started. */
  public static final MetricDefinition JVM_CLASSES_LOADED =
      counter("jvm.classes.loaded", "", "metrics", "Classes loaded since the JVM started.");

  /** Classes unloaded since the JVM started. */
  public static final MetricDefinition JVM_CLASSES_UNLOADED =
      counter("jvm.classes.unloaded", "", "metrics", "Classes unloaded since the JVM started.");

  /** Recent CPU usage of the JVM process, 0..1 of all processors; -1 when unavailable. */
  public static final MetricDefinition JVM_CPU_PROCESS_USAGE =
      gauge(
          "jvm.cpu.process.usage",
          "ratio",
          "metrics",
          "Recent CPU usage of the JVM process as a share of all processors.");

  /** Recent CPU usage of the whole machine, 0..1; -1 when unavailable. */
  public static final MetricDefinition JVM_CPU_SYSTEM_USAGE =
      gauge("jvm.cpu.system.usage", "ratio", "metrics", "Recent CPU usage of the whole machine.");

  /** Processors available to the JVM. */
  public static final MetricDefinition JVM_CPU_AVAILABLE =
      gauge("jvm.cpu.available", "", "metrics", "Processors available to the JVM.");

  /** Bytes used by direct and mapped buffer pools, by pool. */
  public static final MetricDefinition JVM_BUFFER_USED =
      gauge("jvm.buffer.used", "bytes", "metrics", "Memory used by a JVM buffer pool.", "pool");

  /** Ratio of open file descriptors to the limit; -1 when unavailable. */
  public static final MetricDefinition JVM_FILES_OPEN =
      gauge(
          "jvm.files.open",
          "ratio",
          "metrics",
          "Open file descriptors as a share of the process limit.");

  // Discovery.

  /** Discovery queries completed, by outcome. */
  public static final MetricDefinition DISCOVERY_QUERIES =
      counter(
          "ossp.discovery.queries", "", "discovery", "Discovery queries, by outcome.", "outcome");

  /** Duration of a discovery query, cached or not. */
  public static final MetricDefinition DISCOVERY_QUERY_LATENCY =
      timer("ossp.discovery.query.latency", "discovery", "Duration of a discovery query.");

  /** Discovery queries served from the result cache. */
  public static final MetricDefinition DISCOVERY_CACHE_HITS =
      counter("ossp.discovery.cache.hits", "", "discovery", "Discovery result cache hits.");

  /** Discovery queries the result cache could not serve. */
  public static final MetricDefinition DISCOVERY_CACHE_MISSES =
      counter("ossp.discovery.cache.misses", "", "discovery", "Discovery result cache misses.");

  /** Entries the discovery result cache removed for size or expiry. */
  public static final MetricDefinition DISCOVERY_CACHE_EVICTIONS =
      counter(
          "ossp.discovery.cache.evictions", "", "discovery", "Discovery result cache evictions.");

  /** Entries in the discovery result cache. */
  public static final MetricDefinition DISCOVERY_CACHE_SIZE =
      gauge("ossp.discovery.cache.size", "", "discovery", "Entries in the discovery result cache.");

  /** Agents in the registry, by state ({@code stored} for every stored registration). */
  public static final MetricDefinition DISCOVERY_AGENTS =
      gauge("ossp.discovery.agents", "", "discovery", "Agents in the registry, by state.", "state");

  /** Registrations removed because their heartbeat lease expired. */
  public static final MetricDefinition DISCOVERY_LEASES_EXPIRED =
      counter(
          "ossp.discovery.leases.expired",
          "",
          "discovery",
          "Registrations removed after their lease expired.");

  /**
   * Discovery queries evaluated without the result cache: the cache is off, or the query filters on
   * health, which changes without a registry write.
   */
  public static final MetricDefinition DISCOVERY_CACHE_BYPASSES =
      counter(
          "ossp.discovery.cache.bypasses",
          "",
          "discovery",
          "Discovery queries evaluated without the result cache.");

  /** Registry writes, by operation: {@code register}, {@code update} or {@code deregister}. */
  public static final MetricDefinition DISCOVERY_WRITES =
      counter(
          "ossp.discovery.writes", "", "discovery", "Registry writes, by operation.", "operation");

  /** Health probes of registered agents, by result: {@code healthy} or {@code unhealthy}. */
  public static final MetricDefinition DISCOVERY_HEALTH_PROBES =
      counter(
          "ossp.discovery.health.probes",
          "",
          "discovery",
          "Health probes of registered agents, by result.",
          "status");

  // Node.

  /** Requests the runtime node served, by HTTP method, route and status code. */
  public static final MetricDefinition NODE_REQUESTS =
      timer(
          "ossp.node.requests",
          "core",
          "Time to serve a request on the runtime node.",
          "method",
          "route",
          "status");

  // A2A.

  /** A2A requests, by target URN, outcome and HTTP status class. */
  public static final MetricDefinition A2A_REQUESTS =
      counter(
          "ossp.a2a.requests",
          "",
          "a2a",
          "A2A requests, by target, outcome and status class.",
          "target",
          "outcome",
          "status_class");

  /** Time of an A2A request including retries, by target URN. */
  public static final MetricDefinition A2A_REQUEST_LATENCY =
      timer(
          "ossp.a2a.request.latency", "a2a", "Time of an A2A request including retries.", "target");

  /** A2A attempts after the first, by target URN. */
  public static final MetricDefinition A2A_RETRIES =
      counter("ossp.a2a.retries", "", "a2a", "A2A retries, by target.", "target");

  /**
   * Circuit breaker state per target URN, as {@link #BREAKER_CLOSED}, {@link #BREAKER_HALF_OPEN},
   * {@link #BREAKER_OPEN}, {@link #BREAKER_FORCED_OPEN}, {@link #BREAKER_DISABLED} or {@link
   * #BREAKER_METRICS_ONLY}.
   */
  public static final MetricDefinition A2A_BREAKER_STATE =
      gauge(
          "ossp.a2a.breaker.state",
          "",
          "a2a",
          "Circuit breaker state per target: 0 closed, 1 half-open, 2 open, 3 forced open,"
              + " 4 disabled, 5 metrics only.",
          "target");

  /** Circuit breaker state changes, by target and the states left and entered. */
  public static final MetricDefinition A2A_BREAKER_TRANSITIONS =
      counter(
          "ossp.a2a.breaker.transitions",
          "",
          "a2a",
          "Circuit breaker state changes.",
          "target",
          "from",
          "to");

  /** HTTP connections leased from the A2A pool. */
  public static final MetricDefinition A2A_POOL_LEASED =
      gauge("ossp.a2a.pool.leased", "", "a2a", "HTTP connections leased from the A2A pool.");

  /** Idle HTTP connections in the A2A pool. */
  public static final MetricDefinition A2A_POOL_AVAILABLE =
      gauge("ossp.a2a.pool.available", "", "a2a", "Idle HTTP connections in the A2A pool.");

  /** Requests waiting for an A2A pool connection. */
  public static final MetricDefinition A2A_POOL_PENDING =
      gauge("ossp.a2a.pool.pending", "", "a2a", "Requests waiting for an A2A pool connection.");

  // MCP.

  /** MCP tool calls, by server, tool and outcome. */
  public static final MetricDefinition MCP_CALLS =
      counter(
          "ossp.mcp.calls",
          "",
          "mcp",
          "MCP tool calls, by server, tool and outcome.",
          "server",
          "tool",
          "outcome");

  /** Time of an MCP tool call, by server and tool. */
  public static final MetricDefinition MCP_CALL_LATENCY =
      timer("ossp.mcp.call.latency", "mcp", "Time of an MCP tool call.", "server", "tool");

  /** MCP requests sent and awaiting a response, by server. */
  public static final MetricDefinition MCP_IN_FLIGHT =
      gauge("ossp.mcp.in_flight", "", "mcp", "MCP requests awaiting a response.", "server");

  /** Running MCP server processes. */
  public static final MetricDefinition MCP_PROCESSES =
      gauge("ossp.mcp.processes", "", "mcp", "Running MCP server processes.");

  /** Restarts of an MCP server connection or process after a failure, by server. */
  public static final MetricDefinition MCP_RESTARTS =
      counter(
          "ossp.mcp.restarts",
          "",
          "mcp",
          "Restarts of an MCP server process or connection after a failure.",
          "server");

  /** MCP connections leased from the pool. */
  public static final MetricDefinition MCP_POOL_LEASED =
      gauge("ossp.mcp.pool.leased", "", "mcp", "MCP connections leased from the pool.");

  /** Idle MCP connections in the pool. */
  public static final MetricDefinition MCP_POOL_AVAILABLE =
      gauge("ossp.mcp.pool.available", "", "mcp", "Idle MCP connections in the pool.");

  /** Callers waiting for an MCP pool connection. */
  public static final MetricDefinition MCP_POOL_PENDING =
      gauge("ossp.mcp.pool.pending", "", "mcp", "Callers waiting for an MCP pool connection.");

  // Resilience.

  /** Attempts made by a retry policy, by policy name and outcome. */
  public static final MetricDefinition RESILIENCE_ATTEMPTS =
      counter(
          "ossp.resilience.attempts",
          "",
          "resilience",
          "Attempts made by a retry policy, by policy and outcome.",
          "name",
          "outcome");

  /** Retries a retry budget rejected, by policy name. */
  public static final MetricDefinition RESILIENCE_BUDGET_REJECTIONS =
      counter(
          "ossp.resilience.budget.rejections",
          "",
          "resilience",
          "Retries rejected because the retry budget was spent.",
          "name");

  /** Calls a circuit breaker rejected without trying them, by breaker name. */
  public static final MetricDefinition RESILIENCE_NOT_PERMITTED =
      counter(
          "ossp.resilience.not_permitted",
          "",
          "resilience",
          "Calls a circuit breaker rejected without trying them.",
          "name");

  private static final Map<String, MetricDefinition> BY_NAME = index();

  private MetricCatalog() {}

  /** Returns every definition, sorted by name. */
  public static List<MetricDefinition> all() {
    return List.copyOf(BY_NAME.values());
  }

  /** Returns the definitions recorded by module {@code owner}, such as {@code discovery}. */
  public static List<MetricDefinition> ownedBy(String owner) {
    Objects.requireNonNull(owner, "owner");

    List<MetricDefinition> owned = new ArrayList<>();
    for (MetricDefinition definition : BY_NAME.values()) {
      if (definition.owner().equals(owner)) {
        owned.add(definition);
      }
    }
    return List.copyOf(owned);
  }

  /** Returns the definition of {@code name}, or empty when the catalogue has none. */
  public static Optional<MetricDefinition> find(String name) {
    Objects.requireNonNull(name, "name");

    return Optional.ofNullable(BY_NAME.get(name));
  }

  private static MetricDefinition counter(
      String name, String unit, String owner, String description, String... tagKeys) {
    return new MetricDefinition(
        name, MetricType.COUNTER, unit, List.of(tagKeys), owner, description);
  }

  private static MetricDefinition gauge(
      String name, String unit, String owner, String description, String... tagKeys) {
    return new MetricDefinition(name, MetricType.GAUGE, unit, List.of(tagKeys), owner, description);
  }

  private static MetricDefinition timer(
      String name, String owner, String description, String... tagKeys) {
    return new MetricDefinition(
        name, MetricType.TIMER, "seconds", List.of(tagKeys), owner, description);
  }

  private static Map<String, MetricDefinition> index() {
    Map<String, MetricDefinition> byName = new TreeMap<>();
    for (Field field : MetricCatalog.class.getDeclaredFields()) {
      if (field.getType() != MetricDefinition.class || !Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      try {
        MetricDefinition definition = (MetricDefinition) field.get(null);
        if (byName.put(definition.name(), definition) != null) {
          throw new IllegalStateException("metric " + definition.name() + " is defined twice");
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read catalogue field " + field.getName(), e);
      }
    }
    return Collections.unmodifiableMap(byName);
  }
}
