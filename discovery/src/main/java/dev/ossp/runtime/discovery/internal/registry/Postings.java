package dev.ossp.runtime.discovery.internal.registry;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An inverted index from a term (a domain, capability or tag) to the slots of the agents that carry
 * it. A set of slots is changed only inside the map operation for its term, so adds and removes for
 * one term are atomic, and a term with no agents left is dropped: the index never contains more
 * terms than the registered agents carry.
 *
 * <p>This class is thread-safe; a reader reads each slot of a set either before or after a
 * concurrent change.
 */
public final class Postings {
  private final ConcurrentHashMap<String, SlotSet> postings = new ConcurrentHashMap<>();

  /** Adds {@code slot} under {@code term}. */
  void add(String term, int slot) {
    postings.compute(
        term,
        (key, slots) -> {
          SlotSet set = slots == null ? new SlotSet() : slots;
          set.add(slot);
          return set;
        });
  }

  /** Removes {@code slot} from {@code term}. */
  void remove(String term, int slot) {
    postings.computeIfPresent(
        term,
        (key, slots) -> {
          slots.remove(slot);
          return slots.isEmpty() ? null : slots;
        });
  }

  /** Returns the slots of the agents carrying {@code term}; an empty set when none. */
  public SlotSet get(String term) {
    SlotSet slots = postings.get(term);
    return slots == null ? SlotSet.EMPTY : slots;
  }

  /** Returns the number of distinct terms. */
  public int terms() {
    return postings.size();
  }

  /** Returns each term's agent count, sorted by term. */
  public Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    postings.forEach((term, slots) -> counts.put(term, slots.size()));
    return counts;
  }
}
