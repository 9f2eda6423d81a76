package dev.ossp.runtime.discovery.internal;

import dev.ossp.runtime.discovery.AgentInterface;
import dev.ossp.runtime.discovery.AgentLease;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.discovery.QueryResult;
import dev.ossp.runtime.discovery.RegistryListener;
import dev.ossp.runtime.discovery.RegistryStats;
import dev.ossp.runtime.discovery.internal.registry.DefaultAgentRegistry;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.registry.StoreStatus;
import dev.ossp.runtime.urn.AgentUrn;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The registry the component binds: bound before the component starts, and backed by the running
 * registry from start to stop. Calls outside that window fail with a retryable error; listeners
 * added early are attached at start.
 *
 * <p>This class is thread-safe.
 */
public final class RegistryHandle implements AgentRegistry {
  private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();
  private volatile @Nullable AgentRegistry delegate;

  void attach(AgentRegistry registry) {
    for (RegistryListener listener : listeners) {
      registry.addListener(listener);
    }
    delegate = registry;
  }

  void detach() {
    delegate = null;
  }

  /**
   * Returns whether the running registry's store is current; {@link StoreStatus#CONNECTED} when no
   * registry runs or its store is local.
   */
  public StoreStatus storeStatus() {
    return delegate instanceof DefaultAgentRegistry registry
        ? registry.storeStatus()
        : StoreStatus.CONNECTED;
  }

  /** Returns whether a running registry backs this handle. */
  public boolean started() {
    return delegate != null;
  }

  private AgentRegistry registry() {
    AgentRegistry registry = delegate;
    if (registry == null) {
      throw new OsspException(
          ErrorKind.SERVER,
          "the discovery registry is not running; retry once the runtime started");
    }
    return registry;
  }

  @Override
  public AgentRecord register(AgentRegistration registration) {
    return registry().register(registration);
  }

  @Override
  public AgentRecord update(AgentRegistration registration, long expectedRevision) {
    return registry().update(registration, expectedRevision);
  }

  @Override
  public AgentRecord upsert(AgentRegistration registration) {
    return registry().upsert(registration);
  }

  @Override
  public boolean deregister(AgentUrn urn) {
    return registry().deregister(urn);
  }

  @Override
  public Optional<AgentRecord> get(AgentUrn urn) {
    return registry().get(urn);
  }

  @Override
  public Optional<AgentRecord> find(AgentUrn urn) {
    return registry().find(urn);
  }

  @Override
  public List<AgentInterface> interfaces(AgentUrn urn) {
    return registry().interfaces(urn);
  }

  @Override
  public Optional<AgentLease> lease(AgentUrn urn) {
    return registry().lease(urn);
  }

  @Override
  public Optional<AgentLease> heartbeat(AgentUrn urn) {
    return registry().heartbeat(urn);
  }

  @Override
  public List<AgentRecord> list() {
    return registry().list();
  }

  @Override
  public QueryResult query(AgentQuery query) {
    return registry().query(query);
  }

  @Override
  public RegistryStats stats() {
    return registry().stats();
  }

  @Override
  public void clearCache() {
    registry().clearCache();
  }

  @Override
  public int warmUp(List<AgentQuery> queries) {
    return registry().warmUp(queries);
  }

  @Override
  public void addListener(RegistryListener listener) {
    listeners.add(listener);
    AgentRegistry registry = delegate;
    if (registry != null) {
      registry.addListener(listener);
    }
  }

  @Override
  public void removeListener(RegistryListener listener) {
    listeners.remove(listener);
    AgentRegistry registry = delegate;
    if (registry != null) {
      registry.removeListener(listener);
    }
  }
}
