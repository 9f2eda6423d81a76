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
 * The registry's in-memory state: every entry by URN and by slot number, inverted indexes over the
 * visible agents (domain, capability, tag) as bit sets of slots, and the versions registered under
 * each unversioned URN.
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
  private final SlotTable slots = new SlotTable();

  /** Returns the entry for the versioned {@code urn}, visible or not. */
  public @Nullable RegistryEntry entry(AgentUrn urn) {
    return entries.get(urn);
  }

  /** Returns the entry in {@code slot}, visible or not, or null when the slot is empty. */
  public @Nullable RegistryEntry entryAt(int slot) {
    return slots.get(slot);
  }

  /**
   * Returns the chunk that contains the state of {@code slot}, or null when no slot in its range
   * was ever used; the slot's place in it is {@code slot % SlotChunk.SLOTS}. When a reader reads
   * the same even stamp before and after reading a slot's entry, deadline, sort key and its bits in
   * the term indexes, they all belong together, so the reader need not check the entry's record for
   * the indexed terms.
   */
  public @Nullable SlotChunk chunk(int slot) {
    return slots.chunkOrNull(slot);
  }

  /**
   * Returns how many slots have been freed so far. A reader that walked the slots while this count
   * changed may have met one agent under two slots: removed from one, then registered again in
   * another.
   */
  public long slotReleases() {
    return slots.releases();
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
    RegistryEntry current = entries.get(record.urn());
    int slot = current != null ? current.slot() : slots.allocate();
    entry.slot(slot);
    slots.stampChange(slot);
    try {
      slots.set(slot, entry);
      entries.put(record.urn(), entry);
      index(entry);
      if (previous != null && !previous.expired()) {
        unindexStale(previous.record(), record, slot);
      }
    } finally {
      slots.stampChange(slot);
    }
    versions
        .computeIfAbsent(record.urn().withoutVersion(), key -> ConcurrentHashMap.newKeySet(2))
        .add(record.urn());
  }

  /**
   * Removes an entry and its index postings. Does nothing when {@code entry} is no longer its
   * agent's current entry: a replaced entry shares its slot with the current one, and unindexing
   * its terms would drop the current entry's postings.
   */
  void remove(RegistryEntry entry) {
    AgentRecord record = entry.record();
    if (entries.get(record.urn()) != entry) {
      return;
    }
    int slot = entry.slot();
    slots.stampChange(slot);
    try {
      if (!entry.expired()) {
        unindex(entry);
      }
      entries.remove(record.urn(), entry);
      slots.clear(slot);
    } finally {
      slots.stampChange(slot);
    }
    slots.release(slot);
    versions.computeIfPresent(
        record.urn().withoutVersion(),
        (key, set) -> {
          set.remove(record.urn());
          return set.isEmpty() ? null : set;
        });
  }

  /** Renews the lease of the current entry of its agent, a hidden one included. */
  void renew(RegistryEntry entry, long deadlineMillis) {
    entry.renew(deadlineMillis);
    if (slots.get(entry.slot()) == entry) {
      slots.deadline(entry.slot(), deadlineMillis);
    }
  }

  /** Hides an expired entry from the indexes; the entry stays for its grace period. */
  void hide(RegistryEntry entry) {
    slots.stampChange(entry.slot());
    try {
      slots.deadline(entry.slot(), SlotTable.HIDDEN);
      unindex(entry);
    } finally {
      slots.stampChange(entry.slot());
    }
  }

  /** Indexes an entry again after a heartbeat restored it. */
  void show(RegistryEntry entry) {
    slots.stampChange(entry.slot());
    try {
      slots.deadline(entry.slot(), entry.leaseDeadlineMillis());
      index(entry);
    } finally {
      slots.stampChange(entry.slot());
    }
  }

  private void index(RegistryEntry entry) {
    AgentRecord record = entry.record();
    int slot = entry.slot();
    domains.add(record.domain(), slot);
    for (String capability : record.capabilities()) {
      capabilities.add(capability, slot);
    }
    for (String tag : record.tags()) {
      tags.add(tag, slot);
    }
  }

  /** Removes the terms of {@code previous} that {@code current} no longer carries. */
  private void unindexStale(AgentRecord previous, AgentRecord current, int slot) {
    if (!previous.domain().equals(current.domain())) {
      domains.remove(previous.domain(), slot);
    }
    for (String capability : previous.capabilities()) {
      if (!current.capabilities().contains(capability)) {
        capabilities.remove(capability, slot);
      }
    }
    for (String tag : previous.tags()) {
      if (!current.tags().contains(tag)) {
        tags.remove(tag, slot);
      }
    }
  }

  private void unindex(RegistryEntry entry) {
    AgentRecord record = entry.record();
    int slot = entry.slot();
    domains.remove(record.domain(), slot);
    for (String capability : record.capabilities()) {
      capabilities.remove(capability, slot);
    }
    for (String tag : record.tags()) {
      tags.remove(tag, slot);
    }
  }
}
