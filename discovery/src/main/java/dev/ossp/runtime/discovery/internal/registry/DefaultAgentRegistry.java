package dev.ossp.runtime.discovery.internal.registry;

import dev.ossp.runtime.discovery.AgentInterface;
import dev.ossp.runtime.discovery.AgentLease;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.discovery.QueryResult;
import dev.ossp.runtime.discovery.RegistryEvent;
import dev.ossp.runtime.discovery.RegistryListener;
import dev.ossp.runtime.discovery.RegistryStats;
import dev.ossp.runtime.discovery.RevisionConflictException;
import dev.ossp.runtime.discovery.internal.card.CardNormalizer;
import dev.ossp.runtime.discovery.internal.card.NormalizedCard;
import dev.ossp.runtime.discovery.internal.query.QueryService;
import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.metrics.Tags;
import dev.ossp.runtime.registry.RecordStore;
import dev.ossp.runtime.registry.StoreStatus;
import dev.ossp.runtime.registry.StoredRecord;
import dev.ossp.runtime.urn.AgentUrn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry: validated, durable, atomic writes; leases; events; queries through {@link
 * QueryService}.
 *
 * <p>Writes to one URN are serialized by a lock stripe chosen by the URN's hash; each write
 * validates the card before taking the lock, writes the store (which makes it durable) while
 * holding it, then updates the index, invalidates affected cached results and delivers the event.
 * Nothing is applied in memory unless the store accepted the write, so a failed write changes
 * nothing. Reads never lock.
 *
 * <p>With a local store, lease deadlines are kept in memory only: after a restart, each leased
 * agent gets a full lease from the time it is loaded. With a {@linkplain RecordStore#shared()
 * shared} store, every registration and heartbeat stores the time the lease was renewed, every
 * process computes the deadline from it, and every process hides an agent whose lease ran out.
 *
 * <p>With a shared store, the changes other processes make arrive through {@link StoreFeed} and are
 * applied under the same URN locks as local writes, so the index, the query cache and the listeners
 * see them like local writes. An event is applied only when its revision is above the one held, and
 * a delete leaves a tombstone, so late or repeated events cannot undo newer state.
 *
 * <p>This class is thread-safe.
 */
public final class DefaultAgentRegistry implements AgentRegistry, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultAgentRegistry.class);
  private static final int STRIPES = 256;

  private final RecordStore store;
  private final String storeName;
  private final RegistrySettings settings;
  private final AgentIndex index;
  private final QueryService queries;
  private final Clock clock;
  private final CardNormalizer normalizer = new CardNormalizer();
  private final RegistryEvents events = new RegistryEvents();
  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
  private final AtomicInteger stored = new AtomicInteger();
  private final Metrics.Counter registered;
  private final Metrics.Counter updated;
  private final Metrics.Counter deregistered;
  private final Metrics.Counter expiredLeases;
  private final boolean shared;
  private final Tombstones tombstones = new Tombstones();
  private volatile boolean closed;

  /**
   * Creates the registry and loads every record from {@code store}. Records whose card no longer
   * passes validation are skipped with a WARN.
   */
  public DefaultAgentRegistry(
      RecordStore store,
      String storeName,
      RegistrySettings settings,
      AgentIndex index,
      QueryService queries,
      Clock clock,
      Metrics metrics) {
    this.store = Objects.requireNonNull(store, "store");
    this.storeName = Objects.requireNonNull(storeName, "storeName");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.index = Objects.requireNonNull(index, "index");
    this.queries = Objects.requireNonNull(queries, "queries");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.shared = store.shared();
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
    this.registered = metrics.counter("ossp.discovery.writes", Tags.of("operation", "register"));
    this.updated = metrics.counter("ossp.discovery.writes", Tags.of("operation", "update"));
    this.deregistered =
        metrics.counter("ossp.discovery.writes", Tags.of("operation", "deregister"));
    this.expiredLeases = metrics.counter("ossp.discovery.leases.expired", Tags.empty());
    metrics.gauge("ossp.discovery.agents", Tags.of("state", "stored"), stored::get);
    load();
    store.subscribe(new StoreFeed(this, storeName));
  }

  private void load() {
    Instant now = clock.instant();
    int loaded = 0;
    for (StoredRecord record : store.loadAll()) {
      stored.incrementAndGet();
      try {
        AgentUrn urn = AgentUrn.parse(record.key());
        RecordCodec.Stored decoded = RecordCodec.decode(record.payload());
        NormalizedCard card = normalizer.normalize(AgentRegistration.of(urn, decoded.cardJson()));
        AgentRecord agent =
            card.toRecord(
                record.revision(),
                decoded.registeredAt(),
                decoded.lastUpdated(),
                decoded.leaseTtl());
        index.put(new RegistryEntry(agent, loadedDeadline(now, decoded)), null);
        loaded++;
      } catch (RuntimeException e) {
        LOG.warn(
            "skipping stored agent '{}' (revision {}): {}",
            record.key(),
            record.revision(),
            e.getMessage());
      }
    }
    LOG.info("loaded {} agents from the {} registry store", loaded, storeName);
  }

  @Override
  public AgentRecord register(AgentRegistration registration) {
    Objects.requireNonNull(registration, "registration");
    checkWritable();

    NormalizedCard card = normalize(registration);
    AgentUrn urn = card.urn();
    ReentrantLock lock = lockFor(urn);
    lock.lock();
    try {
      Instant now = clock.instant();
      RegistryEntry existing = index.entry(urn);
      if (existing != null && existing.visibleAt(now.toEpochMilli())) {
        throw new OsspException(
            ErrorKind.CONFLICT,
            "agent '"
                + urn
                + "' is already registered (revision "
                + existing.record().revision()
                + "); update it with its revision, or upsert it",
            null,
            ErrorContext.builder().target(urn.toString()).build());
      }
      return create(card, registration.leaseTtl().orElse(null), existing, now);
    } finally {
      lock.unlock();
    }
  }

  /** Stores a new agent, or one replacing an expired entry; the caller holds the URN's lock. */
  private AgentRecord create(
      NormalizedCard card,
      @Nullable Duration leaseTtl,
      @Nullable RegistryEntry expired,
      Instant now) {
    AgentUrn urn = card.urn();
    String payload = RecordCodec.encode(now, now, leaseTtl, now, card.cardJson());
    StoredRecord saved;
    if (expired != null) {
      saved = store.replace(urn.toString(), expired.record().revision(), payload);
    } else {
      reserveCapacity();
      try {
        saved = store.insert(urn.toString(), payload);
      } catch (RuntimeException e) {
        stored.decrementAndGet();
        throw e;
      }
    }
    AgentRecord record = card.toRecord(saved.revision(), now, now, leaseTtl);
    index.put(new RegistryEntry(record, deadline(now, leaseTtl)), expired);
    queries.health().forget(urn);
    queries.invalidate(expired == null ? null : expired.record(), record);
    registered.increment();
    LOG.debug("registered agent '{}' at revision {}", urn, record.revision());
    events.fire(RegistryEvent.Type.REGISTERED, urn, null, record, now);
    return record;
  }

  @Override
  public AgentRecord update(AgentRegistration registration, long expectedRevision) {
    Objects.requireNonNull(registration, "registration");
    checkWritable();

    NormalizedCard card = normalize(registration);
    AgentUrn urn = card.urn();
    ReentrantLock lock = lockFor(urn);
    lock.lock();
    try {
      Instant now = clock.instant();
      RegistryEntry existing = visibleEntry(urn, now);
      if (existing == null) {
        throw notFound(urn);
      }
      long actual = existing.record().revision();
      if (actual != expectedRevision) {
        throw new RevisionConflictException(urn, expectedRevision, actual);
      }
      return replace(card, registration.leaseTtl().orElse(null), existing, now);
    } finally {
      lock.unlock();
    }
  }

  /** Replaces a visible agent's record; the caller holds the URN's lock. */
  private AgentRecord replace(
      NormalizedCard card, @Nullable Duration leaseTtl, RegistryEntry existing, Instant now) {
    AgentUrn urn = card.urn();
    AgentRecord previous = existing.record();
    String payload =
        RecordCodec.encode(previous.registeredAt(), now, leaseTtl, now, card.cardJson());
    StoredRecord saved = store.replace(urn.toString(), previous.revision(), payload);
    AgentRecord record = card.toRecord(saved.revision(), previous.registeredAt(), now, leaseTtl);
    index.put(new RegistryEntry(record, deadline(now, leaseTtl)), existing);
    queries.health().forget(urn);
    queries.invalidate(previous, record);
    updated.increment();
    LOG.debug("updated agent '{}' to revision {}", urn, record.revision());
    events.fire(RegistryEvent.Type.UPDATED, urn, previous, record, now);
    return record;
  }

  @Override
  public AgentRecord upsert(AgentRegistration registration) {
    Objects.requireNonNull(registration, "registration");
    checkWritable();

    NormalizedCard card = normalize(registration);
    AgentUrn urn = card.urn();
    ReentrantLock lock = lockFor(urn);
    lock.lock();
    try {
      Instant now = clock.instant();
      Duration leaseTtl = registration.leaseTtl().orElse(null);
      RegistryEntry existing = index.entry(urn);
      if (existing != null && existing.visibleAt(now.toEpochMilli())) {
        return replace(card, leaseTtl, existing, now);
      }
      return create(card, leaseTtl, existing, now);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean deregister(AgentUrn urn) {
    Objects.requireNonNull(urn, "urn");
    checkWritable();
    requireVersion(urn, "deregister");

    ReentrantLock lock = lockFor(urn);
    lock.lock();
    try {
      RegistryEntry existing = index.entry(urn);
      if (existing == null) {
        return false;
      }
      Instant now = clock.instant();
      boolean wasVisible = !existing.expired();
      try {
        store.delete(urn.toString(), existing.record().revision());
      } catch (OsspException e) {
        if (!shared || e.kind() != ErrorKind.NOT_FOUND) {
          throw e;
        }
        // Another process deleted it first, and the feed has not delivered that delete yet.
        applyStoredDelete(urn.toString(), existing.record().revision());
        return false;
      }
      if (shared) {
        tombstones.add(urn.toString(), existing.record().revision());
      }
      index.remove(existing);
      stored.decrementAndGet();
      queries.health().forget(urn);
      deregistered.increment();
      LOG.debug("deregistered agent '{}'", urn);
      if (wasVisible) {
        queries.invalidate(existing.record(), null);
        events.fire(RegistryEvent.Type.DEREGISTERED, urn, existing.record(), null, now);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<AgentRecord> get(AgentUrn urn) {
    Objects.requireNonNull(urn, "urn");

    RegistryEntry entry = index.resolve(urn, clock.millis());
    return entry == null ? Optional.empty() : Optional.of(entry.record());
  }

  @Override
  public Optional<AgentRecord> find(AgentUrn urn) {
    return get(urn);
  }

  @Override
  public List<AgentInterface> interfaces(AgentUrn urn) {
    return get(urn).orElseThrow(() -> notFound(urn)).interfaces();
  }

  @Override
  public Optional<AgentLease> lease(AgentUrn urn) {
    Objects.requireNonNull(urn, "urn");

    RegistryEntry entry = index.resolve(urn, clock.millis());
    return entry == null ? Optional.empty() : leaseOf(entry);
  }

  private static Optional<AgentLease> leaseOf(RegistryEntry entry) {
    AgentRecord record = entry.record();
    return record
        .leaseTtl()
        .map(
            ttl ->
                new AgentLease(
                    record.urn(), ttl, Instant.ofEpochMilli(entry.leaseDeadlineMillis())));
  }

  @Override
  public Optional<AgentLease> heartbeat(AgentUrn urn) {
    Objects.requireNonNull(urn, "urn");
    checkWritable();
    requireVersion(urn, "send a heartbeat for");

    ReentrantLock lock = lockFor(urn);
    lock.lock();
    try {
      RegistryEntry entry = index.entry(urn);
      if (entry == null) {
        throw notFound(urn);
      }
      Duration ttl = entry.record().leaseTtl().orElse(null);
      if (ttl == null) {
        return Optional.empty();
      }
      Instant now = clock.instant();
      long nowMillis = now.toEpochMilli();
      long deadline = entry.leaseDeadlineMillis();
      if (deadline <= nowMillis && deadline + settings.leaseGrace().toMillis() <= nowMillis) {
        throw new OsspException(
            ErrorKind.NOT_FOUND,
            "the lease of agent '"
                + urn
                + "' expired at "
                + Instant.ofEpochMilli(deadline)
                + " and its grace period has ended; register it again",
            null,
            ErrorContext.builder().target(urn.toString()).build());
      }
      boolean restore = entry.expired();
      if (shared) {
        entry = renewInStore(entry, ttl, now);
      } else {
        index.renew(entry, deadline(now, ttl));
        if (restore) {
          index.show(entry);
          queries.invalidate(null, entry.record());
        }
      }
      if (restore) {
        LOG.info("agent '{}' sent a heartbeat within its grace period and is visible again", urn);
        events.fire(RegistryEvent.Type.RESTORED, urn, null, entry.record(), now);
      }
      return leaseOf(entry);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stores a lease renewal in a shared store, so that every process moves the deadline, and
   * replaces the entry with the renewed record. If another process changed the record since this
   * one saw it, applies that change and tries once more. The caller holds the URN's lock.
   */
  private RegistryEntry renewInStore(RegistryEntry entry, Duration ttl, Instant now) {
    RegistryEntry current = entry;
    for (int attempt = 1; ; attempt++) {
      AgentRecord record = current.record();
      String payload =
          RecordCodec.encode(
              record.registeredAt(), record.lastUpdated(), ttl, now, record.cardJson());
      StoredRecord saved;
      try {
        saved = store.replace(record.urn().toString(), record.revision(), payload);
      } catch (OsspException e) {
        if (attempt > 1 || (e.kind() != ErrorKind.CONFLICT && e.kind() != ErrorKind.NOT_FOUND)) {
          throw e;
        }
        Optional<StoredRecord> latest = store.get(record.urn().toString());
        if (latest.isEmpty()) {
          applyStoredDelete(record.urn().toString(), record.revision());
          throw notFound(record.urn());
        }
        applyStoredChange(latest.get());
        RegistryEntry refreshed = index.entry(record.urn());
        if (refreshed == null) {
          throw notFound(record.urn());
        }
        current = refreshed;
        continue;
      }
      AgentRecord renewed =
          normalizer
              .normalize(AgentRegistration.of(record.urn(), record.cardJson()))
              .toRecord(saved.revision(), record.registeredAt(), record.lastUpdated(), ttl);
      RegistryEntry next = new RegistryEntry(renewed, deadline(now, ttl));
      index.put(next, current);
      queries.invalidate(current.expired() ? null : record, renewed);
      return next;
    }
  }

  /**
   * Hides agents whose lease ran out (event {@code EXPIRED}) and deletes those whose grace period
   * ended. The runtime calls this periodically; tests call it after moving their clock.
   *
   * @return the number of leases that expired in this call
   */
  public int expireLeases() {
    if (closed) {
      return 0;
    }
    int expired = 0;
    for (RegistryEntry entry : index.entries()) {
      long deadline = entry.leaseDeadlineMillis();
      if (deadline == RegistryEntry.NO_DEADLINE || deadline > clock.millis()) {
        continue;
      }
      AgentUrn urn = entry.record().urn();
      ReentrantLock lock = lockFor(urn);
      lock.lock();
      try {
        if (index.entry(urn) != entry) {
          continue;
        }
        Instant now = clock.instant();
        if (!entry.expired() && entry.leaseDeadlineMillis() <= now.toEpochMilli()) {
          expire(entry, now);
          expired++;
        }
        if (entry.expired()
            && entry.leaseDeadlineMillis() + settings.leaseGrace().toMillis()
                <= now.toEpochMilli()) {
          purge(entry);
        }
      } finally {
        lock.unlock();
      }
    }
    return expired;
  }

  private void expire(RegistryEntry entry, Instant now) {
    AgentRecord record = entry.record();
    entry.markExpired();
    index.hide(entry);
    queries.invalidate(record, null);
    expiredLeases.increment();
    LOG.info(
        "lease of agent '{}' expired at {} (ttl {}); hidden from queries, deleted after {} unless"
            + " it sends a heartbeat",
        record.urn(),
        Instant.ofEpochMilli(entry.leaseDeadlineMillis()),
        record.leaseTtl().orElse(Duration.ZERO),
        settings.leaseGrace());
    events.fire(RegistryEvent.Type.EXPIRED, record.urn(), record, null, now);
  }

  private void purge(RegistryEntry entry) {
    AgentRecord record = entry.record();
    try {
      store.delete(record.urn().toString(), record.revision());
    } catch (OsspException e) {
      if (shared && e.kind() == ErrorKind.NOT_FOUND) {
        // Another process purged it first.
        applyStoredDelete(record.urn().toString(), record.revision());
        return;
      }
      if (shared && e.kind() == ErrorKind.CONFLICT) {
        // Another process renewed or replaced it; the feed brings the newer record.
        LOG.debug("expired agent '{}' changed in the store; not deleting it", record.urn());
        return;
      }
      LOG.warn("could not delete expired agent '{}' from the store; will retry", record.urn(), e);
      return;
    } catch (RuntimeException e) {
      LOG.warn("could not delete expired agent '{}' from the store; will retry", record.urn(), e);
      return;
    }
    if (shared) {
      tombstones.add(record.urn().toString(), record.revision());
    }
    index.remove(entry);
    stored.decrementAndGet();
    queries.health().forget(record.urn());
    LOG.info("deleted agent '{}' after its lease grace period", record.urn());
  }

  @Override
  public List<AgentRecord> list() {
    long now = clock.millis();
    List<AgentRecord> records = new ArrayList<>();
    for (RegistryEntry entry : index.entries()) {
      if (entry.visibleAt(now)) {
        records.add(entry.record());
      }
    }
    records.sort(Comparator.comparing(AgentRecord::urn));
    return records;
  }

  @Override
  public QueryResult query(AgentQuery query) {
    Objects.requireNonNull(query, "query");

    return queries.query(query);
  }

  @Override
  public RegistryStats stats() {
    long now = clock.millis();
    int visible = 0;
    int total = 0;
    for (RegistryEntry entry : index.entries()) {
      total++;
      if (entry.visibleAt(now)) {
        visible++;
      }
    }
    return new RegistryStats(
        visible,
        total - visible,
        settings.maxAgents(),
        index.domains().terms(),
        index.capabilities().terms(),
        index.tags().terms(),
        index.domains().counts(),
        queries.queries(),
        queries.cacheStats(),
        queries.cacheSize(),
        storeName,
        Instant.ofEpochMilli(now));
  }

  @Override
  public void clearCache() {
    queries.clear();
    LOG.debug("cleared the discovery query cache");
  }

  @Override
  public int warmUp(List<AgentQuery> warmUpQueries) {
    Objects.requireNonNull(warmUpQueries, "warmUpQueries");

    int count = 0;
    for (AgentQuery query : warmUpQueries) {
      queries.query(query);
      count++;
    }
    LOG.debug("warmed up the discovery query cache with {} queries", count);
    return count;
  }

  @Override
  public void addListener(RegistryListener listener) {
    events.add(listener);
  }

  @Override
  public void removeListener(RegistryListener listener) {
    events.remove(listener);
  }

  /** Returns whether the store's view is current; a shared store is stale while disconnected. */
  public StoreStatus storeStatus() {
    return store.status();
  }

  /** Returns whether other processes write the store too; see {@link RecordStore#shared()}. */
  public boolean sharedStore() {
    return shared;
  }

  /**
   * Returns the number of stored records that count against {@code discovery.max-agents}. These are
   * the records loaded at start, including those skipped as invalid, plus the agents added since. A
   * registration in progress counts from the moment it reserves its place.
   */
  public int storedAgents() {
    return stored.get();
  }

  /** Counts the leased agents and the expired ones in one pass over the index. */
  public LeaseCounts leaseCounts() {
    return LeaseCounts.of(index, clock.millis());
  }

  /**
   * Applies a record created or replaced in a shared store, unless the registry has the same or a
   * newer revision, or deleted a newer one. Fires {@code REGISTERED}, {@code UPDATED} or {@code
   * RESTORED}; a renewal that only moves the lease fires nothing.
   */
  void applyStoredChange(StoredRecord change) {
    AgentUrn urn = AgentUrn.parse(change.key());
    ReentrantLock lock = lockFor(urn);
    lock.lock();
    try {
      RegistryEntry local = index.entry(urn);
      if (closed
          || (local != null && local.record().revision() >= change.revision())
          || tombstones.covers(change.key(), change.revision())) {
        return;
      }
      RecordCodec.Stored decoded = RecordCodec.decode(change.payload());
      NormalizedCard card = normalizer.normalize(AgentRegistration.of(urn, decoded.cardJson()));
      AgentRecord record =
          card.toRecord(
              change.revision(), decoded.registeredAt(), decoded.lastUpdated(), decoded.leaseTtl());
      Instant now = clock.instant();
      RegistryEntry entry = new RegistryEntry(record, sharedDeadline(decoded));
      index.put(entry, local);
      tombstones.clear(change.key(), change.revision());
      if (local == null) {
        stored.incrementAndGet();
      }
      AgentRecord previous = local == null ? null : local.record();
      boolean renewal =
          previous != null
              && previous.lastUpdated().equals(record.lastUpdated())
              && previous.registeredAt().equals(record.registeredAt())
              && previous.leaseTtl().equals(record.leaseTtl())
              && previous.cardJson().equals(record.cardJson());
      if (!renewal) {
        queries.health().forget(urn);
      }
      queries.invalidate(local == null || local.expired() ? null : previous, record);
      LOG.debug("applied agent '{}' at revision {} from the store", urn, record.revision());
      if (local == null) {
        events.fire(RegistryEvent.Type.REGISTERED, urn, null, record, now);
      } else if (local.expired()) {
        events.fire(
            renewal ? RegistryEvent.Type.RESTORED : RegistryEvent.Type.REGISTERED,
            urn,
            null,
            record,
            now);
      } else if (!renewal) {
        events.fire(RegistryEvent.Type.UPDATED, urn, previous, record, now);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Applies the delete of a record in a shared store, unless the registry has a newer revision.
   * Fires {@code DEREGISTERED} when the agent was visible.
   */
  void applyStoredDelete(String key, long revision) {
    AgentUrn urn = AgentUrn.parse(key);
    ReentrantLock lock = lockFor(urn);
    lock.lock();
    try {
      tombstones.add(key, revision);
      RegistryEntry local = index.entry(urn);
      if (closed || local == null || local.record().revision() > revision) {
        return;
      }
      index.remove(local);
      stored.decrementAndGet();
      queries.health().forget(urn);
      LOG.debug("applied the delete of agent '{}' at revision {} from the store", urn, revision);
      if (!local.expired()) {
        queries.invalidate(local.record(), null);
        events.fire(RegistryEvent.Type.DEREGISTERED, urn, local.record(), null, clock.instant());
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Brings the registry in line with the full content of a shared store: applies every record, and
   * removes the agents missing from it whose revision is at most {@code revision}.
   */
  void resynchronize(List<StoredRecord> records, long revision) {
    java.util.Set<AgentUrn> present = new java.util.HashSet<>(records.size() * 2);
    int failed = 0;
    for (StoredRecord record : records) {
      try {
        present.add(AgentUrn.parse(record.key()));
        applyStoredChange(record);
      } catch (RuntimeException e) {
        failed++;
        LOG.warn(
            "skipping stored agent '{}' (revision {}): {}",
            record.key(),
            record.revision(),
            e.getMessage());
      }
    }
    int removed = 0;
    for (RegistryEntry entry : index.entries()) {
      AgentRecord record = entry.record();
      if (!present.contains(record.urn()) && record.revision() <= revision) {
        applyStoredDelete(record.urn().toString(), record.revision());
        removed++;
      }
    }
    LOG.info(
        "resynchronized with the {} store at revision {}: {} agents stored, {} removed, {}"
            + " skipped",
        storeName,
        revision,
        records.size(),
        removed,
        failed);
  }

  /** Closes the store. Later writes throw {@link IllegalStateException}. */
  @Override
  public void close() {
    closed = true;
    store.close();
  }

  private NormalizedCard normalize(AgentRegistration registration) {
    List<Violation> violations = new ArrayList<>();
    registration
        .leaseTtl()
        .ifPresent(
            ttl -> {
              if (ttl.compareTo(settings.minLeaseTtl()) < 0
                  || ttl.compareTo(settings.maxLeaseTtl()) > 0) {
                violations.add(
                    new Violation(
                        "leaseTtl",
                        "lease TTL "
                            + ttl
                            + " must be in "
                            + settings.minLeaseTtl()
                            + ".."
                            + settings.maxLeaseTtl()));
              }
            });
    try {
      NormalizedCard card = normalizer.normalize(registration);
      if (violations.isEmpty()) {
        return card;
      }
    } catch (ValidationException e) {
      violations.addAll(0, e.violations());
    }
    StringBuilder message = new StringBuilder("invalid registration: ");
    for (int i = 0; i < violations.size(); i++) {
      message.append(i == 0 ? "" : "; ").append(violations.get(i));
    }
    throw new ValidationException(message.toString(), violations);
  }

  private @Nullable RegistryEntry visibleEntry(AgentUrn urn, Instant now) {
    RegistryEntry entry = index.entry(urn);
    return entry != null && entry.visibleAt(now.toEpochMilli()) ? entry : null;
  }

  private void reserveCapacity() {
    while (true) {
      int current = stored.get();
      if (current >= settings.maxAgents()) {
        throw new OsspException(
            ErrorKind.CONFLICT,
            "the registry is full: it holds "
                + current
                + " of "
                + settings.maxAgents()
                + " agents (discovery.max-agents); deregister agents or raise the limit");
      }
      if (stored.compareAndSet(current, current + 1)) {
        return;
      }
    }
  }

  private long deadline(Instant now, @Nullable Duration ttl) {
    return ttl == null ? RegistryEntry.NO_DEADLINE : now.plus(ttl).toEpochMilli();
  }

  /**
   * Returns the lease deadline of a loaded record: a full lease from {@code now} with a local
   * store, whose renewals are not stored, or the stored renewal plus the TTL with a shared one.
   */
  private long loadedDeadline(Instant now, RecordCodec.Stored decoded) {
    return shared ? sharedDeadline(decoded) : deadline(now, decoded.leaseTtl());
  }

  private static long sharedDeadline(RecordCodec.Stored decoded) {
    Duration ttl = decoded.leaseTtl();
    return ttl == null
        ? RegistryEntry.NO_DEADLINE
        : decoded.leaseRenewedAt().plus(ttl).toEpochMilli();
  }

  private ReentrantLock lockFor(AgentUrn urn) {
    return stripes[Math.floorMod(urn.hashCode(), STRIPES)];
  }

  private void checkWritable() {
    RegistryEvents.checkNotDelivering();
    if (closed) {
      throw new IllegalStateException("the agent registry is closed");
    }
  }

  private static void requireVersion(AgentUrn urn, String action) {
    if (!urn.isVersioned()) {
      String message = "give the version of the agent to " + action + ", such as " + urn + "@1.0.0";
      throw new ValidationException(
          "invalid URN '" + urn + "': " + message, new Violation("urn", message));
    }
  }

  private static OsspException notFound(AgentUrn urn) {
    return new OsspException(
        ErrorKind.NOT_FOUND,
        "agent '" + urn + "' is not registered",
        null,
        ErrorContext.builder().target(urn.toString()).build());
  }
}
