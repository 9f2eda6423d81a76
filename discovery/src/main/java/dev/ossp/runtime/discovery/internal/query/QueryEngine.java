package dev.ossp.runtime.discovery.internal.query;

import dev.ossp.runtime.discovery.AgentHealth;
import dev.ossp.runtime.discovery.AgentInterface;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.internal.registry.AgentIndex;
import dev.ossp.runtime.discovery.internal.registry.RegistryEntry;
import dev.ossp.runtime.urn.AgentUrn;
import dev.ossp.runtime.urn.VersionRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates queries against the registry's indexes.
 *
 * <p>When a domain, capability or tag filter is set, candidates come from the smallest of those
 * posting sets, checked against the others; with only an any-of capability filter, from the union
 * of its posting sets; only a query without indexed filters scans every agent. Every candidate is
 * then checked against all filters and its lease, then the matches are ordered and paged. Pages
 * near the front are selected with a bounded heap instead of sorting every match.
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
    List<AgentRecord> matches = matcher.matches;
    int total = matches.size();
    Comparator<AgentRecord> order = Sorting.comparator(query.sort(), query.order());

    List<AgentRecord> candidates = matches;
    int skip = query.offset();
    int offset = skip;
    if (cursor != null) {
      candidates = new ArrayList<>();
      for (AgentRecord record : matches) {
        if (cursor.precedes(record, query.order())) {
          candidates.add(record);
        }
      }
      skip = 0;
      offset = total - candidates.size();
    }
    List<AgentRecord> firstRecords = first(candidates, skip + limit, order);
    List<AgentRecord> page =
        skip >= firstRecords.size()
            ? List.of()
            : List.copyOf(firstRecords.subList(skip, firstRecords.size()));
    String nextCursor =
        skip + limit < candidates.size() && !page.isEmpty()
            ? Cursor.encode(query, page.get(page.size() - 1))
            : null;
    AgentQuery effective =
        query.limit().isPresent() ? query : query.toBuilder().limit(limit).build();
    return new Evaluation(
        effective, page, total, offset, nextCursor, now, matcher.earliestDeadline);
  }

  private void collect(AgentQuery query, Matcher matcher) {
    List<Map<AgentUrn, RegistryEntry>> required = new ArrayList<>();
    query.domain().ifPresent(domain -> required.add(index.domains().get(domain)));
    for (String capability : query.capabilities()) {
      required.add(index.capabilities().get(capability));
    }
    for (String tag : query.tags()) {
      required.add(index.tags().get(tag));
    }
    if (!required.isEmpty()) {
      // The matcher checks every filter on the record, so the other postings need no lookup.
      Map<AgentUrn, RegistryEntry> smallest = required.get(0);
      for (Map<AgentUrn, RegistryEntry> postings : required) {
        if (postings.size() < smallest.size()) {
          smallest = postings;
        }
      }
      for (RegistryEntry entry : smallest.values()) {
        matcher.check(entry);
      }
      return;
    }
    if (!query.anyCapabilities().isEmpty()) {
      Set<AgentUrn> seen = new HashSet<>();
      for (String capability : query.anyCapabilities()) {
        for (RegistryEntry entry : index.capabilities().get(capability).values()) {
          if (seen.add(entry.record().urn())) {
            matcher.check(entry);
          }
        }
      }
      return;
    }
    for (RegistryEntry entry : index.entries()) {
      matcher.check(entry);
    }
  }

  /**
   * Returns whether {@code record} passes every filter of {@code query} except health, ignoring its
   * lease. Used to find the cached results a change can affect.
   */
  public static boolean matchesFilters(AgentQuery query, AgentRecord record) {
    return new Matcher(query, 0, urn -> AgentHealth.Status.UNKNOWN).matchesIgnoringHealth(record);
  }

  /** Returns the first {@code count} records in {@code order}, sorted. */
  private static List<AgentRecord> first(
      List<AgentRecord> records, int count, Comparator<AgentRecord> order) {
    if (count >= records.size() / 4) {
      List<AgentRecord> sorted = new ArrayList<>(records);
      sorted.sort(order);
      return sorted.size() > count ? sorted.subList(0, count) : sorted;
    }
    PriorityQueue<AgentRecord> heap = new PriorityQueue<>(count + 1, order.reversed());
    for (AgentRecord record : records) {
      if (heap.size() < count) {
        heap.add(record);
      } else if (order.compare(record, heap.peek()) < 0) {
        heap.poll();
        heap.add(record);
      }
    }
    List<AgentRecord> sorted = new ArrayList<>(heap);
    sorted.sort(order);
    return sorted;
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
    private final List<AgentRecord> matches = new ArrayList<>();
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
    }

    void check(@Nullable RegistryEntry entry) {
      if (entry == null || !entry.visibleAt(nowMillis)) {
        return;
      }
      AgentRecord record = entry.record();
      if (matches(record)) {
        matches.add(record);
        earliestDeadline = Math.min(earliestDeadline, entry.leaseDeadlineMillis());
      }
    }

    private boolean matches(AgentRecord record) {
      return matchesIgnoringHealth(record)
          && (status == null || health.apply(record.urn()) == status);
    }

    private boolean matchesIgnoringHealth(AgentRecord record) {
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
