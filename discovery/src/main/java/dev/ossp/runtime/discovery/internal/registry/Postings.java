package dev.ossp.runtime.discovery.internal.registry;

import dev.ossp.runtime.urn.AgentUrn;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An inverted index from a term (a domain, capability or tag) to the entries of the agents that
 * carry it. Postings hold the entries themselves, so a query walks a posting without a second
 * lookup. Adds and removes for one term are atomic, and a term with no agents left is dropped, so
 * the index never holds more terms than the registered agents carry.
 *
 * <p>This class is thread-safe; iteration over a posting is weakly consistent.
 */
public final class Postings {
  private final ConcurrentHashMap<String, ConcurrentHashMap<AgentUrn, RegistryEntry>> postings =
      new ConcurrentHashMap<>();

  /** Adds {@code entry} under {@code term}, replacing an older entry of the same agent. */
  void add(String term, RegistryEntry entry) {
    postings.compute(
        term,
        (key, entries) -> {
          ConcurrentHashMap<AgentUrn, RegistryEntry> map =
              entries == null ? new ConcurrentHashMap<>(4) : entries;
          map.put(entry.record().urn(), entry);
          return map;
        });
  }

  void remove(String term, AgentUrn urn) {
    postings.computeIfPresent(
        term,
        (key, entries) -> {
          entries.remove(urn);
          return entries.isEmpty() ? null : entries;
        });
  }

  /** Returns the entries carrying {@code term}, by URN; an empty map when none. */
  public Map<AgentUrn, RegistryEntry> get(String term) {
    Map<AgentUrn, RegistryEntry> entries = postings.get(term);
    return entries == null ? Collections.emptyMap() : entries;
  }

  /** Returns the number of distinct terms. */
  public int terms() {
    return postings.size();
  }

  /** Returns each term's agent count, sorted by term. */
  public Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    postings.forEach((term, entries) -> counts.put(term, entries.size()));
    return counts;
  }
}
