package dev.ossp.runtime.core;

import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.core.internal.Assembly;
import dev.ossp.runtime.core.internal.Bootstrap;
import dev.ossp.runtime.core.internal.RuntimeLifecycle;
import dev.ossp.runtime.core.internal.inject.DefaultComponentContext;
import dev.ossp.runtime.node.NodeInfo;
import dev.ossp.runtime.spi.Strategies;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * One OSSP runtime: configuration, plugins, components, strategies, one injector and the node's
 * HTTP server.
 *
 * <pre>{@code
 * try (OsspRuntime runtime = OsspRuntime.builder().configFile(Path.of("conf/runtime.yaml")).build()) {
 *   runtime.start();
 *   System.out.println(runtime.node().baseUri() + " " + runtime.health().status());
 * }
 * }</pre>
 *
 * <p>{@link Builder#build()} reads and validates everything and throws one {@link ConfigException}
 * listing every problem; nothing runs yet. {@link #start()} binds the node's port, creates the
 * injector, starts the components in dependency order and opens the contributed routes. {@link
 * #stop()} drains the node and stops the components in reverse order. A runtime starts at most
 * once: {@code start} and {@code stop} are idempotent, and starting a stopped runtime throws.
 *
 * <p>This class is thread-safe.
 */
public final class OsspRuntime implements AutoCloseable {
  private final Assembly assembly;
  private final RuntimeLifecycle lifecycle;

  private OsspRuntime(Assembly assembly) {
    this.assembly = assembly;
    this.lifecycle = new RuntimeLifecycle(assembly);
  }

  /** Returns a builder with the defaults described on each of its setters. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the runtime; does nothing if it runs. Registers a JVM shutdown hook that stops it when
   * {@code runtime.shutdown-hook} is true.
   *
   * @throws dev.ossp.runtime.error.OsspException if the node, the injector or a component fails to
   *     start. What had started is stopped again, and the message names the failed component and
   *     those stopped.
   * @throws ConfigException if the node cannot bind {@code node.host:node.port}
   * @throws IllegalStateException if the runtime was stopped, closed or failed to start before
   */
  public void start() {
    lifecycle.start();
  }

  /**
   * Stops the runtime: the node refuses new connections and lets in-flight requests complete for up
   * to {@code node.shutdown-timeout}, then the components stop in reverse order. Does nothing
   * unless the runtime runs.
   */
  public void stop() {
    lifecycle.stop();
  }

  /** Stops the runtime if it runs and releases the plugin class loader. Idempotent. */
  @Override
  public void close() {
    lifecycle.close();
  }

  /**
   * Returns the runtime's health. Before start and after stop it is DOWN with the message {@code
   * not started} or {@code stopped}.
   */
  public RuntimeHealth health() {
    return lifecycle.health();
  }

  /**
   * Returns where the node listens, with the bound port also when {@code node.port} is 0.
   *
   * @throws IllegalStateException if the runtime is not running or the node is disabled
   */
  public NodeInfo node() {
    return lifecycle.node();
  }

  /** The validated configuration. */
  public RuntimeConfig config() {
    return assembly.config();
  }

  /** The installed strategies and the selection per kind. */
  public Strategies strategies() {
    return assembly.strategies();
  }

  /** The names of the installed components, in start order. */
  public List<String> components() {
    return lifecycle.componentNames();
  }

  /** The plugin jars loaded, sorted by file name. */
  public List<Path> pluginJars() {
    return assembly.plugins().jars();
  }

  /**
   * Returns the file that stores the node's API key: present once the node started without {@code
   * node.api-key}, and empty otherwise.
   */
  public Optional<Path> apiKeyFile() {
    return lifecycle.apiKeyFile();
  }

  /**
   * Returns the instance bound to {@code type} in the runtime's injector.
   *
   * @throws IllegalStateException if the runtime is not running or nothing binds the type
   */
  public <T> T instance(Class<T> type) {
    Objects.requireNonNull(type, "type");

    return DefaultComponentContext.instance(lifecycle.injector(), type);
  }

  /**
   * Returns the instance bound to {@code type}, or empty when nothing binds it.
   *
   * @throws IllegalStateException if the runtime is not running
   */
  public <T> Optional<T> find(Class<T> type) {
    Objects.requireNonNull(type, "type");

    return DefaultComponentContext.find(lifecycle.injector(), type);
  }

  @Override
  public String toString() {
    return "OsspRuntime[" + lifecycle.state() + ", components=" + components() + "]";
  }

  /**
   * Builds an {@link OsspRuntime}. Configuration precedence, lowest first: the YAML file, {@code
   * OSSP_*} environment variables, {@code ossp.*} system properties, {@link #set} overrides.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private @Nullable Path configFile;
    private Map<String, String> environment = System.getenv();
    private Properties systemProperties = System.getProperties();
    private final Map<String, Object> overrides = new LinkedHashMap<>();
    private final List<RuntimeComponent> components = new ArrayList<>();
    private boolean discoverComponents = true;
    private @Nullable ClassLoader classLoader;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the YAML configuration file; default none. Nested maps are key segments, lists are
     * values. A missing file fails {@link #build()}.
     */
    public Builder configFile(Path file) {
      this.configFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * Sets the environment to read {@code OSSP_*} variables from; default {@code System.getenv()}.
     * {@code OSSP_HOME}, {@code OSSP_CONFIG_FILE} and {@code OSSP_JAVA_OPTS} are never settings.
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
      return this;
    }

    /**
     * Sets the properties to read {@code ossp.*} settings from; default {@code
     * System.getProperties()}. {@code ossp.home} and {@code ossp.config-file} are never settings.
     */
    public Builder systemProperties(Properties properties) {
      Objects.requireNonNull(properties, "properties");

      Properties copy = new Properties();
      for (String name : properties.stringPropertyNames()) {
        copy.setProperty(name, properties.getProperty(name));
      }
      this.systemProperties = copy;
      return this;
    }

    /**
     * Sets a configuration value that wins over every other source, such as {@code set("node.port",
     * "0")}. The value is text, a number, a boolean or a list, converted like a YAML value.
     */
    public Builder set(String key, Object value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");

      overrides.put(key, value);
      return this;
    }

    /** Adds a component in code, beside those the service loader finds. */
    public Builder addComponent(RuntimeComponent component) {
      components.add(Objects.requireNonNull(component, "component"));
      return this;
    }

    /**
     * Sets whether components are found with {@link java.util.ServiceLoader} on the classpath and
     * in the plugin jars; default true. Strategies are always discovered.
     */
    public Builder discoverComponents(boolean discover) {
      this.discoverComponents = discover;
      return this;
    }

    /**
     * Sets the application class loader: the parent of the plugin class loader and where providers
     * are looked up; default the thread's context class loader at {@link #build()}.
     */
    public Builder classLoader(ClassLoader loader) {
      this.classLoader = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /** Sets the clock bound in the injector for components; default {@code Clock.systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Reads the configuration sources, loads the plugins, discovers components and strategies, and
     * validates everything. Starts nothing.
     *
     * @throws ConfigException listing every problem: unknown keys (with the closest known key),
     *     invalid values, unknown strategy names, broken plugin jars or providers, duplicate
     *     strategy or component names, missing required components and dependency cycles
     * @throws dev.ossp.runtime.error.OsspException of kind internal if a component fails in {@code
     *     configure} or two components bind one type
     */
    public OsspRuntime build() {
      ClassLoader loader = classLoader;
      if (loader == null) {
        loader = Thread.currentThread().getContextClassLoader();
      }
      if (loader == null) {
        loader = OsspRuntime.class.getClassLoader();
      }
      Assembly assembly =
          Bootstrap.assemble(
              new Bootstrap.Settings(
                  configFile,
                  environment,
                  systemProperties,
                  Map.copyOf(overrides),
                  List.copyOf(components),
                  discoverComponents,
                  loader,
                  clock));
      return new OsspRuntime(assembly);
    }
  }
}
