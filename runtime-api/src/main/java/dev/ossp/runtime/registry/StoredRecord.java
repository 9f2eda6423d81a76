package dev.ossp.runtime.registry;

import java.util.Objects;

/**
 * One stored record: a key, a revision that increases with every write of that key, and an opaque
 * payload (the discovery module stores JSON).
 *
 * @param key the record's key, such as a canonical agent URN
 * @param revision 1 after the first write, increased by each update
 * @param payload the record's content
 */
public record StoredRecord(String key, long revision, String payload) {
  /** Checks the values. */
  public StoredRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(payload, "payload");
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be >= 1, was " + revision);
    }
  }
}
