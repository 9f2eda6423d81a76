package dev.ossp.runtime.discovery.internal.registry;

import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.urn.AgentUrn;

/**
 * A registered agent in memory: its immutable record, its lease state and its sort key. The record
 * is replaced as a whole on update; the lease deadline changes on each heartbeat without a new
 * record.
 */
public final class RegistryEntry {
  /** The number of 8-byte words in a sort key: 32 bytes, enough for most names and URNs whole. */
  public static final int SORT_KEY_WORDS = 4;

  /** The deadline of an agent without a lease. */
  static final long NO_DEADLINE = Long.MAX_VALUE;

  private final AgentRecord record;
  private final long sortKey0;
  private final long sortKey1;
  private final long sortKey2;
  private final long sortKey3;
  private volatile long leaseDeadlineMillis;
  private volatile boolean expired;
  private int slot = -1;

  RegistryEntry(AgentRecord record, long leaseDeadlineMillis) {
    this.record = record;
    long[] key = sortKey(record.name(), record.urn());
    this.sortKey0 = key[0];
    this.sortKey1 = key[1];
    this.sortKey2 = key[2];
    this.sortKey3 = key[3];
    this.leaseDeadlineMillis = leaseDeadlineMillis;
  }

  /** The agent's record. */
  public AgentRecord record() {
    return record;
  }

  /**
   * Compares two entries by name ignoring case ({@link String#CASE_INSENSITIVE_ORDER}), then by
   * URN: the ascending name order of query results.
   */
  public int compareByNameThenUrn(RegistryEntry other) {
    int result = String.CASE_INSENSITIVE_ORDER.compare(record.name(), other.record.name());
    return result != 0 ? result : record.urn().compareTo(other.record.urn());
  }

  /**
   * Word {@code word} (0 to {@link #SORT_KEY_WORDS} - 1) of the entry's sort key, compared
   * unsigned. The sort key packs the start of the name, the URN's domain and the URN's name in turn
   * into {@value #SORT_KEY_WORDS} 8-byte words, in an encoding that keeps their order: each code
   * point of the name is case-folded as {@link String#CASE_INSENSITIVE_ORDER} folds it, then each
   * code point plus one is written as UTF-8 writes a code point, and a zero byte separates the
   * parts. So when the keys of two entries differ, comparing them word by word, unsigned, orders
   * the entries as {@link #compareByNameThenUrn} does, and only equal keys need that comparison.
   *
   * <p>A name with an unpaired surrogate gets the all-zero key, which no other name gets: {@link
   * String#CASE_INSENSITIVE_ORDER} pairs such a surrogate with its neighbor at the position where
   * two names differ, so no code point encoding orders it. A query with such a match orders its
   * page with the full comparison.
   */
  public long sortKey(int word) {
    return switch (word) {
      case 0 -> sortKey0;
      case 1 -> sortKey1;
      case 2 -> sortKey2;
      case 3 -> sortKey3;
      default -> throw new IndexOutOfBoundsException("sort key word " + word);
    };
  }

  private static long[] sortKey(String name, AgentUrn urn) {
    if (hasUnpairedSurrogate(name)) {
      return new long[SORT_KEY_WORDS];
    }
    byte[] bytes = new byte[SORT_KEY_WORDS * Long.BYTES];
    int length = encode(name, true, bytes, 0);
    length = encode(urn.domain(), false, bytes, length + 1);
    encode(urn.name(), false, bytes, length + 1);
    long[] words = new long[SORT_KEY_WORDS];
    for (int i = 0; i < bytes.length; i++) {
      words[i / Long.BYTES] = (words[i / Long.BYTES] << 8) | (bytes[i] & 0xFF);
    }
    return words;
  }

  private static boolean hasUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** Writes the code points of {@code text} from {@code position} on, as far as they fit. */
  private static int encode(String text, boolean foldCase, byte[] bytes, int position) {
    int at = position;
    int i = 0;
    while (i < text.length() && at < bytes.length) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      int value =
          (foldCase ? Character.toLowerCase(Character.toUpperCase(codePoint)) : codePoint) + 1;
      if (value < 0x80) {
        at = put(bytes, at, value);
      } else if (value < 0x800) {
        at = put(bytes, at, 0xC0 | (value >>> 6));
        at = put(bytes, at, 0x80 | (value & 0x3F));
      } else if (value < 0x10000) {
        at = put(bytes, at, 0xE0 | (value >>> 12));
        at = put(bytes, at, 0x80 | ((value >>> 6) & 0x3F));
        at = put(bytes, at, 0x80 | (value & 0x3F));
      } else {
        at = put(bytes, at, 0xF0 | (value >>> 18));
        at = put(bytes, at, 0x80 | ((value >>> 12) & 0x3F));
        at = put(bytes, at, 0x80 | ((value >>> 6) & 0x3F));
        at = put(bytes, at, 0x80 | (value & 0x3F));
      }
    }
    return at;
  }

  private static int put(byte[] bytes, int at, int value) {
    if (at < bytes.length) {
      bytes[at] = (byte) value;
    }
    return at + 1;
  }

  /** Returns the agent's slot in the index, assigned when the entry is stored, or -1 before. */
  public int slot() {
    return slot;
  }

  /** Sets the slot; called by the index before it publishes the entry. */
  void slot(int slot) {
    this.slot = slot;
  }

  /** When the lease runs out, in epoch milliseconds; {@link Long#MAX_VALUE} without a lease. */
  public long leaseDeadlineMillis() {
    return leaseDeadlineMillis;
  }

  void renew(long deadlineMillis) {
    this.leaseDeadlineMillis = deadlineMillis;
    this.expired = false;
  }

  void markExpired() {
    this.expired = true;
  }

  /** Whether the sweeper has marked the lease expired. */
  boolean expired() {
    return expired;
  }

  /** Returns whether queries may see this agent at {@code nowMillis}. */
  public boolean visibleAt(long nowMillis) {
    return !expired && leaseDeadlineMillis > nowMillis;
  }
}
