package dev.ossp.runtime.discovery.internal.registry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The revisions of recently deleted records of a shared store, so that a change event that arrives
 * after the delete of the same record cannot bring the record back. Because a store never reuses a
 * revision for a key, an event at or below a tombstone's revision is always outdated.
 *
 * <p>Late events arrive within moments of the delete, so only the latest {@link #CAPACITY}
 * tombstones are kept.
 *
 * <p>This class is thread-safe.
 */
final class Tombstones {
  /** The number of tombstones kept; older ones are dropped first. */
  static final int CAPACITY = 10_000;

  private final Map<String, Long> revisions =
      new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > CAPACITY;
        }
      };

  /** Records that {@code key} was deleted at {@code revision}. */
  synchronized void add(String key, long revision) {
    revisions.merge(key, revision, Math::max);
  }

  /** Returns whether a change of {@code key} at {@code revision} is older than its delete. */
  synchronized boolean covers(String key, long revision) {
    Long deleted = revisions.get(key);
    return deleted != null && revision <= deleted;
  }

  /** Drops the tombstone of {@code key} once a newer record of it is applied. */
  synchronized void clear(String key, long revision) {
    Long deleted = revisions.get(key);
    if (deleted != null && deleted < revision) {
      revisions.remove(key);
    }
  }

  /** Returns the number of tombstones kept. */
  synchronized int size() {
    return revisions.size();
  }
}
