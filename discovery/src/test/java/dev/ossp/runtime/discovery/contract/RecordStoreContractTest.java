package dev.ossp.runtime.discovery.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.registry.RecordStore;
import dev.ossp.runtime.registry.RegistryStore;
import dev.ossp.runtime.registry.StoreSettings;
import dev.ossp.runtime.registry.StoreStatus;
import dev.ossp.runtime.registry.StoredRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behavior every registry store must show. Extend this class with the store under test and, if
 * it needs options or a server, override {@link #settings(Path)}.
 *
 * <p>Durability tests (records survive a close and reopen) run only when {@link #durable()} is
 * true.
 */
public abstract class RecordStoreContractTest {
  /** A temporary directory, new for each test. */
  @TempDir protected Path directory;

  /** The store under test, opened before each test. */
  protected RecordStore store;

  /** Returns the strategy under test. */
  protected abstract RegistryStore strategy();

  /** Returns whether records survive closing and reopening the store. */
  protected abstract boolean durable();

  /** Returns the settings to open the store with; by default the temp directory, no options. */
  protected StoreSettings settings(Path directory) {
    return new StoreSettings(directory, Map.of());
  }

  @BeforeEach
  void openStore() throws Exception {
    store = strategy().open(settings(directory));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  /** Closes the store and opens it again on the same settings. */
  protected RecordStore reopen() throws Exception {
    store.close();
    store = strategy().open(settings(directory));
    return store;
  }

  @Test
  void insertStoresRecordWithPositiveRevision() {
    // when
    StoredRecord record = store.insert("a", "payload-a");

    // then
    assertThat(record.key()).isEqualTo("a");
    assertThat(record.payload()).isEqualTo("payload-a");
    assertThat(record.revision()).isPositive();
    assertThat(store.get("a")).contains(record);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void insertOfExistingKeyConflictsAndChangesNothing() {
    // given
    StoredRecord first = store.insert("a", "first");

    // when / then
    assertThatThrownBy(() -> store.insert("a", "second"))
        .isInstanceOf(OsspException.class)
        .satisfies(e -> assertThat(((OsspException) e).kind()).isEqualTo(ErrorKind.CONFLICT));
    assertThat(store.get("a")).contains(first);
  }

  @Test
  void replaceWithCurrentRevisionRaisesIt() {
    // given
    StoredRecord first = store.insert("a", "v1");

    // when
    StoredRecord second = store.replace("a", first.revision(), "v2");
    StoredRecord third = store.replace("a", second.revision(), "v3");

    // then
    assertThat(second.revision()).isGreaterThan(first.revision());
    assertThat(third.revision()).isGreaterThan(second.revision());
    assertThat(third.payload()).isEqualTo("v3");
    assertThat(store.get("a")).contains(third);
  }

  @Test
  void replaceWithStaleRevisionConflicts() {
    // given
    StoredRecord first = store.insert("a", "v1");
    StoredRecord second = store.replace("a", first.revision(), "v2");

    // when / then
    assertThatThrownBy(() -> store.replace("a", first.revision(), "stale"))
        .isInstanceOf(OsspException.class)
        .satisfies(e -> assertThat(((OsspException) e).kind()).isEqualTo(ErrorKind.CONFLICT));
    assertThat(store.get("a")).contains(second);
  }

  @Test
  void replaceOfMissingKeyIsNotFound() {
    assertThatThrownBy(() -> store.replace("missing", 1, "x"))
        .isInstanceOf(OsspException.class)
        .satisfies(e -> assertThat(((OsspException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
  }

  @Test
  void deleteRemovesRecordAtCurrentRevision() {
    // given
    StoredRecord a = store.insert("a", "v1");
    store.insert("b", "v1");

    // when
    store.delete("a", a.revision());

    // then
    assertThat(store.get("a")).isEmpty();
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.loadAll()).extracting(StoredRecord::key).containsExactly("b");
  }

  @Test
  void deleteWithStaleRevisionOrMissingKeyFails() {
    // given
    StoredRecord first = store.insert("a", "v1");
    store.replace("a", first.revision(), "v2");

    // when / then
    assertThatThrownBy(() -> store.delete("a", first.revision()))
        .satisfies(e -> assertThat(((OsspException) e).kind()).isEqualTo(ErrorKind.CONFLICT));
    assertThatThrownBy(() -> store.delete("missing", 1))
        .satisfies(e -> assertThat(((OsspException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
    assertThat(store.get("a")).isPresent();
  }

  /**
   * Regression: revisions restarted at 1 after a delete, so a compare-and-set holding a revision of
   * the deleted record could overwrite the record inserted after it.
   */
  @Test
  void insertAfterDeleteNeverRepeatsRevision() {
    // given
    StoredRecord first = store.insert("a", "v1");
    StoredRecord second = store.replace("a", first.revision(), "v2");
    store.delete("a", second.revision());

    // when
    StoredRecord again = store.insert("a", "again");

    // then
    assertThat(again.revision()).isGreaterThan(second.revision());
    assertThatThrownBy(() -> store.replace("a", first.revision(), "stale"))
        .satisfies(e -> assertThat(((OsspException) e).kind()).isEqualTo(ErrorKind.CONFLICT));
    assertThatThrownBy(() -> store.replace("a", second.revision(), "stale"))
        .satisfies(e -> assertThat(((OsspException) e).kind()).isEqualTo(ErrorKind.CONFLICT));
    assertThat(store.get("a")).contains(again);
  }

  @Test
  void revisionsNeverRepeatOverManyDeletes() {
    // given
    List<Long> revisions = new ArrayList<>();

    // when
    for (int round = 0; round < 20; round++) {
      StoredRecord inserted = store.insert("a", "round-" + round);
      StoredRecord replaced = store.replace("a", inserted.revision(), "round-" + round + "-b");
      revisions.add(inserted.revision());
      revisions.add(replaced.revision());
      store.delete("a", replaced.revision());
    }

    // then
    assertThat(revisions).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void loadAllReturnsEveryRecord() {
    // given
    StoredRecord seventh = null;
    for (int i = 0; i < 50; i++) {
      StoredRecord record = store.insert("key-" + i, "payload-" + i);
      if (i == 7) {
        seventh = record;
      }
    }
    StoredRecord changed = store.replace("key-7", seventh.revision(), "changed");

    // when
    List<StoredRecord> all = store.loadAll();

    // then
    assertThat(all).hasSize(50).contains(changed);
    assertThat(store.get("missing")).isEmpty();
  }

  @Test
  void payloadsRoundTripUnchanged() {
    // given
    String payload = "{\"a\":1}\nline two \"quoted\" \\ tab\t unicode \u00e9\u4e2d \ud83d\ude00";

    // when
    store.insert("urn:agent:ai:x@1.0.0", payload);

    // then
    assertThat(store.get("urn:agent:ai:x@1.0.0").orElseThrow().payload()).isEqualTo(payload);
  }

  @Test
  void concurrentInsertsOfOneKeyHaveExactlyOneWinner() throws Exception {
    // given
    int threads = 8;
    int keys = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger wins = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();

    // when
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                for (int k = 0; k < keys; k++) {
                  try {
                    store.insert("key-" + k, "from-" + thread);
                    wins.incrementAndGet();
                  } catch (OsspException e) {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                    conflicts.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> future : futures) {
      future.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    // then
    assertThat(wins.get()).isEqualTo(keys);
    assertThat(conflicts.get()).isEqualTo(keys * (threads - 1));
    assertThat(store.size()).isEqualTo(keys);
  }

  @Test
  void concurrentReplacesOfOneRevisionHaveExactlyOneWinner() throws Exception {
    // given
    StoredRecord first = store.insert("a", "v1");
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> futures = new ArrayList<>();

    // when
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  store.replace("a", first.revision(), "from-" + thread);
                  return true;
                } catch (OsspException e) {
                  return false;
                }
              }));
    }
    start.countDown();
    int wins = 0;
    for (Future<Boolean> future : futures) {
      wins += future.get(60, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();

    // then
    assertThat(wins).isEqualTo(1);
    assertThat(store.get("a").orElseThrow().revision()).isGreaterThan(first.revision());
  }

  @Test
  void reopenedStoreHasEveryAcknowledgedWrite() throws Exception {
    assumeThat(durable()).as("store is durable").isTrue();

    // given
    StoredRecord kept = store.insert("kept", "v1");
    kept = store.replace("kept", kept.revision(), "v2");
    StoredRecord deleted = store.insert("deleted", "v1");
    store.delete("deleted", deleted.revision());
    StoredRecord again = store.insert("again", "v1");

    // when
    RecordStore reopened = reopen();

    // then
    assertThat(reopened.size()).isEqualTo(2);
    assertThat(reopened.get("kept")).contains(kept);
    assertThat(reopened.get("deleted")).isEmpty();
    assertThat(reopened.get("again")).contains(again);
    assertThat(reopened.replace("kept", kept.revision(), "v3").revision())
        .isGreaterThan(kept.revision());
  }

  @Test
  void reopenedStoreNeverRepeatsRevisionOfDeletedKey() throws Exception {
    assumeThat(durable()).as("store is durable").isTrue();

    // given
    StoredRecord first = store.insert("a", "v1");
    StoredRecord second = store.replace("a", first.revision(), "v2");
    store.delete("a", second.revision());

    // when
    RecordStore reopened = reopen();
    StoredRecord again = reopened.insert("a", "again");

    // then
    assertThat(again.revision()).isGreaterThan(second.revision());
  }

  @Test
  void localStoreHasNoChangeFeed() {
    assumeThat(store.shared()).as("store is local").isFalse();

    // then
    assertThat(store.status()).isEqualTo(StoreStatus.CONNECTED);
  }

  @Test
  void closedStoreRejectsCalls() {
    // given
    store.close();

    // when / then
    assertThatThrownBy(() -> store.insert("a", "x")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.get("a")).isInstanceOf(IllegalStateException.class);
  }
}
