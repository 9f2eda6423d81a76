package dev.ossp.runtime.registry;

import java.util.Objects;

/**
 * One stored record: a key, a revision that increases with every write of that key, and an opaque
 * payload (the discovery module stores JSON).
 *
 * <p>A store never gives one key the same revision twice, also not after the key was deleted and
 * inserted again. The {@code memory} and {@code file} stores start a new key above every revision
 * they issued before and count up by one per update; a distributed store may use its own sequence,
 * such as ZooKeeper's transaction ids.
 *
 * @param key the record's key, such as a canonical agent URN
 * @param revision at least 1; higher after each write of the key
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
