package dev.ossp.runtime.core.internal;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.core.CoreConfigKeys;
import dev.ossp.runtime.core.RuntimeHealth;
import dev.ossp.runtime.core.internal.inject.CoreBindings;
import dev.ossp.runtime.core.internal.inject.DefaultComponentContext;
import dev.ossp.runtime.core.internal.inject.InjectorFactory;
import dev.ossp.runtime.core.internal.lifecycle.ComponentLifecycle;
import dev.ossp.runtime.core.internal.lifecycle.HealthAggregator;
import dev.ossp.runtime.core.internal.node.ApiKey;
import dev.ossp.runtime.core.internal.node.ApiKeyStore;
import dev.ossp.runtime.core.internal.node.ContributedRoute;
import dev.ossp.runtime.core.internal.node.NodeServer;
import dev.ossp.runtime.core.internal.node.NodeSettings;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.node.NodeInfo;
import dev.ossp.runtime.node.Route;
import dev.ossp.runtime.node.RouteProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops an assembled runtime. Start: bind the node's port (so {@link NodeInfo} is valid
 * for every component), build the injector, start the components in order, then open the
 * contributed routes. Stop: drain and stop the node first, then stop the components in reverse.
 *
 * <p>A runtime starts at most once: start and stop are idempotent, and starting after a stop or a
 * failed start throws. Lifecycle calls are serialized by one lock; {@link #health()} takes no lock.
 */
public final class RuntimeLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(RuntimeLifecycle.class);

  /** The lifecycle states, in the order a runtime passes through them. */
  public enum State {
    /** Built, never started. */
    NEW,
    /** Inside {@code start()}. */
    STARTING,
    /** Started. */
    RUNNING,
    /** Inside {@code stop()}. */
    STOPPING,
    /** Stopped after running. */
    STOPPED,
    /** {@code start()} failed; what had started was stopped again. */
    FAILED
  }

  private final Assembly assembly;
  private final ComponentLifecycle components;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile State state = State.NEW;
  private volatile @Nullable Injector injector;
  private volatile @Nullable NodeServer node;
  private volatile @Nullable ApiKey apiKey;
  private @Nullable Thread shutdownHook;
  private boolean closed;

  /** Creates the lifecycle of {@code assembly}. */
  public RuntimeLifecycle(Assembly assembly) {
    this.assembly = Objects.requireNonNull(assembly, "assembly");
    this.components = new ComponentLifecycle(assembly.components());
  }

  /**
   * Starts the runtime; does nothing if it runs.
   *
   * @throws IllegalStateException if the runtime was stopped, closed or failed to start
   * @throws OsspException if the node, the injector or a component fails to start; what had started
   *     is stopped again
   */
  public void start() {
    lock.lock();
    try {
      switch (state) {
        case RUNNING:
          return;
        case NEW:
          break;
        default:
          throw new IllegalStateException(
              "the runtime is " + describe(state) + "; build a new runtime to start again");
      }
      if (closed) {
        throw new IllegalStateException("the runtime is closed; build a new runtime");
      }
      state = State.STARTING;
      long started = System.nanoTime();
      try {
        startNodeAndComponents();
      } catch (RuntimeException | Error e) {
        state = State.FAILED;
        throw e;
      }
      registerShutdownHook();
      state = State.RUNNING;
      LOG.info(
          "runtime started in {} ms: components {}; strategies {}",
          Duration.ofNanos(System.nanoTime() - started).toMillis(),
          componentNames(),
          assembly.strategies().describe());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops the runtime: the node drains and stops, then the components stop in reverse order. Does
   * nothing unless the runtime runs. A component whose stop fails is logged at WARN, and stopping
   * goes on.
   */
  public void stop() {
    lock.lock();
    try {
      if (state != State.RUNNING) {
        return;
      }
      state = State.STOPPING;
      removeShutdownHook();
      stopNode();
      components.stopAll();
      injector = null;
      state = State.STOPPED;
      LOG.info("runtime stopped");
    } finally {
      lock.unlock();
    }
  }

  /** Stops the runtime if it runs and closes the plugin class loader; idempotent. */
  public void close() {
    lock.lock();
    try {
      stop();
      if (closed) {
        return;
      }
      closed = true;
      try {
        assembly.plugins().close();
      } catch (IOException e) {
        LOG.warn("closing the plugin class loader failed", e);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Returns the runtime's health; DOWN with the state as message unless it runs. */
  public RuntimeHealth health() {
    State current = state;
    if (current != State.RUNNING) {
      return RuntimeHealth.down(describe(current), assembly.strategies().describe());
    }
    return HealthAggregator.aggregate(components.started(), assembly.strategies().describe());
  }

  /** The current state. */
  public State state() {
    return state;
  }

  /** Returns the injector while the runtime runs. */
  public Injector injector() {
    Injector current = injector;
    if (current == null || state != State.RUNNING) {
      throw new IllegalStateException(
          "the runtime is " + describe(state) + "; instances exist only while it runs");
    }
    return current;
  }

  /** Returns where the node listens, while the runtime runs with the node enabled. */
  public NodeInfo node() {
    NodeServer server = node;
    NodeInfo info = server == null ? null : server.info();
    if (info == null || state != State.RUNNING) {
      throw new IllegalStateException(
          isNodeEnabled()
              ? "the runtime is " + describe(state) + "; the node listens only while it runs"
              : "the node is disabled (node.enabled=false)");
    }
    return info;
  }

  /** Returns the file that stores the node's API key, once the node has started with one. */
  public Optional<Path> apiKeyFile() {
    ApiKey key = apiKey;
    return key == null ? Optional.empty() : key.file();
  }

  /** The component names in start order. */
  public List<String> componentNames() {
    List<String> names = new ArrayList<>();
    for (RuntimeComponent component : assembly.components()) {
      names.add(component.name());
    }
    return names;
  }

  private void startNodeAndComponents() {
    RuntimeConfig config = assembly.config();
    Path dataDirectory = config.get(CoreConfigKeys.RUNTIME_DATA_DIR);
    NodeInfo info = null;
    if (isNodeEnabled()) {
      ApiKey key = ApiKeyStore.resolve(config, dataDirectory);
      NodeServer server = new NodeServer(NodeSettings.from(config), key, this::health);
      info = server.start();
      apiKey = key;
      node = server;
    }
    try {
      Injector created =
          InjectorFactory.create(
              new CoreBindings(
                  config,
                  assembly.strategies(),
                  assembly.clock(),
                  info,
                  new LifecycleRuntimeInfo(this)),
              assembly.bindings());
      injector = created;
      components.startAll(new DefaultComponentContext(config, created, dataDirectory));
      NodeServer server = node;
      if (server != null) {
        openRoutes(server, created);
      }
    } catch (RuntimeException | Error e) {
      stopNode();
      injector = null;
      throw e;
    }
  }

  private void openRoutes(NodeServer server, Injector created) {
    try {
      List<ContributedRoute> routes = new ArrayList<>();
      Set<RouteProvider> providers =
          created.getInstance(Key.get(new TypeLiteral<Set<RouteProvider>>() {}));
      for (RouteProvider provider : providers) {
        String origin = provider.getClass().getName();
        List<Route> contributed;
        try {
          contributed = List.copyOf(provider.routes());
        } catch (RuntimeException e) {
          throw new OsspException(
              ErrorKind.INTERNAL, "route provider " + origin + " failed in routes(): " + e, e);
        }
        for (Route route : contributed) {
          routes.add(new ContributedRoute(route, origin));
        }
      }
      server.open(routes, created.getInstance(Metrics.class));
    } catch (OsspException e) {
      List<String> stopped = components.stopAll();
      throw new OsspException(
          e.kind(),
          e.getMessage()
              + "; stopped the components already started: "
              + (stopped.isEmpty() ? "none" : String.join(", ", stopped)),
          e);
    }
  }

  private boolean isNodeEnabled() {
    return assembly.config().get(CoreConfigKeys.NODE_ENABLED);
  }

  private void stopNode() {
    NodeServer server = node;
    if (server != null) {
      server.stop();
    }
  }

  private void registerShutdownHook() {
    if (!assembly.config().get(CoreConfigKeys.RUNTIME_SHUTDOWN_HOOK)) {
      return;
    }
    Thread hook =
        new Thread(
            () -> {
              LOG.info("JVM shutdown: stopping the runtime");
              stop();
            },
            "ossp-runtime-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    shutdownHook = hook;
  }

  private void removeShutdownHook() {
    Thread hook = shutdownHook;
    shutdownHook = null;
    if (hook == null || Thread.currentThread() == hook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook runs or has run, and stop() is idempotent.
      LOG.debug("JVM shutdown in progress; shutdown hook left in place");
    }
  }

  private static String describe(State state) {
    return switch (state) {
      case NEW -> "not started";
      case STARTING -> "starting";
      case RUNNING -> "running";
      case STOPPING -> "stopping";
      case STOPPED -> "stopped";
      case FAILED -> "failed to start";
    };
  }
}
