package dev.ossp.runtime.discovery.internal.registry;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * Gives every agent in the registry a small slot number and keeps each slot's state in a {@link
 * SlotChunk}, so the term indexes can be bit sets of slots. A slot stays with its URN while the
 * registry has an entry for it, through updates and expiry, and is reused after the entry is
 * removed.
 *
 * <p>Chunks never move once allocated, so only allocation and release lock; readers never do.
 */
final class SlotTable {
  /** The deadline stored for a hidden entry: no time is before it. */
  static final long HIDDEN = Long.MIN_VALUE;

  private volatile AtomicReferenceArray<SlotChunk> chunks = new AtomicReferenceArray<>(16);
  private int[] free = new int[64];
  private int freeCount;
  private int next;
  private volatile long releases;

  /** Returns a slot no entry holds. */
  synchronized int allocate() {
    if (freeCount > 0) {
      return free[--freeCount];
    }
    int slot = next++;
    int chunkIndex = slot / SlotChunk.SLOTS;
    AtomicReferenceArray<SlotChunk> current = chunks;
    if (chunkIndex >= current.length()) {
      AtomicReferenceArray<SlotChunk> grown = new AtomicReferenceArray<>(current.length() * 2);
      for (int i = 0; i < current.length(); i++) {
        grown.set(i, current.get(i));
      }
      chunks = grown;
      current = grown;
    }
    if (current.get(chunkIndex) == null) {
      current.set(chunkIndex, new SlotChunk());
    }
    return slot;
  }

  /**
   * Points {@code slot}, which {@link #allocate} returned, at {@code entry}, with the entry's sort
   * key and its lease deadline ({@link #HIDDEN} when expired).
   */
  void set(int slot, RegistryEntry entry) {
    chunk(slot)
        .set(slot % SlotChunk.SLOTS, entry, entry.expired() ? HIDDEN : entry.leaseDeadlineMillis());
  }

  /**
   * Sets the deadline until which the entry in {@code slot} is visible; {@link #HIDDEN} hides it.
   */
  void deadline(int slot, long deadlineMillis) {
    chunk(slot).visibleUntil(slot % SlotChunk.SLOTS, deadlineMillis);
  }

  /** Empties {@code slot}; the caller then {@linkplain #release releases} it. */
  void clear(int slot) {
    chunk(slot).set(slot % SlotChunk.SLOTS, null, HIDDEN);
  }

  /**
   * Makes the empty {@code slot} available again. Call it only after the change that emptied the
   * slot has ended its stamp. Otherwise a writer that reused the slot could start its own change
   * while that one is still open, and a reader would then read an even stamp during a change.
   */
  synchronized void release(int slot) {
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, free.length * 2);
    }
    free[freeCount++] = slot;
    releases++;
  }

  /** Marks the start or the end of a change to {@code slot}; calls come in pairs. */
  void stampChange(int slot) {
    chunk(slot).stampChange(slot % SlotChunk.SLOTS);
  }

  /** Returns the entry in {@code slot}, or null. */
  @Nullable RegistryEntry get(int slot) {
    SlotChunk chunk = chunkOrNull(slot);
    return chunk == null ? null : chunk.entry(slot % SlotChunk.SLOTS);
  }

  /** Returns how many slots have been released so far. */
  long releases() {
    return releases;
  }

  /**
   * Returns the chunk that contains {@code slot}, or null when no slot in its range was allocated.
   */
  @Nullable SlotChunk chunkOrNull(int slot) {
    AtomicReferenceArray<SlotChunk> current = chunks;
    int chunkIndex = slot / SlotChunk.SLOTS;
    return chunkIndex < current.length() ? current.get(chunkIndex) : null;
  }

  private SlotChunk chunk(int slot) {
    SlotChunk chunk = chunkOrNull(slot);
    if (chunk == null) {
      throw new IllegalStateException("slot " + slot + " was never allocated");
    }
    return chunk;
  }
}
