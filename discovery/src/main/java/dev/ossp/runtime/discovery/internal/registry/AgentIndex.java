package dev.ossp.runtime.discovery.internal.registry;

import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.urn.AgentUrn;
import dev.ossp.runtime.urn.SemVer;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The registry's in-memory state: every entry by URN, inverted indexes over the visible agents
 * (domain, capability, tag), and the versions registered under each unversioned URN.
 *
 * <p>Writers for one URN are serialized by the registry; readers never lock. A reader may see an
 * entry before or after a concurrent change, so query code checks every filter against the entry it
 * reads rather than trusting index membership.
 */
public final class AgentIndex {
  private final ConcurrentHashMap<AgentUrn, RegistryEntry> entries = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<AgentUrn, Set<AgentUrn>> versions = new ConcurrentHashMap<>();
  private final Postings domains = new Postings();
  private final Postings capabilities = new Postings();
  private final Postings tags = new Postings();

  /** Returns the entry for the versioned {@code urn}, visible or not. */
  public @Nullable RegistryEntry entry(AgentUrn urn) {
    return entries.get(urn);
  }

  /** Returns every entry, visible or not; weakly consistent. */
  public Collection<RegistryEntry> entries() {
    return Collections.unmodifiableCollection(entries.values());
  }

  /** Returns the number of entries, visible or not. */
  public int size() {
    return entries.size();
  }

  /** The domain index. */
  public Postings domains() {
    return domains;
  }

  /** The capability index. */
  public Postings capabilities() {
    return capabilities;
  }

  /** The tag index. */
  public Postings tags() {
    return tags;
  }

  /**
   * Returns the visible entry with the highest release version under {@code unversioned}, or the
   * visible entry for a versioned URN.
   */
  public @Nullable RegistryEntry resolve(AgentUrn urn, long nowMillis) {
    if (urn.isVersioned()) {
      RegistryEntry entry = entries.get(urn);
      return entry != null && entry.visibleAt(nowMillis) ? entry : null;
    }
    Set<AgentUrn> candidates = versions.get(urn);
    if (candidates == null) {
      return null;
    }
    RegistryEntry best = null;
    SemVer bestVersion = null;
    for (AgentUrn candidate : candidates) {
      RegistryEntry entry = entries.get(candidate);
      if (entry == null || !entry.visibleAt(nowMillis)) {
        continue;
      }
      SemVer version = entry.record().version();
      if (!version.isPreRelease() && (bestVersion == null || version.compareTo(bestVersion) > 0)) {
        best = entry;
        bestVersion = version;
      }
    }
    return best;
  }

  /**
   * Adds or replaces an entry and indexes it as visible. The new entry is indexed before the
   * previous one's stale terms are removed, so a term both carry never lacks the agent.
   */
  void put(RegistryEntry entry, @Nullable RegistryEntry previous) {
    AgentRecord record = entry.record();
    entries.put(record.urn(), entry);
    versions
        .computeIfAbsent(record.urn().withoutVersion(), key -> ConcurrentHashMap.newKeySet(2))
        .add(record.urn());
    index(entry);
    if (previous != null && !previous.expired()) {
      unindexStale(previous.record(), record);
    }
  }

  /** Removes an entry and its index postings. */
  void remove(RegistryEntry entry) {
    AgentRecord record = entry.record();
    if (!entry.expired()) {
      unindex(record);
    }
    entries.remove(record.urn(), entry);
    versions.computeIfPresent(
        record.urn().withoutVersion(),
        (key, set) -> {
          set.remove(record.urn());
          return set.isEmpty() ? null : set;
        });
  }

  /** Hides an expired entry from the indexes; the entry stays for its grace period. */
  void hide(RegistryEntry entry) {
    unindex(entry.record());
  }

  /** Indexes an entry again after a heartbeat restored it. */
  void show(RegistryEntry entry) {
    index(entry);
  }

  private void index(RegistryEntry entry) {
    AgentRecord record = entry.record();
    domains.add(record.domain(), entry);
    for (String capability : record.capabilities()) {
      capabilities.add(capability, entry);
    }
    for (String tag : record.tags()) {
      tags.add(tag, entry);
    }
  }

  /** Removes the terms of {@code previous} that {@code current} no longer carries. */
  private void unindexStale(AgentRecord previous, AgentRecord current) {
    AgentUrn urn = previous.urn();
    if (!previous.domain().equals(current.domain())) {
      domains.remove(previous.domain(), urn);
    }
    for (String capability : previous.capabilities()) {
      if (!current.capabilities().contains(capability)) {
        capabilities.remove(capability, urn);
      }
    }
    for (String tag : previous.tags()) {
      if (!current.tags().contains(tag)) {
        tags.remove(tag, urn);
      }
    }
  }

  private void unindex(AgentRecord record) {
    AgentUrn urn = record.urn();
    domains.remove(record.domain(), urn);
    for (String capability : record.capabilities()) {
      capabilities.remove(capability, urn);
    }
    for (String tag : record.tags()) {
      tags.remove(tag, urn);
    }
  }
}
