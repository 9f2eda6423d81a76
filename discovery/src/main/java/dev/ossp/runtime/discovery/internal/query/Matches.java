package dev.ossp.runtime.discovery.internal.query;

import dev.ossp.runtime.discovery.internal.registry.RegistryEntry;
import dev.ossp.runtime.urn.AgentUrn;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The entries a query matched, each with its sort key ({@link RegistryEntry#sortKey}) copied into a
 * flat array, and the selection of a page from them. In name order the keys decide most comparisons
 * without reading the entries, which lie scattered over the heap.
 *
 * <p>Not thread-safe: one query fills and reads an instance.
 */
final class Matches {
  private static final int WORDS = RegistryEntry.SORT_KEY_WORDS;

  private RegistryEntry[] entries = new RegistryEntry[64];
  private long[] leads = new long[0];
  private long[] keys = new long[64 * WORDS];
  private int size;

  /**
   * Makes room for {@code expected} matches, at most 1,024, so a query with a bound on its matches
   * copies its arrays less often as it grows.
   */
  void expect(int expected) {
    int capacity = Math.min(expected, 1024);
    if (capacity > entries.length) {
      entries = Arrays.copyOf(entries, capacity);
      keys = Arrays.copyOf(keys, WORDS * capacity);
    }
  }

  /**
   * Adds a match and returns the index at which the caller writes its sort key with {@link
   * #sortKey}.
   */
  int add(RegistryEntry entry) {
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, size * 2);
      keys = Arrays.copyOf(keys, size * 2 * WORDS);
    }
    entries[size] = entry;
    return size++;
  }

  /** Removes match {@code index}, which must be the last one added. */
  void removeLast(int index) {
    if (index != size - 1) {
      throw new IllegalStateException("match " + index + " is not the last of " + size);
    }
    entries[--size] = null;
  }

  /** Sets word {@code word} of the sort key of match {@code index}. */
  void sortKey(int index, int word, long value) {
    keys[WORDS * index + word] = value;
  }

  /** Returns the number of matches. */
  int size() {
    return size;
  }

  /** Returns match {@code index}. */
  RegistryEntry entry(int index) {
    return entries[index];
  }

  /** Returns the matches {@code keep} accepts, in the same order. */
  Matches filter(Predicate<RegistryEntry> keep) {
    Matches kept = new Matches();
    for (int i = 0; i < size; i++) {
      if (keep.test(entries[i])) {
        int index = kept.add(entries[i]);
        System.arraycopy(keys, WORDS * i, kept.keys, WORDS * index, WORDS);
      }
    }
    return kept;
  }

  /** Drops every match after the first of the same agent; returns whether any was dropped. */
  boolean removeDuplicates() {
    Set<AgentUrn> seen = new HashSet<>();
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (seen.add(entries[i].record().urn())) {
        entries[kept] = entries[i];
        System.arraycopy(keys, WORDS * i, keys, WORDS * kept, WORDS);
        kept++;
      }
    }
    boolean dropped = kept < size;
    Arrays.fill(entries, kept, size, null);
    size = kept;
    return dropped;
  }

  /**
   * Returns the indexes of the first {@code count} matches in {@code order}, sorted. A bounded heap
   * keeps the greatest of the best matches so far at its root, so most matches cost one comparison
   * with the root. The heap is then sorted in place.
   *
   * @param bySortKey whether {@code order} is ascending name order, which the sort keys decide
   *     before the entries are compared, unless a match has the all-zero key of a name that no key
   *     orders
   */
  int[] first(int count, Comparator<RegistryEntry> order, boolean bySortKey) {
    int capacity = Math.min(count, size);
    int[] heap = new int[capacity];
    if (capacity == 0) {
      return heap;
    }
    boolean byKey = bySortKey && !hasZeroKey();
    if (byKey) {
      computeLeads();
    }
    int heapSize = 0;
    for (int i = 0; i < size; i++) {
      if (heapSize < capacity) {
        siftUp(heap, heapSize++, i, order, byKey);
      } else if (compare(i, heap[0], order, byKey) < 0) {
        siftDown(heap, heapSize, i, order, byKey);
      }
    }
    for (int end = heapSize - 1; end > 0; end--) {
      int greatest = heap[0];
      siftDown(heap, end, heap[end], order, byKey);
      heap[end] = greatest;
    }
    return heap;
  }

  private boolean hasZeroKey() {
    for (int i = 0; i < size; i++) {
      long bits = 0;
      for (int word = 0; word < WORDS; word++) {
        bits |= keys[WORDS * i + word];
      }
      if (bits == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Computes each match's lead: the 8 bytes of its sort key from the first byte at which the
   * matches' keys differ. The bytes before are the same in every match, so comparing leads orders
   * the matches as comparing their keys does, except where the leads are equal.
   */
  private void computeLeads() {
    int offset = WORDS * Long.BYTES;
    for (int word = 0; word < WORDS && offset == WORDS * Long.BYTES; word++) {
      long difference = 0;
      long first = keys[word];
      for (int i = 1; i < size; i++) {
        difference |= keys[WORDS * i + word] ^ first;
      }
      if (difference != 0) {
        offset = word * Long.BYTES + Long.numberOfLeadingZeros(difference) / Byte.SIZE;
      }
    }
    if (leads.length < size) {
      leads = new long[entries.length];
    }
    int word = offset / Long.BYTES;
    int shift = (offset % Long.BYTES) * Byte.SIZE;
    for (int i = 0; i < size; i++) {
      long high = word < WORDS ? keys[WORDS * i + word] : 0;
      long low = word + 1 < WORDS ? keys[WORDS * i + word + 1] : 0;
      leads[i] = shift == 0 ? high : (high << shift) | (low >>> (Long.SIZE - shift));
    }
  }

  private int compare(int a, int b, Comparator<RegistryEntry> order, boolean bySortKey) {
    if (bySortKey) {
      int lead = Long.compareUnsigned(leads[a], leads[b]);
      if (lead != 0) {
        return lead;
      }
      for (int word = 0; word < WORDS; word++) {
        int result = Long.compareUnsigned(keys[WORDS * a + word], keys[WORDS * b + word]);
        if (result != 0) {
          return result;
        }
      }
    }
    return order.compare(entries[a], entries[b]);
  }

  private void siftUp(
      int[] heap, int position, int match, Comparator<RegistryEntry> order, boolean bySortKey) {
    int i = position;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (compare(match, heap[parent], order, bySortKey) <= 0) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = match;
  }

  /** Puts {@code match} at the root of a heap of {@code heapSize} and restores the heap. */
  private void siftDown(
      int[] heap, int heapSize, int match, Comparator<RegistryEntry> order, boolean bySortKey) {
    int i = 0;
    int half = heapSize >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < heapSize && compare(heap[right], heap[child], order, bySortKey) > 0) {
        child = right;
      }
      if (compare(match, heap[child], order, bySortKey) >= 0) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = match;
  }
}
