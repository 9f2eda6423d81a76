package dev.ossp.runtime.zookeeper.internal;

import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.config.ConfigType;
import dev.ossp.runtime.error.Violation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.zookeeper.common.PathUtils;
import org.jspecify.annotations.Nullable;

/**
 * The {@code zookeeper} store's options, from {@code discovery.store.zookeeper.*}.
 *
 * @param connectString the ensemble, {@code host:port} pairs separated by commas; default {@code
 *     127.0.0.1:2181}
 * @param namespace the absolute ZooKeeper path under which the store keeps its nodes; default
 *     {@code /ossp/registry}. Nodes that share a registry use the same namespace.
 * @param sessionTimeout the requested session timeout, in 1s..10m; default 30s. The servers clamp
 *     it to 2..20 ticks of their {@code tickTime}.
 * @param connectionTimeout how long opening the store and each write wait for a connection, in
 *     100ms..5m; default 10s
 * @param retryBaseSleep the first pause of the client's exponential retry policy, in 1ms..1m;
 *     default 100ms
 * @param retryMaxSleep the longest pause of the retry policy, in 1ms..5m and at least {@code
 *     retryBaseSleep}; default 5s
 * @param retryMaxRetries the number of retries after a connection loss, in 0..29; default 3
 * @param authDigestFile a file holding {@code user:password} for ZooKeeper digest authentication;
 *     none by default. The file is read at open and its content is never logged.
 * @param acl the ACL of the nodes the store creates; default {@code creator} with digest
 *     authentication, else {@code open}
 */
public record ZooKeeperStoreOptions(
    String connectString,
    String namespace,
    Duration sessionTimeout,
    Duration connectionTimeout,
    Duration retryBaseSleep,
    Duration retryMaxSleep,
    int retryMaxRetries,
    @Nullable Path authDigestFile,
    Acl acl) {

  /** The option names. */
  public static final List<String> NAMES =
      List.of(
          "connect-string",
          "namespace",
          "session-timeout",
          "connection-timeout",
          "retry-base-sleep",
          "retry-max-sleep",
          "retry-max-retries",
          "auth-digest-file",
          "acl");

  /** The default connect string: one server on this host at ZooKeeper's client port. */
  public static final String DEFAULT_CONNECT_STRING = "127.0.0.1:2181";

  /** The default namespace. */
  public static final String DEFAULT_NAMESPACE = "/ossp/registry";

  private static final String PREFIX = "discovery.store.zookeeper.";

  /** The ACL given to the nodes the store creates. */
  public enum Acl {
    /** Anyone may read and write ({@code world:anyone}); for ensembles without authentication. */
    OPEN,
    /** Only the authenticated identity that created a node may use it; needs digest auth. */
    CREATOR,
    /** The creator has every permission and anyone may read; needs digest auth. */
    CREATOR_WORLD_READ;

    /** Returns the option value, such as {@code creator-world-read}. */
    public String optionValue() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Checks the values. */
  public ZooKeeperStoreOptions {
    Objects.requireNonNull(connectString, "connectString");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(sessionTimeout, "sessionTimeout");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    Objects.requireNonNull(retryBaseSleep, "retryBaseSleep");
    Objects.requireNonNull(retryMaxSleep, "retryMaxSleep");
    Objects.requireNonNull(acl, "acl");
  }

  /** The defaults: one local server, {@code /ossp/registry}, 30 s sessions, no authentication. */
  public static ZooKeeperStoreOptions defaults() {
    return new ZooKeeperStoreOptions(
        DEFAULT_CONNECT_STRING,
        DEFAULT_NAMESPACE,
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        Duration.ofMillis(100),
        Duration.ofSeconds(5),
        3,
        null,
        Acl.OPEN);
  }

  /**
   * Parses the options.
   *
   * @throws ConfigException naming each unknown option or invalid value, with what is valid
   */
  public static ZooKeeperStoreOptions parse(Map<String, String> options) {
    Objects.requireNonNull(options, "options");

    Parser parser = new Parser();
    for (Map.Entry<String, String> option : options.entrySet()) {
      parser.accept(option.getKey(), option.getValue().strip());
    }
    return parser.build();
  }

  /** Collects values and violations, then checks the options that depend on each other. */
  private static final class Parser {
    private final ZooKeeperStoreOptions defaults = defaults();
    private final List<Violation> violations = new ArrayList<>();
    private String connectString = defaults.connectString();
    private String namespace = defaults.namespace();
    private Duration sessionTimeout = defaults.sessionTimeout();
    private Duration connectionTimeout = defaults.connectionTimeout();
    private Duration retryBaseSleep = defaults.retryBaseSleep();
    private Duration retryMaxSleep = defaults.retryMaxSleep();
    private int retryMaxRetries = defaults.retryMaxRetries();
    private @Nullable Path authDigestFile;
    private @Nullable Acl acl;

    void accept(String name, String value) {
      try {
        switch (name) {
          case "connect-string" -> connectString = connectString(value);
          case "namespace" -> namespace = namespace(value);
          case "session-timeout" ->
              sessionTimeout = duration(value, Duration.ofSeconds(1), Duration.ofMinutes(10));
          case "connection-timeout" ->
              connectionTimeout = duration(value, Duration.ofMillis(100), Duration.ofMinutes(5));
          case "retry-base-sleep" ->
              retryBaseSleep = duration(value, Duration.ofMillis(1), Duration.ofMinutes(1));
          case "retry-max-sleep" ->
              retryMaxSleep = duration(value, Duration.ofMillis(1), Duration.ofMinutes(5));
          case "retry-max-retries" -> {
            // Curator's exponential policy shifts by the retry count, so it caps retries at 29.
            retryMaxRetries = ConfigType.INTEGER.convert(value);
            if (retryMaxRetries < 0 || retryMaxRetries > 29) {
              throw new IllegalArgumentException("must be in 0..29");
            }
          }
          case "auth-digest-file" -> authDigestFile = ConfigType.PATH.convert(value);
          case "acl" ->
              acl =
                  Acl.valueOf(
                      ConfigType.oneOf(List.of("open", "creator", "creator-world-read"))
                          .convert(value)
                          .toUpperCase(Locale.ROOT)
                          .replace('-', '_'));
          default ->
              throw new IllegalArgumentException(
                  "unknown option of the zookeeper store; known options: "
                      + String.join(", ", NAMES));
        }
      } catch (IllegalArgumentException e) {
        // The value of auth-digest-file is a path, not a secret, so it may be shown.
        violations.add(
            new Violation(PREFIX + name, "'" + value + "' is invalid: " + e.getMessage()));
      }
    }

    ZooKeeperStoreOptions build() {
      if (retryMaxSleep.compareTo(retryBaseSleep) < 0) {
        violations.add(
            new Violation(
                PREFIX + "retry-max-sleep",
                retryMaxSleep + " is below retry-base-sleep (" + retryBaseSleep + ")"));
      }
      Acl chosen = acl != null ? acl : authDigestFile != null ? Acl.CREATOR : Acl.OPEN;
      if (chosen != Acl.OPEN && authDigestFile == null) {
        violations.add(
            new Violation(
                PREFIX + "acl",
                "'"
                    + chosen.optionValue()
                    + "' needs digest authentication; set "
                    + PREFIX
                    + "auth-digest-file, or use acl 'open'"));
      }
      if (!violations.isEmpty()) {
        throw new ConfigException(violations);
      }
      return new ZooKeeperStoreOptions(
          connectString,
          namespace,
          sessionTimeout,
          connectionTimeout,
          retryBaseSleep,
          retryMaxSleep,
          retryMaxRetries,
          authDigestFile,
          chosen);
    }

    private static String connectString(String value) {
      if (value.isEmpty()) {
        throw new IllegalArgumentException("give host:port pairs separated by commas");
      }
      int slash = value.indexOf('/');
      String hosts = slash < 0 ? value : value.substring(0, slash);
      for (String server : hosts.split(",", -1)) {
        int colon = server.lastIndexOf(':');
        if (server.isBlank() || colon <= 0 || colon == server.length() - 1) {
          throw new IllegalArgumentException(
              "server '" + server + "' is not host:port; give host:port pairs separated by commas");
        }
        int port;
        try {
          port = Integer.parseInt(server.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("server '" + server + "' has no numeric port");
        }
        if (port < 1 || port > 65535) {
          throw new IllegalArgumentException(
              "server '" + server + "' has port " + port + "; ports are 1..65535");
        }
      }
      if (slash >= 0) {
        namespace(value.substring(slash));
      }
      return value;
    }

    private static String namespace(String value) {
      if (value.equals("/")) {
        throw new IllegalArgumentException(
            "the root would mix the registry with other data; use a path such as "
                + DEFAULT_NAMESPACE);
      }
      String path = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
      try {
        PathUtils.validatePath(path);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "not a valid absolute ZooKeeper path (" + e.getMessage() + ")", e);
      }
      return path;
    }

    private static Duration duration(String value, Duration min, Duration max) {
      Duration duration = ConfigType.DURATION.convert(value);
      if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            "must be in "
                + ConfigType.DURATION.format(min)
                + ".."
                + ConfigType.DURATION.format(max));
      }
      return duration;
    }
  }
}
