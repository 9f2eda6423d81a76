package dev.ossp.runtime.discovery.internal.registry;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * A set of agent slot numbers: the agents that carry one index term. Bits live in chunks of {@value
 * #CHUNK_BITS} slots that are allocated when a slot in their range is first added and freed when
 * their last slot is removed. A term carried by few agents costs at most one chunk of {@value
 * #CHUNK_WORDS} longs per agent, plus one chunk reference per {@value #CHUNK_BITS} slots up to its
 * highest slot, and a term carried by many costs one bit per slot.
 *
 * <p>Writers must be serialized per set; {@link Postings} mutates a set only inside the map
 * operation for its term. Readers never lock: every word is read with volatile semantics, so a
 * reader sees each bit either before or after a concurrent change.
 */
public final class SlotSet {
  /** The number of 64-bit words in a chunk. */
  static final int CHUNK_WORDS = 64;

  /** The number of slots a chunk covers. */
  static final int CHUNK_BITS = CHUNK_WORDS * Long.SIZE;

  private static final AtomicReferenceArray<AtomicLongArray> NO_CHUNKS =
      new AtomicReferenceArray<>(0);

  /** The empty set, returned for a term no agent carries. Never mutated. */
  static final SlotSet EMPTY = new SlotSet();

  private volatile AtomicReferenceArray<AtomicLongArray> chunks = NO_CHUNKS;
  private volatile int size;

  SlotSet() {}

  /** Adds {@code slot}; returns whether it was absent. */
  boolean add(int slot) {
    int chunkIndex = slot / CHUNK_BITS;
    AtomicReferenceArray<AtomicLongArray> current = chunks;
    if (chunkIndex >= current.length()) {
      AtomicReferenceArray<AtomicLongArray> grown =
          new AtomicReferenceArray<>(Math.max(chunkIndex + 1, current.length() * 2));
      for (int i = 0; i < current.length(); i++) {
        grown.set(i, current.get(i));
      }
      chunks = grown;
      current = grown;
    }
    AtomicLongArray chunk = current.get(chunkIndex);
    if (chunk == null) {
      chunk = new AtomicLongArray(CHUNK_WORDS);
      current.set(chunkIndex, chunk);
    }
    int word = (slot % CHUNK_BITS) >>> 6;
    long mask = 1L << slot;
    long bits = chunk.get(word);
    if ((bits & mask) != 0) {
      return false;
    }
    chunk.set(word, bits | mask);
    size++;
    return true;
  }

  /** Removes {@code slot}; returns whether it was present. */
  boolean remove(int slot) {
    AtomicLongArray chunk = chunk(slot / CHUNK_BITS);
    if (chunk == null) {
      return false;
    }
    int word = (slot % CHUNK_BITS) >>> 6;
    long mask = 1L << slot;
    long bits = chunk.get(word);
    if ((bits & mask) == 0) {
      return false;
    }
    chunk.set(word, bits & ~mask);
    size--;
    if (bits == mask && isEmpty(chunk)) {
      // Frees the chunk, so a term whose agents came and went over many slot ranges keeps no
      // empty chunks. A reader that still walks the freed chunk reads only zero words.
      chunks.set(slot / CHUNK_BITS, null);
    }
    return true;
  }

  private static boolean isEmpty(AtomicLongArray chunk) {
    for (int word = 0; word < CHUNK_WORDS; word++) {
      if (chunk.get(word) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Returns the number of chunks allocated for bits. */
  int chunkCount() {
    AtomicReferenceArray<AtomicLongArray> current = chunks;
    int count = 0;
    for (int i = 0; i < current.length(); i++) {
      if (current.get(i) != null) {
        count++;
      }
    }
    return count;
  }

  /** Returns whether {@code slot} is in the set. */
  public boolean contains(int slot) {
    AtomicLongArray chunk = chunk(slot / CHUNK_BITS);
    return chunk != null && (chunk.get((slot % CHUNK_BITS) >>> 6) & (1L << slot)) != 0;
  }

  /** Returns the number of slots in the set. */
  public int size() {
    return size;
  }

  /** Returns whether the set is empty. */
  public boolean isEmpty() {
    return size == 0;
  }

  private @Nullable AtomicLongArray chunk(int index) {
    AtomicReferenceArray<AtomicLongArray> current = chunks;
    return index < current.length() ? current.get(index) : null;
  }

  /**
   * Returns a walk over the slots that every set in {@code sets} holds, in ascending order. Chunks
   * are intersected a word at a time, and a chunk position that one set lacks is skipped whole.
   *
   * @param sets one or more sets
   */
  public static Walk intersection(List<SlotSet> sets) {
    return new Walk(sets, true);
  }

  /**
   * Returns a walk over the slots that at least one set in {@code sets} holds, in ascending order.
   */
  public static Walk union(List<SlotSet> sets) {
    return new Walk(sets, false);
  }

  /**
   * A walk over the intersection or union of slot sets. After {@link #next} has moved to a slot,
   * {@link #stillHeld} reads that slot's bits again, so a caller can check, after reading other
   * state of the slot, that the bits it walked still hold.
   *
   * <p>Not thread-safe; the sets may change during a walk, and the walk reads each bit either
   * before or after a change.
   */
  public static final class Walk {
    private final boolean intersection;
    private final AtomicReferenceArray<?>[] chunkArrays;
    private final AtomicLongArray[] current;
    private final int positions;
    private int present;
    private int chunkIndex = -1;
    private int word = CHUNK_WORDS;
    private long remaining;
    private int slot = -1;

    private Walk(List<SlotSet> sets, boolean intersection) {
      if (sets.isEmpty()) {
        throw new IllegalArgumentException("a walk needs at least one slot set");
      }
      this.intersection = intersection;
      int count = sets.size();
      chunkArrays = new AtomicReferenceArray<?>[count];
      current = new AtomicLongArray[count];
      int bound = intersection ? Integer.MAX_VALUE : 0;
      for (int i = 0; i < count; i++) {
        chunkArrays[i] = sets.get(i).chunks;
        int length = chunkArrays[i].length();
        bound = intersection ? Math.min(bound, length) : Math.max(bound, length);
      }
      positions = bound;
    }

    /** Moves to the next slot; returns false when there is none. */
    public boolean next() {
      while (remaining == 0) {
        if (!nextWord()) {
          return false;
        }
      }
      int bit = Long.numberOfTrailingZeros(remaining);
      remaining &= remaining - 1;
      slot = chunkIndex * CHUNK_BITS + word * Long.SIZE + bit;
      return true;
    }

    /** Returns the slot the walk is at. */
    public int slot() {
      return slot;
    }

    /** Reads the bits of the current slot again; returns whether the walk would still visit it. */
    public boolean stillHeld() {
      return (readWord() & (1L << slot)) != 0;
    }

    private boolean nextWord() {
      word++;
      if (word >= CHUNK_WORDS) {
        if (!nextChunk()) {
          return false;
        }
        word = 0;
      }
      remaining = readWord();
      return true;
    }

    private long readWord() {
      long bits = current[0].get(word);
      for (int i = 1; i < present; i++) {
        bits = intersection ? bits & current[i].get(word) : bits | current[i].get(word);
      }
      return bits;
    }

    /** Moves to the next chunk position that can hold slots of the walk. */
    private boolean nextChunk() {
      while (++chunkIndex < positions) {
        present = 0;
        boolean missing = false;
        for (int i = 0; i < chunkArrays.length && !missing; i++) {
          Object chunk =
              chunkIndex < chunkArrays[i].length() ? chunkArrays[i].get(chunkIndex) : null;
          if (chunk instanceof AtomicLongArray bits) {
            current[present++] = bits;
          } else {
            missing = intersection;
          }
        }
        if (!missing && present > 0) {
          return true;
        }
      }
      return false;
    }
  }
}
