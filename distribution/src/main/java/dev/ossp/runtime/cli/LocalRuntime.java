package dev.ossp.runtime.cli;

import dev.ossp.runtime.core.CoreConfigKeys;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.spi.StrategyKind;
import java.util.Optional;

/**
 * A runtime started in this process for one command, without the HTTP node: what {@code --local}
 * uses. It reads the same configuration as {@code serve}, so it opens the same registry store under
 * {@code runtime.data-dir}.
 *
 * <p>Do not point it at the data directory of a node that is running: two processes would write the
 * same store.
 */
final class LocalRuntime {
  /** The built-in registry store that keeps records in memory only. */
  private static final String MEMORY_STORE = "memory";

  private LocalRuntime() {}

  /** Builds and starts the runtime; the caller closes it. */
  static OsspRuntime start(RuntimeOptions options, Home home) {
    return start(options.builder(home).set(CoreConfigKeys.NODE_ENABLED.name(), false));
  }

  /**
   * Builds and starts the runtime with its registry store in memory, so it runs next to a node that
   * has locked the store under {@code runtime.data-dir}. The caller closes it.
   */
  static OsspRuntime startWithoutStore(RuntimeOptions options, Home home) {
    return start(
        withMemoryStore(options.builder(home).set(CoreConfigKeys.NODE_ENABLED.name(), false)));
  }

  /** Sets {@code builder}'s registry store to the in-memory one and returns the builder. */
  static OsspRuntime.Builder withMemoryStore(OsspRuntime.Builder builder) {
    return builder.set(StrategyKind.REGISTRY_STORE.configKey().orElseThrow(), MEMORY_STORE);
  }

  /** Builds the runtime of {@code builder} and switches the log format to its log.format. */
  static OsspRuntime build(OsspRuntime.Builder builder) {
    OsspRuntime runtime = builder.build();
    LogFormat.apply(runtime.config());
    return runtime;
  }

  /** Builds and starts the runtime of {@code builder}, closing it when the start fails. */
  static OsspRuntime start(OsspRuntime.Builder builder) {
    OsspRuntime runtime = build(builder);
    try {
      runtime.start();
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
    return runtime;
  }

  /**
   * Returns the instance of {@code type} that a module binds.
   *
   * @throws CliException naming the module when it is not installed
   */
  static <T> T require(OsspRuntime runtime, Class<T> type, String module) {
    Optional<T> instance = runtime.find(type);
    if (instance.isEmpty()) {
      throw new CliException(
          "the "
              + module
              + " module is not installed in this runtime (components: "
              + String.join(", ", runtime.components())
              + "); add its jar to lib/ or use a distribution that ships it");
    }
    return instance.get();
  }
}
