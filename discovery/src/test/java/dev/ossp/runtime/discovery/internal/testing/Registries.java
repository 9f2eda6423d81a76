package dev.ossp.runtime.discovery.internal.testing;

import dev.ossp.runtime.discovery.AgentHealthProbe;
import dev.ossp.runtime.discovery.internal.DiscoveryService;
import dev.ossp.runtime.discovery.internal.registry.RegistrySettings;
import dev.ossp.runtime.discovery.internal.store.MemoryRegistryStore;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.registry.RecordStore;
import dev.ossp.runtime.registry.StoreSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds registries for tests, without the runtime core. */
public final class Registries {
  private Registries() {}

  public static DiscoveryService memory(Clock clock) {
    return memory(clock, RegistrySettings.defaults(), null);
  }

  public static DiscoveryService memory(
      Clock clock, RegistrySettings settings, @Nullable AgentHealthProbe probe) {
    RecordStore store =
        new MemoryRegistryStore().open(new StoreSettings(Path.of("unused"), Map.of()));
    return DiscoveryService.start(
        store,
        "memory",
        settings,
        new TestCacheStrategy(clock),
        probe,
        clock,
        Metrics.noop(),
        null);
  }

  public static DiscoveryService over(RecordStore store, Clock clock) {
    return DiscoveryService.start(
        store,
        "test",
        RegistrySettings.defaults(),
        new TestCacheStrategy(clock),
        null,
        clock,
        Metrics.noop(),
        null);
  }
}
