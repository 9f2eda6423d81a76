package dev.ossp.runtime.mcp.internal;

import dev.ossp.runtime.backoff.BackoffSettings;
import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.mcp.McpRoot;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpTransportKind;
import dev.ossp.runtime.mcp.internal.pool.PoolOptions;
import dev.ossp.runtime.pool.PoolSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configuration keys of the {@code mcp} component: one group per server under {@code
 * mcp.servers.<id>.*} and the pool's settings under {@code mcp.pool.*}.
 */
public final class McpConfigKeys {
  private static final String SERVER = "mcp.servers.*.";

  /** The transport: {@code stdio} or {@code streamable-http}. */
  public static final ConfigKey<String> TRANSPORT =
      ConfigKey.oneOf(SERVER + "transport", List.of("stdio", "streamable-http"))
          .defaultValue("stdio")
          .description("How to reach the server: stdio (a local process) or streamable-http.")
          .build();

  /** The command of a stdio server. */
  public static final ConfigKey<String> COMMAND =
      ConfigKey.string(SERVER + "command")
          .description("The stdio server's command: a path, or a name looked up in its PATH.")
          .build();

  /** The arguments of a stdio server's command. */
  public static final ConfigKey<List<String>> ARGS =
      ConfigKey.stringList(SERVER + "args")
          .description("Arguments of the command, passed on unchanged without a shell.")
          .build();

  /** Command and arguments as one line, split with shell-like quoting. */
  public static final ConfigKey<String> COMMAND_LINE =
      ConfigKey.string(SERVER + "command-line")
          .description(
              "Command and arguments as one line, split with shell-like quoting; pipes,"
                  + " redirections and expansions are rejected. Use instead of command and args.")
          .build();

  /** The URL of a Streamable HTTP server. */
  public static final ConfigKey<String> URL =
      ConfigKey.string(SERVER + "url")
          .description("The endpoint URL of a streamable-http server.")
          .build();

  /** HTTP headers for a Streamable HTTP server, as {@code Name: value}. */
  public static final ConfigKey<List<String>> HEADERS =
      ConfigKey.stringList(SERVER + "headers")
          .description("Extra HTTP headers as 'Name: value' entries, such as Authorization.")
          .secret()
          .build();

  /** The server's own environment variables, as {@code NAME=value}. */
  public static final ConfigKey<List<String>> ENV =
      ConfigKey.stringList(SERVER + "env")
          .description("The stdio server's own environment variables as NAME=value entries.")
          .secret()
          .build();

  /** Whether a stdio server gets the whole JVM environment. */
  public static final ConfigKey<Boolean> INHERIT_ENVIRONMENT =
      ConfigKey.bool(SERVER + "inherit-environment")
          .defaultValue(false)
          .description(
              "Give the stdio server the whole JVM environment instead of PATH, HOME, LANG,"
                  + " TMPDIR and USER.")
          .build();

  /** The working directory of a stdio server. */
  public static final ConfigKey<Path> WORKING_DIRECTORY =
      ConfigKey.path(SERVER + "working-directory")
          .description("The stdio server's working directory; the runtime's when unset.")
          .build();

  /** Roots offered to the server. */
  public static final ConfigKey<List<String>> ROOTS =
      ConfigKey.stringList(SERVER + "roots")
          .description("Roots offered to the server: directories or absolute URIs.")
          .build();

  /** The default request timeout. */
  public static final ConfigKey<Duration> REQUEST_TIMEOUT =
      ConfigKey.duration(SERVER + "request-timeout")
          .defaultValue(McpServerSpec.DEFAULT_REQUEST_TIMEOUT)
          .range(Duration.ofMillis(1), Duration.ofHours(24))
          .description("Timeout of each request unless the call sets one.")
          .build();

  /** The initialize timeout. */
  public static final ConfigKey<Duration> INITIALIZE_TIMEOUT =
      ConfigKey.duration(SERVER + "initialize-timeout")
          .defaultValue(McpServerSpec.DEFAULT_INITIALIZE_TIMEOUT)
          .range(Duration.ofMillis(1), Duration.ofMinutes(10))
          .description("Timeout of the process start and initialize handshake together.")
          .build();

  /** The close grace period. */
  public static final ConfigKey<Duration> CLOSE_GRACE_PERIOD =
      ConfigKey.duration(SERVER + "close-grace-period")
          .defaultValue(McpServerSpec.DEFAULT_CLOSE_GRACE_PERIOD)
          .range(Duration.ofMillis(1), Duration.ofMinutes(5))
          .description("Time a closing stdio server gets to exit before it is terminated.")
          .build();

  /** The maximum message size. */
  public static final ConfigKey<Long> MAX_MESSAGE_SIZE =
      ConfigKey.bytes(SERVER + "max-message-size")
          .defaultValue(McpServerSpec.DEFAULT_MAX_MESSAGE_SIZE)
          .range(1024L, McpServerSpec.MAX_MESSAGE_SIZE_LIMIT)
          .description("Maximum size of one message; a larger answer fails only its request.")
          .build();

  /** The number of stderr lines kept. */
  public static final ConfigKey<Integer> STDERR_TAIL_LINES =
      ConfigKey.integer(SERVER + "stderr-tail-lines")
          .defaultValue(McpServerSpec.DEFAULT_STDERR_TAIL_LINES)
          .range(0, 10_000)
          .description("Last stderr lines of a stdio server kept for error messages.")
          .build();

  /** The maximum number of connections. */
  public static final ConfigKey<Integer> MAX_PROCESSES =
      ConfigKey.integer("mcp.pool.max-processes")
          .defaultValue(16)
          .range(1, 10_000)
          .description("Maximum MCP connections (processes for stdio) open at once.")
          .build();

  /** The starting limit per server. */
  public static final ConfigKey<Integer> MAX_PER_SERVER =
      ConfigKey.integer("mcp.pool.max-per-server")
          .defaultValue(1)
          .range(1, 10_000)
          .description("Connections per server; one process serves concurrent requests.")
          .build();

  /** The ceiling an adaptive pooling strategy may raise the per-server limit to. */
  public static final ConfigKey<Integer> MAX_PER_SERVER_CEILING =
      ConfigKey.integer("mcp.pool.max-per-server-ceiling")
          .defaultValue(4)
          .range(1, 10_000)
          .description("Highest per-server limit an adaptive pooling strategy may set.")
          .build();

  /** The idle timeout. */
  public static final ConfigKey<Duration> IDLE_TIMEOUT =
      ConfigKey.duration("mcp.pool.idle-timeout")
          .defaultValue(Duration.ofMinutes(5))
          .min(Duration.ofSeconds(1))
          .description("A connection without requests for this long is closed.")
          .build();

  /** The maintenance interval. */
  public static final ConfigKey<Duration> MAINTENANCE_INTERVAL =
      ConfigKey.duration("mcp.pool.maintenance-interval")
          .defaultValue(PoolOptions.DEFAULTS.maintenanceInterval())
          .min(Duration.ofMillis(100))
          .description("How often idle eviction and health checks run.")
          .build();

  /** The health check interval. */
  public static final ConfigKey<Duration> HEALTH_CHECK_INTERVAL =
      ConfigKey.duration("mcp.pool.health-check-interval")
          .defaultValue(PoolOptions.DEFAULTS.healthCheckInterval())
          .min(Duration.ofMillis(100))
          .description("A connection unused for this long gets a ping at the next maintenance.")
          .build();

  /** The health check timeout. */
  public static final ConfigKey<Duration> HEALTH_CHECK_TIMEOUT =
      ConfigKey.duration("mcp.pool.health-check-timeout")
          .defaultValue(PoolOptions.DEFAULTS.healthCheckTimeout())
          .min(Duration.ofMillis(1))
          .description("A health ping slower than this replaces the connection.")
          .build();

  /** The time after which a connection counts as stable. */
  public static final ConfigKey<Duration> STABLE_AFTER =
      ConfigKey.duration("mcp.pool.stable-after")
          .defaultValue(PoolOptions.DEFAULTS.stableAfter())
          .min(Duration.ofMillis(1))
          .description("A server that ran this long counts as a success for its breaker.")
          .build();

  /** The first restart delay. */
  public static final ConfigKey<Duration> RESTART_BASE_DELAY =
      ConfigKey.duration("mcp.pool.restart-base-delay")
          .defaultValue(PoolOptions.DEFAULTS.backoff().baseDelay())
          .min(Duration.ofMillis(1))
          .description("Backoff base delay before restarting a crashed server.")
          .build();

  /** The maximum restart delay. */
  public static final ConfigKey<Duration> RESTART_MAX_DELAY =
      ConfigKey.duration("mcp.pool.restart-max-delay")
          .defaultValue(PoolOptions.DEFAULTS.backoff().maxDelay())
          .min(Duration.ofMillis(1))
          .description("Backoff cap for restarts; at least the base delay.")
          .build();

  /** The restart delay multiplier. */
  public static final ConfigKey<Double> RESTART_MULTIPLIER =
      ConfigKey.decimal("mcp.pool.restart-multiplier")
          .defaultValue(PoolOptions.DEFAULTS.backoff().multiplier())
          .range(1.0, 100.0)
          .description("Growth of the restart delay per consecutive failure.")
          .build();

  /** The jitter fraction of restart delays. */
  public static final ConfigKey<Double> RESTART_JITTER =
      ConfigKey.decimal("mcp.pool.restart-jitter")
          .defaultValue(PoolOptions.DEFAULTS.backoff().jitterFactor())
          .range(0.0, 1.0)
          .description("Fraction of each restart delay that is randomized.")
          .build();

  /** Failures that open the built-in breaker. */
  public static final ConfigKey<Integer> CRASH_LOOP_THRESHOLD =
      ConfigKey.integer("mcp.pool.crash-loop-threshold")
          .defaultValue(PoolOptions.DEFAULTS.crashLoopThreshold())
          .range(1, 1000)
          .description(
              "Consecutive failures that open a server's breaker when no resilience component"
                  + " is installed.")
          .build();

  /** How long the built-in breaker stays open. */
  public static final ConfigKey<Duration> CRASH_LOOP_OPEN_DURATION =
      ConfigKey.duration("mcp.pool.crash-loop-open-duration")
          .defaultValue(PoolOptions.DEFAULTS.crashLoopOpenDuration())
          .min(Duration.ofMillis(1))
          .description("How long the built-in breaker stays open before one probe.")
          .build();

  /** Attempts of a tool call that may be retried. */
  public static final ConfigKey<Integer> TOOL_CALL_ATTEMPTS =
      ConfigKey.integer("mcp.pool.tool-call-attempts")
          .defaultValue(PoolOptions.DEFAULTS.toolCallAttempts())
          .range(1, 10)
          .description(
              "Attempts of a pooled tool call after a lost connection, the first included; only"
                  + " read-only or idempotent tools, or calls that opt in, are retried.")
          .build();

  /** Every key, for {@code RuntimeComponent.configKeys()}. */
  public static final List<ConfigKey<?>> ALL =
      List.of(
          TRANSPORT,
          COMMAND,
          ARGS,
          COMMAND_LINE,
          URL,
          HEADERS,
          ENV,
          INHERIT_ENVIRONMENT,
          WORKING_DIRECTORY,
          ROOTS,
          REQUEST_TIMEOUT,
          INITIALIZE_TIMEOUT,
          CLOSE_GRACE_PERIOD,
          MAX_MESSAGE_SIZE,
          STDERR_TAIL_LINES,
          MAX_PROCESSES,
          MAX_PER_SERVER,
          MAX_PER_SERVER_CEILING,
          IDLE_TIMEOUT,
          MAINTENANCE_INTERVAL,
          HEALTH_CHECK_INTERVAL,
          HEALTH_CHECK_TIMEOUT,
          STABLE_AFTER,
          RESTART_BASE_DELAY,
          RESTART_MAX_DELAY,
          RESTART_MULTIPLIER,
          RESTART_JITTER,
          CRASH_LOOP_THRESHOLD,
          CRASH_LOOP_OPEN_DURATION,
          TOOL_CALL_ATTEMPTS);

  private McpConfigKeys() {}

  /**
   * Returns the spec of every server configured under {@code mcp.servers}.
   *
   * @throws ConfigException listing every invalid server setting
   */
  public static List<McpServerSpec> servers(RuntimeConfig config) {
    List<McpServerSpec> specs = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    for (String id : config.children("mcp", "servers")) {
      try {
        specs.add(server(config, id));
      } catch (IllegalArgumentException e) {
        violations.add(new Violation("mcp.servers." + id, e.getMessage()));
      }
    }
    if (!violations.isEmpty()) {
      throw new ConfigException(violations);
    }
    return specs;
  }

  private static McpServerSpec server(RuntimeConfig config, String id) {
    McpServerSpec.Builder builder = McpServerSpec.builder(id);
    boolean http = config.get(TRANSPORT, id).equals("streamable-http");
    builder.transport(http ? McpTransportKind.STREAMABLE_HTTP : McpTransportKind.STDIO);
    Optional<String> commandLine = config.find(COMMAND_LINE, id);
    Optional<String> command = config.find(COMMAND, id);
    if (commandLine.isPresent() && (command.isPresent() || config.isSet(ARGS, id))) {
      throw new IllegalArgumentException("set either command-line or command and args, not both");
    }
    commandLine.ifPresent(builder::commandLine);
    command.ifPresent(builder::command);
    config.find(ARGS, id).ifPresent(builder::args);
    config.find(URL, id).ifPresent(url -> builder.url(URI.create(url)));
    for (String header : config.find(HEADERS, id).orElse(List.of())) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("headers entries must be 'Name: value'");
      }
      builder.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
    }
    for (String variable : config.find(ENV, id).orElse(List.of())) {
      int equals = variable.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("env entries must be NAME=value");
      }
      builder.env(variable.substring(0, equals), variable.substring(equals + 1));
    }
    builder.inheritEnvironment(config.get(INHERIT_ENVIRONMENT, id));
    config.find(WORKING_DIRECTORY, id).ifPresent(builder::workingDirectory);
    for (String root : config.find(ROOTS, id).orElse(List.of())) {
      builder.root(
          root.contains("://")
              ? new McpRoot(URI.create(root), null)
              : McpRoot.ofDirectory(Path.of(root)));
    }
    return builder
        .requestTimeout(config.get(REQUEST_TIMEOUT, id))
        .initializeTimeout(config.get(INITIALIZE_TIMEOUT, id))
        .closeGracePeriod(config.get(CLOSE_GRACE_PERIOD, id))
        .maxMessageSize(config.get(MAX_MESSAGE_SIZE, id))
        .stderrTailLines(config.get(STDERR_TAIL_LINES, id))
        .build();
  }

  /** Returns the pool limits from configuration. */
  public static PoolSettings poolSettings(RuntimeConfig config) {
    int maxTotal = config.get(MAX_PROCESSES);
    int perServer = Math.min(config.get(MAX_PER_SERVER), maxTotal);
    int ceiling = Math.max(perServer, Math.min(config.get(MAX_PER_SERVER_CEILING), maxTotal));
    return new PoolSettings("mcp", maxTotal, perServer, 1, ceiling, config.get(IDLE_TIMEOUT));
  }

  /**
   * Returns the pool options from configuration.
   *
   * @throws ConfigException if the restart max delay is below the base delay
   */
  public static PoolOptions poolOptions(RuntimeConfig config) {
    BackoffSettings backoff;
    try {
      backoff =
          new BackoffSettings(
              config.get(RESTART_BASE_DELAY),
              config.get(RESTART_MULTIPLIER),
              config.get(RESTART_MAX_DELAY),
              config.get(RESTART_JITTER));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(new Violation("mcp.pool.restart-max-delay", e.getMessage()));
    }
    return new PoolOptions(
        config.get(MAINTENANCE_INTERVAL),
        config.get(HEALTH_CHECK_INTERVAL),
        config.get(HEALTH_CHECK_TIMEOUT),
        config.get(STABLE_AFTER),
        backoff,
        config.get(CRASH_LOOP_THRESHOLD),
        config.get(CRASH_LOOP_OPEN_DURATION),
        config.get(TOOL_CALL_ATTEMPTS));
  }
}
