package dev.ossp.runtime.discovery.internal.registry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/**
 * The state of {@value #SLOTS} consecutive slots in flat arrays: each slot's entry, change stamp,
 * visibility deadline and sort key. A query resolves the chunk once and reads the slots it walks in
 * order, without touching the entries for what the arrays already hold.
 *
 * <p>Every element is read and written with volatile semantics. Writers of one slot are serialized
 * by the registry; {@link SlotTable} hands out slots.
 */
public final class SlotChunk {
  /** The number of slots in a chunk. */
  public static final int SLOTS = 4096;

  private static final int WORDS = RegistryEntry.SORT_KEY_WORDS;
  private static final VarHandle ENTRIES =
      MethodHandles.arrayElementVarHandle(RegistryEntry[].class);
  private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
  private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

  private final RegistryEntry[] entries = new RegistryEntry[SLOTS];
  private final int[] stamps = new int[SLOTS];
  private final long[] deadlines = new long[SLOTS];
  private final long[] sortKeys = new long[SLOTS * WORDS];

  SlotChunk() {}

  /**
   * Returns the change stamp of slot {@code index} of this chunk: odd while a writer changes the
   * slot's entry, deadline, sort key or index bits, and moved on by every change.
   */
  public int stamp(int index) {
    return (int) INTS.getVolatile(stamps, index);
  }

  /** Returns the entry in slot {@code index} of this chunk, or null. */
  public @Nullable RegistryEntry entry(int index) {
    return (RegistryEntry) ENTRIES.getVolatile(entries, index);
  }

  /**
   * Returns the time, in epoch milliseconds, until which the entry in slot {@code index} is
   * visible: its lease deadline, or {@link Long#MIN_VALUE} when hidden or empty.
   */
  public long visibleUntil(int index) {
    return (long) LONGS.getVolatile(deadlines, index);
  }

  /**
   * Returns word {@code word} of the sort key ({@link RegistryEntry#sortKey}) in slot {@code
   * index}.
   */
  public long sortKey(int index, int word) {
    return (long) LONGS.getVolatile(sortKeys, index * WORDS + word);
  }

  void stampChange(int index) {
    INTS.getAndAdd(stamps, index, 1);
  }

  void set(int index, @Nullable RegistryEntry entry, long visibleUntil) {
    if (entry != null) {
      for (int word = 0; word < WORDS; word++) {
        LONGS.setVolatile(sortKeys, index * WORDS + word, entry.sortKey(word));
      }
    }
    LONGS.setVolatile(deadlines, index, visibleUntil);
    ENTRIES.setVolatile(entries, index, entry);
  }

  void visibleUntil(int index, long deadlineMillis) {
    LONGS.setVolatile(deadlines, index, deadlineMillis);
  }
}
