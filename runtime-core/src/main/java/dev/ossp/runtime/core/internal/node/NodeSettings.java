package dev.ossp.runtime.core.internal.node;

import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.core.CoreConfigKeys;
import java.time.Duration;
import java.util.Objects;

/**
 * The node server's settings, read from the {@code node.*} keys.
 *
 * @param host the address to bind
 * @param port the port to bind; 0 picks a free one
 * @param maxBodySize the largest accepted request body, in bytes
 * @param shutdownTimeout how long stopping waits for in-flight requests
 * @param idleTimeout how long an idle connection stays open
 * @param maxThreads the maximum number of request threads
 */
public record NodeSettings(
    String host,
    int port,
    long maxBodySize,
    Duration shutdownTimeout,
    Duration idleTimeout,
    int maxThreads) {

  /** Checks that every part is present. */
  public NodeSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
  }

  /** Reads the settings from validated configuration. */
  public static NodeSettings from(RuntimeConfig config) {
    Objects.requireNonNull(config, "config");

    return new NodeSettings(
        config.get(CoreConfigKeys.NODE_HOST).strip(),
        config.get(CoreConfigKeys.NODE_PORT),
        config.get(CoreConfigKeys.NODE_MAX_BODY_SIZE),
        config.get(CoreConfigKeys.NODE_SHUTDOWN_TIMEOUT),
        config.get(CoreConfigKeys.NODE_IDLE_TIMEOUT),
        config.get(CoreConfigKeys.NODE_MAX_THREADS));
  }
}
