package dev.ossp.runtime.discovery.internal.registry;

import dev.ossp.runtime.urn.AgentUrn;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An inverted index from a term (a domain, capability or tag) to the agents that carry it. Adds and
 * removes for one term are atomic, and a term with no agents left is dropped, so the index never
 * holds more terms than the registered agents carry.
 *
 * <p>This class is thread-safe; iteration over a posting set is weakly consistent.
 */
public final class Postings {
  private final ConcurrentHashMap<String, Set<AgentUrn>> postings = new ConcurrentHashMap<>();

  void add(String term, AgentUrn urn) {
    postings.compute(
        term,
        (key, urns) -> {
          Set<AgentUrn> set = urns == null ? ConcurrentHashMap.newKeySet(4) : urns;
          set.add(urn);
          return set;
        });
  }

  void remove(String term, AgentUrn urn) {
    postings.computeIfPresent(
        term,
        (key, urns) -> {
          urns.remove(urn);
          return urns.isEmpty() ? null : urns;
        });
  }

  /** Returns the agents carrying {@code term}; an empty set when none. */
  public Set<AgentUrn> get(String term) {
    Set<AgentUrn> urns = postings.get(term);
    return urns == null ? Collections.emptySet() : urns;
  }

  /** Returns the number of distinct terms. */
  public int terms() {
    return postings.size();
  }

  /** Returns each term's agent count, sorted by term. */
  public Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    postings.forEach((term, urns) -> counts.put(term, urns.size()));
    return counts;
  }
}
