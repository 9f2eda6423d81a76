package dev.ossp.runtime.core;

import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.spi.StrategyKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The configuration keys the runtime core reads. Components declare their own keys through {@link
 * dev.ossp.runtime.component.RuntimeComponent#configKeys()}; these are always declared.
 *
 * <p>This class contains only constants and is thread-safe.
 */
public final class CoreConfigKeys {
  /**
   * The form of strategy and component names: lower-case letters, digits and dashes, starting with
   * a letter or digit.
   */
  public static final String NAME_PATTERN = "[a-z0-9][a-z0-9-]*";

  /** Directory for the runtime's data, such as the generated API key; default {@code var}. */
  public static final ConfigKey<Path> RUNTIME_DATA_DIR =
      ConfigKey.path("runtime.data-dir")
          .defaultValue(Path.of("var"))
          .description(
              "directory for runtime data such as the generated API key; relative paths resolve"
                  + " against the working directory")
          .build();

  /**
   * Directory whose {@code *.jar} files are loaded as plugins; default {@code plugins}. A missing
   * directory means no plugins.
   */
  public static final ConfigKey<Path> RUNTIME_PLUGINS_DIR =
      ConfigKey.path("runtime.plugins-dir")
          .defaultValue(Path.of("plugins"))
          .description("directory whose *.jar files are loaded as plugins; may be missing")
          .build();

  /** Whether a JVM shutdown hook stops a running runtime; default {@code true}. */
  public static final ConfigKey<Boolean> RUNTIME_SHUTDOWN_HOOK =
      ConfigKey.bool("runtime.shutdown-hook")
          .defaultValue(true)
          .description("whether a JVM shutdown hook stops the running runtime")
          .build();

  /** Whether the node's HTTP server runs; default {@code true}. */
  public static final ConfigKey<Boolean> NODE_ENABLED =
      ConfigKey.bool("node.enabled")
          .defaultValue(true)
          .description("whether the node's HTTP server runs")
          .build();

  /** The address the node binds; default {@code 127.0.0.1}. */
  public static final ConfigKey<String> NODE_HOST =
      ConfigKey.string("node.host")
          .defaultValue("127.0.0.1")
          .description("address the node binds, such as 127.0.0.1 or 0.0.0.0")
          .check(value -> value.isBlank() ? "must not be empty" : null)
          .build();

  /** The TCP port the node binds, in 0..65535; default 7070; 0 picks a free port. */
  public static final ConfigKey<Integer> NODE_PORT =
      ConfigKey.integer("node.port")
          .defaultValue(7070)
          .range(0, 65535)
          .description("TCP port the node binds; 0 picks a free (ephemeral) port")
          .build();

  /** The largest accepted request body in bytes, at least 1 KiB; default 1 MiB. */
  public static final ConfigKey<Long> NODE_MAX_BODY_SIZE =
      ConfigKey.bytes("node.max-body-size")
          .defaultValue(1024L * 1024)
          .range(1024L, 1024L * 1024 * 1024)
          .description("largest accepted request body in bytes; larger bodies get 413")
          .build();

  /** How long stopping waits for in-flight requests, in 0s..5m; default 10s. */
  public static final ConfigKey<Duration> NODE_SHUTDOWN_TIMEOUT =
      ConfigKey.duration("node.shutdown-timeout")
          .defaultValue(Duration.ofSeconds(10))
          .range(Duration.ZERO, Duration.ofMinutes(5))
          .description("how long stopping waits for in-flight requests to complete")
          .build();

  /** How long an idle connection stays open, in 1s..1h; default 30s. */
  public static final ConfigKey<Duration> NODE_IDLE_TIMEOUT =
      ConfigKey.duration("node.idle-timeout")
          .defaultValue(Duration.ofSeconds(30))
          .range(Duration.ofSeconds(1), Duration.ofHours(1))
          .description("how long an idle HTTP connection stays open")
          .build();

  /** The maximum number of request threads, in 8..1000; default 64. */
  public static final ConfigKey<Integer> NODE_MAX_THREADS =
      ConfigKey.integer("node.max-threads")
          .defaultValue(64)
          .range(8, 1000)
          .description("maximum number of threads serving requests")
          .build();

  /**
   * The API key that protected routes require, at least 16 characters. Unset by default: the node
   * then reads {@code <data-dir>/api-key}, or generates that file on first start.
   */
  public static final ConfigKey<String> NODE_API_KEY =
      ConfigKey.string("node.api-key")
          .secret()
          .check(value -> value.strip().length() < 16 ? "must be at least 16 characters" : null)
          .description(
              "API key for protected routes; when unset, read from or generated into"
                  + " <data-dir>/api-key")
          .build();

  /** The cache strategy used runtime-wide; default {@code caffeine}. */
  public static final ConfigKey<String> STRATEGIES_CACHE = strategyKey(StrategyKind.CACHE);

  /** The backoff strategy used runtime-wide; default {@code decorrelated-jitter}. */
  public static final ConfigKey<String> STRATEGIES_BACKOFF = strategyKey(StrategyKind.BACKOFF);

  /** The pooling strategy used runtime-wide; default {@code fixed}. */
  public static final ConfigKey<String> STRATEGIES_POOLING = strategyKey(StrategyKind.POOLING);

  /** The registry store used runtime-wide; default {@code file}. */
  public static final ConfigKey<String> STRATEGIES_REGISTRY_STORE =
      strategyKey(StrategyKind.REGISTRY_STORE);

  /** The log line format, {@code text} or {@code json}; read by the logging configuration. */
  public static final ConfigKey<String> LOG_FORMAT =
      ConfigKey.oneOf("log.format", List.of("text", "json"))
          .defaultValue("text")
          .description("log line format: text or json")
          .build();

  /** Every core key, in the order the README's table lists them. */
  public static final List<ConfigKey<?>> ALL =
      List.of(
          RUNTIME_DATA_DIR,
          RUNTIME_PLUGINS_DIR,
          RUNTIME_SHUTDOWN_HOOK,
          NODE_ENABLED,
          NODE_HOST,
          NODE_PORT,
          NODE_MAX_BODY_SIZE,
          NODE_SHUTDOWN_TIMEOUT,
          NODE_IDLE_TIMEOUT,
          NODE_MAX_THREADS,
          NODE_API_KEY,
          STRATEGIES_CACHE,
          STRATEGIES_BACKOFF,
          STRATEGIES_POOLING,
          STRATEGIES_REGISTRY_STORE,
          LOG_FORMAT);

  private CoreConfigKeys() {}

  /**
   * Returns the key that selects the runtime-wide strategy of {@code kind}.
   *
   * @throws IllegalArgumentException if the kind has no selection key (auth providers)
   */
  public static ConfigKey<String> strategyKeyOf(StrategyKind<?> kind) {
    String name =
        kind.configKey()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        kind.label() + " strategies have no runtime-wide selection"));
    for (ConfigKey<String> key :
        List.of(
            STRATEGIES_CACHE, STRATEGIES_BACKOFF, STRATEGIES_POOLING, STRATEGIES_REGISTRY_STORE)) {
      if (key.name().equals(name)) {
        return key;
      }
    }
    throw new IllegalArgumentException("no core key named " + name);
  }

  private static ConfigKey<String> strategyKey(StrategyKind<?> kind) {
    String name = kind.configKey().orElseThrow();
    String defaultName = kind.defaultName().orElseThrow();
    return ConfigKey.string(name)
        .defaultValue(defaultName)
        .check(
            value ->
                value.matches(NAME_PATTERN)
                    ? null
                    : "must be a strategy name matching " + NAME_PATTERN)
        .description(
            "name of the " + kind.label() + " strategy used runtime-wide; default " + defaultName)
        .build();
  }
}
