package dev.ossp.runtime.discovery.internal.registry;

import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.urn.AgentUrn;
import org.jspecify.annotations.Nullable;

/**
 * A registered agent in memory: its immutable record and its lease state. The record is replaced as
 * a whole on update; the lease deadline changes on each heartbeat without a new record.
 */
public final class RegistryEntry {
  /** The number of 8-byte words in a sort key: 32 bytes, enough for most names and URNs whole. */
  public static final int SORT_KEY_WORDS = 4;

  /** The deadline of an agent without a lease. */
  static final long NO_DEADLINE = Long.MAX_VALUE;

  private final AgentRecord record;
  private final String sortName;
  private final String urnKey;
  private final @Nullable String nameOrderKey;
  private final long[] sortKey;
  private volatile long leaseDeadlineMillis;
  private volatile boolean expired;
  private int slot = -1;

  RegistryEntry(AgentRecord record, long leaseDeadlineMillis) {
    this.record = record;
    this.sortName = foldCase(record.name());
    this.urnKey = record.urn().domain() + '\u0000' + record.urn().name();
    this.nameOrderKey = sortName.indexOf('\u0000') < 0 ? sortName + '\u0000' + urnKey : null;
    this.sortKey = sortKey(sortName, record.urn());
    this.leaseDeadlineMillis = leaseDeadlineMillis;
  }

  /** The agent's record. */
  public AgentRecord record() {
    return record;
  }

  /**
   * The agent's name folded by {@link #foldCase}, kept so that sorting by name compares plain
   * strings.
   */
  public String sortName() {
    return sortName;
  }

  /**
   * Compares two entries by folded name, then by URN: the ascending name order of query results.
   * Most names hold no U+0000, and for those one string holds name, domain and name of the URN
   * joined by U+0000, so one string comparison decides all but equal URNs of different versions.
   */
  public int compareByNameThenUrn(RegistryEntry other) {
    if (nameOrderKey != null && other.nameOrderKey != null) {
      int result = nameOrderKey.compareTo(other.nameOrderKey);
      return result != 0 ? result : record.urn().compareTo(other.record.urn());
    }
    int result = sortName.compareTo(other.sortName);
    return result != 0 ? result : compareUrn(other);
  }

  /**
   * Word {@code word} (0 to {@link #SORT_KEY_WORDS} - 1) of the entry's sort key, compared
   * unsigned. The sort key packs the start of the folded name, the URN's domain and the URN's name
   * in turn into {@value #SORT_KEY_WORDS} 8-byte words, in an encoding that keeps their order: each
   * UTF-16 unit plus one is written as UTF-8 writes a code point, and a zero byte separates the
   * parts. So when the keys of two entries differ, comparing them word by word, unsigned, orders
   * the entries as {@link #compareByNameThenUrn} does, and only equal keys need that comparison.
   */
  public long sortKey(int word) {
    return sortKey[word];
  }

  private static long[] sortKey(String sortName, AgentUrn urn) {
    byte[] bytes = new byte[SORT_KEY_WORDS * Long.BYTES];
    int length = encode(sortName, bytes, 0);
    length = encode(urn.domain(), bytes, length + 1);
    encode(urn.name(), bytes, length + 1);
    long[] words = new long[SORT_KEY_WORDS];
    for (int i = 0; i < bytes.length; i++) {
      words[i / Long.BYTES] = (words[i / Long.BYTES] << 8) | (bytes[i] & 0xFF);
    }
    return words;
  }

  /** Writes the units of {@code text} from {@code position} on, as far as they fit. */
  private static int encode(String text, byte[] bytes, int position) {
    int at = position;
    for (int i = 0; i < text.length() && at < bytes.length; i++) {
      int value = text.charAt(i) + 1;
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

  /**
   * Compares the URNs of two entries in {@link AgentUrn#compareTo} order, comparing one string
   * before the versions. The key joins domain and name with a character below any the URN grammar
   * allows, so it orders exactly as the two parts in turn.
   */
  public int compareUrn(RegistryEntry other) {
    int result = urnKey.compareTo(other.urnKey);
    return result != 0 ? result : record.urn().compareTo(other.record.urn());
  }

  /**
   * Folds the case of {@code text} code point by code point (upper case, then lower case), the
   * folding {@link String#CASE_INSENSITIVE_ORDER} applies, so names that differ only in case fold
   * to the same string. Returns {@code text} itself when nothing changes.
   */
  public static String foldCase(String text) {
    int length = text.length();
    int i = 0;
    while (i < length) {
      int codePoint = text.codePointAt(i);
      if (fold(codePoint) != codePoint) {
        break;
      }
      i += Character.charCount(codePoint);
    }
    if (i == length) {
      return text;
    }
    StringBuilder folded = new StringBuilder(length).append(text, 0, i);
    while (i < length) {
      int codePoint = text.codePointAt(i);
      folded.appendCodePoint(fold(codePoint));
      i += Character.charCount(codePoint);
    }
    return folded.toString();
  }

  private static int fold(int codePoint) {
    return Character.toLowerCase(Character.toUpperCase(codePoint));
  }

  /** The agent's slot in the index, assigned when the entry is stored; -1 before. */
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
