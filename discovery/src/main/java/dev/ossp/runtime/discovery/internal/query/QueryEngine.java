package dev.ossp.runtime.discovery.internal.query;

import dev.ossp.runtime.discovery.AgentHealth;
import dev.ossp.runtime.discovery.AgentInterface;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.internal.registry.AgentIndex;
import dev.ossp.runtime.discovery.internal.registry.RegistryEntry;
import dev.ossp.runtime.discovery.internal.registry.SlotChunk;
import dev.ossp.runtime.discovery.internal.registry.SlotSet;
import dev.ossp.runtime.urn.AgentUrn;
import dev.ossp.runtime.urn.VersionRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates queries against the registry's indexes.
 *
 * <p>When a domain, capability or tag filter is set, candidates are the intersection of those
 * terms' slot sets, computed a 64-bit word at a time; with only an any-of capability filter, the
 * union of its slot sets; only a query without indexed filters scans every agent. A candidate's
 * lease and sort key are read from its slot's flat arrays. Its record is read only for the filters
 * the indexes cannot decide (name, version, binding, health), unless a writer changed the slot
 * during the read. In that case every filter is checked on the record. The matches are then
 * ordered, in name order mostly by their sort keys alone, and a page is selected with a bounded
 * heap instead of sorting every match.
 *
 * <p>This class is thread-safe.
 */
public final class QueryEngine {
  private final AgentIndex index;

  /** Creates an engine over {@code index}. */
  public QueryEngine(AgentIndex index) {
    this.index = index;
  }

  /**
   * Evaluates {@code query}.
   *
   * @param query the query
   * @param limit the page size to apply
   * @param cursor the decoded cursor of the query, or null
   * @param now the registry's time
   * @param health the latest known health status of an agent
   */
  public Evaluation evaluate(
      AgentQuery query,
      int limit,
      @Nullable Cursor cursor,
      Instant now,
      Function<AgentUrn, AgentHealth.Status> health) {
    long nowMillis = now.toEpochMilli();
    Matcher matcher = new Matcher(query, nowMillis, health);
    collect(query, matcher);
    Matches matches = matcher.matches;
    int total = matches.size();
    Comparator<RegistryEntry> order = Sorting.comparator(query.sort(), query.order());
    boolean bySortKey =
        query.sort() == AgentQuery.SortField.NAME && query.order() == AgentQuery.SortOrder.ASC;

    Matches candidates = matches;
    int skip = query.offset();
    int offset = skip;
    if (cursor != null) {
      candidates = matches.filter(entry -> cursor.precedes(entry, query.order()));
      skip = 0;
      offset = total - candidates.size();
    }
    // The end is a long because an offset near Integer.MAX_VALUE plus the limit overflows an int.
    long end = (long) skip + limit;
    int[] first = candidates.first((int) Math.min(end, candidates.size()), order, bySortKey);
    List<AgentRecord> page = new ArrayList<>(Math.max(0, first.length - skip));
    for (int i = skip; i < first.length; i++) {
      page.add(candidates.entry(first[i]).record());
    }
    String nextCursor =
        end < candidates.size() && !page.isEmpty()
            ? Cursor.encode(query, page.get(page.size() - 1))
            : null;
    AgentQuery effective =
        query.limit().isPresent() ? query : query.toBuilder().limit(limit).build();
    return new Evaluation(
        effective, List.copyOf(page), total, offset, nextCursor, now, matcher.earliestDeadline);
  }

  private void collect(AgentQuery query, Matcher matcher) {
    List<SlotSet> required = new ArrayList<>();
    query.domain().ifPresent(domain -> required.add(index.domains().get(domain)));
    for (String capability : query.capabilities()) {
      required.add(index.capabilities().get(capability));
    }
    for (String tag : query.tags()) {
      required.add(index.tags().get(tag));
    }
    List<SlotSet> anyOf = new ArrayList<>();
    for (String capability : query.anyCapabilities()) {
      anyOf.add(index.capabilities().get(capability));
    }
    if (required.isEmpty() && anyOf.isEmpty()) {
      for (RegistryEntry entry : index.entries()) {
        matcher.check(entry);
      }
      return;
    }
    int bound = required.isEmpty() ? 0 : Integer.MAX_VALUE;
    for (SlotSet set : required.isEmpty() ? anyOf : required) {
      bound = required.isEmpty() ? bound + set.size() : Math.min(bound, set.size());
    }
    matcher.matches.expect(bound);
    long releases = index.slotReleases();
    SlotSet.Walk walk = required.isEmpty() ? SlotSet.union(anyOf) : SlotSet.intersection(required);
    List<SlotSet> alsoAnyOf = required.isEmpty() ? List.of() : anyOf;
    while (walk.next()) {
      checkSlot(walk, alsoAnyOf, matcher);
    }
    if (index.slotReleases() != releases) {
      matcher.removeDuplicates();
    }
  }

  /**
   * Checks the agent in {@code slot}. When the slot's stamp is the same even value before and after
   * its entry, bits, deadline and sort key are read, they belong together. The bits are then that
   * entry's terms, so the indexed filters and the lease are decided from the slot's flat arrays,
   * and the entry is read only for the other filters. Otherwise a writer was busy with the slot,
   * and every filter is checked on the record.
   */
  private void checkSlot(SlotSet.Walk walk, List<SlotSet> anyOf, Matcher matcher) {
    int slot = walk.slot();
    SlotChunk chunk = index.chunk(slot);
    if (chunk == null) {
      return;
    }
    int at = slot % SlotChunk.SLOTS;
    int stamp = chunk.stamp(at);
    RegistryEntry entry = chunk.entry(at);
    if ((stamp & 1) == 0) {
      if (entry == null) {
        return;
      }
      boolean indexed = walk.stillHeld() && containsAny(anyOf, slot);
      long visibleUntil = chunk.visibleUntil(at);
      int match = indexed ? matcher.checkUnindexedFilters(entry, visibleUntil) : -1;
      if (match >= 0) {
        for (int word = 0; word < RegistryEntry.SORT_KEY_WORDS; word++) {
          matcher.matches.sortKey(match, word, chunk.sortKey(at, word));
        }
      }
      if (chunk.stamp(at) == stamp) {
        return;
      }
      if (match >= 0) {
        matcher.retract(match);
      }
    }
    matcher.check(chunk.entry(at));
  }

  private static boolean containsAny(List<SlotSet> sets, int slot) {
    if (sets.isEmpty()) {
      return true;
    }
    for (SlotSet set : sets) {
      if (set.contains(slot)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether {@code record} passes every filter of {@code query} except health, ignoring its
   * lease. Used to find the cached results a change can affect.
   */
  public static boolean matchesFilters(AgentQuery query, AgentRecord record) {
    return new Matcher(query, 0, urn -> AgentHealth.Status.UNKNOWN).matchesIgnoringHealth(record);
  }

  /** Checks candidates against every filter and collects the matches. */
  private static final class Matcher {
    private final AgentQuery query;
    private final long nowMillis;
    private final Function<AgentUrn, AgentHealth.Status> health;
    private final @Nullable String domain;
    private final @Nullable String name;
    private final @Nullable VersionRange version;
    private final @Nullable String binding;
    private final AgentHealth.@Nullable Status status;
    private final boolean otherFilters;
    private final Matches matches = new Matches();
    private long earliestDeadline = Long.MAX_VALUE;

    Matcher(AgentQuery query, long nowMillis, Function<AgentUrn, AgentHealth.Status> health) {
      this.query = query;
      this.nowMillis = nowMillis;
      this.health = health;
      this.domain = query.domain().orElse(null);
      this.name = query.nameContains().orElse(null);
      this.version = query.version().orElse(null);
      this.binding = query.binding().orElse(null);
      this.status = query.health().orElse(null);
      this.otherFilters = name != null || version != null || binding != null || status != null;
    }

    /** Checks every filter on {@code entry}'s record. */
    void check(@Nullable RegistryEntry entry) {
      if (entry == null || !entry.visibleAt(nowMillis)) {
        return;
      }
      AgentRecord record = entry.record();
      if (matchesIndexedFilters(record) && matchesOtherFilters(record)) {
        int match = add(entry, entry.leaseDeadlineMillis());
        for (int word = 0; word < RegistryEntry.SORT_KEY_WORDS; word++) {
          matches.sortKey(match, word, entry.sortKey(word));
        }
      }
    }

    /**
     * Checks the filters the term indexes cannot decide; the caller has decided the others and read
     * the entry's lease deadline from its slot. Returns the index of the new match, whose sort key
     * the caller copies from the slot, or -1.
     */
    int checkUnindexedFilters(RegistryEntry entry, long visibleUntil) {
      if (visibleUntil <= nowMillis) {
        return -1;
      }
      if (!otherFilters || matchesOtherFilters(entry.record())) {
        return add(entry, visibleUntil);
      }
      return -1;
    }

    /**
     * Takes back the last match, added from a slot that changed while it was read; the caller then
     * checks the entry on its record. The earliest deadline may stay lower than needed, which only
     * makes a cached result expire sooner.
     */
    void retract(int match) {
      matches.removeLast(match);
    }

    private int add(RegistryEntry entry, long deadline) {
      earliestDeadline = Math.min(earliestDeadline, deadline);
      return matches.add(entry);
    }

    /** Drops the second sighting of an agent that moved to another slot during the walk. */
    void removeDuplicates() {
      matches.removeDuplicates();
    }

    private boolean matchesIgnoringHealth(AgentRecord record) {
      return matchesIndexedFilters(record) && matchesOtherFiltersIgnoringHealth(record);
    }

    /** Checks the domain, capability and tag filters. */
    private boolean matchesIndexedFilters(AgentRecord record) {
      if (domain != null && !domain.equals(record.domain())) {
        return false;
      }
      Set<String> capabilities = record.capabilities();
      for (String capability : query.capabilities()) {
        if (!capabilities.contains(capability)) {
          return false;
        }
      }
      if (!query.anyCapabilities().isEmpty()
          && Collections.disjoint(capabilities, query.anyCapabilities())) {
        return false;
      }
      for (String tag : query.tags()) {
        if (!record.tags().contains(tag)) {
          return false;
        }
      }
      return true;
    }

    /** Checks the name, version, binding and health filters. */
    private boolean matchesOtherFilters(AgentRecord record) {
      return matchesOtherFiltersIgnoringHealth(record)
          && (status == null || health.apply(record.urn()) == status);
    }

    private boolean matchesOtherFiltersIgnoringHealth(AgentRecord record) {
      if (name != null && !containsIgnoreCase(record.name(), name)) {
        return false;
      }
      if (version != null && !version.contains(record.version())) {
        return false;
      }
      if (binding != null && !hasBinding(record, binding)) {
        return false;
      }
      return true;
    }

    private static boolean hasBinding(AgentRecord record, String binding) {
      for (AgentInterface agentInterface : record.interfaces()) {
        if (agentInterface.binding().equalsIgnoreCase(binding)) {
          return true;
        }
      }
      return false;
    }

    private static boolean containsIgnoreCase(String text, String needle) {
      int last = text.length() - needle.length();
      for (int i = 0; i <= last; i++) {
        if (text.regionMatches(true, i, needle, 0, needle.length())) {
          return true;
        }
      }
      return false;
    }
  }
}
