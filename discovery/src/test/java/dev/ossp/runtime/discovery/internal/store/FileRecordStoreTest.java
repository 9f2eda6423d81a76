package dev.ossp.runtime.discovery.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.discovery.contract.RecordStoreContractTest;
import dev.ossp.runtime.registry.RecordStore;
import dev.ossp.runtime.registry.RegistryStore;
import dev.ossp.runtime.registry.StoreSettings;
import dev.ossp.runtime.registry.StoredRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FileRecordStoreTest extends RecordStoreContractTest {
  @Override
  protected RegistryStore strategy() {
    return new FileRegistryStore();
  }

  @Override
  protected boolean durable() {
    return true;
  }

  private List<String> fileNames() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  private Path journal() {
    return directory.resolve("journal-000001.jsonl");
  }

  @Test
  void journalIsOneJsonLinePerWriteWithNamesFreeOfKeys() throws Exception {
    // given
    store.insert("urn:agent:ai:x@1.0.0", "payload");
    store.replace("urn:agent:ai:x@1.0.0", 1, "payload-2");
    store.delete("urn:agent:ai:x@1.0.0", 2);

    // when
    List<String> lines = Files.readAllLines(journal());

    // then
    assertThat(fileNames()).containsExactly("journal-000001.jsonl", "store.lock");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .startsWith("{\"op\":\"put\",\"key\":\"urn:agent:ai:x@1.0.0\",\"rev\":1");
    assertThat(lines.get(2)).startsWith("{\"op\":\"del\"");
  }

  @Test
  void tornLastLineIsCutOffAndAcknowledgedWritesKept() throws Exception {
    // given
    store.insert("a", "first");
    store.insert("b", "second");
    store.close();
    long intact = Files.size(journal());
    byte[] torn = "{\"op\":\"put\",\"key\":\"c\",\"rev\":1,\"payl".getBytes(StandardCharsets.UTF_8);
    Files.write(journal(), torn, StandardOpenOption.APPEND);

    // when
    store = strategy().open(settings(directory));

    // then
    assertThat(store.loadAll())
        .containsExactlyInAnyOrder(
            new StoredRecord("a", 1, "first"), new StoredRecord("b", 2, "second"));
    assertThat(Files.size(journal())).isEqualTo(intact);
    store.insert("c", "third");
    assertThat(reopen().get("c")).contains(new StoredRecord("c", 3, "third"));
  }

  @Test
  void corruptLastLineWithNewlineIsAlsoTreatedAsTorn() throws Exception {
    // given
    store.insert("a", "first");
    store.close();
    Files.write(
        journal(),
        "\u0000\u0000\u0000\n".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);

    // when
    store = strategy().open(settings(directory));

    // then
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void damagedLineBeforeIntactLinesFailsTheOpen() throws Exception {
    // given
    store.insert("a", "first");
    store.insert("b", "second");
    store.close();
    List<String> lines = new ArrayList<>(Files.readAllLines(journal()));
    lines.set(0, lines.get(0).replace("first", "fir5t"));
    Files.write(journal(), lines);

    // when / then
    assertThatThrownBy(() -> strategy().open(settings(directory)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("journal-000001.jsonl")
        .hasMessageContaining("line 1")
        .hasMessageContaining("checksum mismatch");
    store = strategy().open(new StoreSettings(directory.resolve("other"), Map.of()));
  }

  @Test
  void secondOpenOfSameDirectoryFails() {
    assertThatThrownBy(() -> strategy().open(settings(directory)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("already open");
  }

  @Test
  void compactionWritesSnapshotAndDeletesCoveredJournal() throws Exception {
    // given
    for (int i = 0; i < 20; i++) {
      store.insert("key-" + i, "payload-" + i);
    }
    store.replace("key-3", 4, "changed");
    store.delete("key-4", 5);

    // when
    ((FileRecordStore) store).compact();
    store.insert("after", "compaction");

    // then
    assertThat(fileNames())
        .containsExactly("journal-000002.jsonl", "snapshot-000002.jsonl", "store.lock");
    assertThat(store.get("key-3")).contains(new StoredRecord("key-3", 5, "changed"));
    RecordStore reopened = reopen();
    assertThat(reopened.size()).isEqualTo(20);
    assertThat(reopened.get("key-3")).contains(new StoredRecord("key-3", 5, "changed"));
    assertThat(reopened.get("key-4")).isEmpty();
    assertThat(reopened.get("after")).contains(new StoredRecord("after", 21, "compaction"));
  }

  @Test
  void compactedStoreNeverRepeatsRevisionOfDeletedKey() throws Exception {
    // given: the deleted key held the highest revision, and the snapshot keeps no trace of it
    store.insert("kept", "v1");
    StoredRecord doomed = store.insert("doomed", "v1");
    doomed = store.replace("doomed", doomed.revision(), "v2");
    store.delete("doomed", doomed.revision());
    ((FileRecordStore) store).compact();

    // when
    RecordStore reopened = reopen();
    StoredRecord again = reopened.insert("doomed", "again");

    // then
    assertThat(again.revision()).isEqualTo(doomed.revision() + 1);
  }

  @Test
  void journalWithRevisionsFromOlderVersionLoads() throws Exception {
    // given: journals written before revisions were unique start every key at 1
    store.close();
    Files.write(
        directory.resolve("journal-000001.jsonl"),
        List.of(
            new String(JournalLine.put("a", 1, "a1"), StandardCharsets.UTF_8),
            new String(JournalLine.put("b", 1, "b1"), StandardCharsets.UTF_8),
            new String(JournalLine.put("a", 2, "a2"), StandardCharsets.UTF_8)));

    // when
    store = strategy().open(settings(directory));

    // then
    assertThat(store.get("a")).contains(new StoredRecord("a", 2, "a2"));
    assertThat(store.get("b")).contains(new StoredRecord("b", 1, "b1"));
    assertThat(store.insert("c", "c1").revision()).isEqualTo(3);
  }

  @Test
  void journalOverThresholdIsCompactedInBackground() throws Exception {
    // given
    store.close();
    store = strategy().open(new StoreSettings(directory, Map.of("compact-after", "2KiB")));

    // when
    for (int i = 0; i < 40; i++) {
      store.insert("key-" + i, "x".repeat(100));
    }
    store.close();

    // then
    assertThat(fileNames()).anyMatch(name -> name.startsWith("snapshot-"));
    store = strategy().open(settings(directory));
    assertThat(store.size()).isEqualTo(40);
  }

  @Test
  void leftoverTemporarySnapshotIsDeletedOnOpen() throws Exception {
    // given
    store.insert("a", "first");
    store.close();
    Files.writeString(directory.resolve("snapshot-000002.jsonl.tmp"), "partial");

    // when
    store = strategy().open(settings(directory));

    // then
    assertThat(fileNames()).containsExactly("journal-000001.jsonl", "store.lock");
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void missingJournalGenerationFailsTheOpen() throws Exception {
    // given
    store.insert("a", "first");
    store.close();
    Files.move(journal(), directory.resolve("journal-000003.jsonl"));

    // when / then
    assertThatThrownBy(() -> strategy().open(settings(directory)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("missing journal generation 1");
    store = strategy().open(new StoreSettings(directory.resolve("other"), Map.of()));
  }

  @Test
  void batchedFsyncAcknowledgesEveryConcurrentWrite() throws Exception {
    // given
    store.close();
    StoreSettings batch =
        new StoreSettings(directory, Map.of("fsync", "batch", "fsync-delay", "5ms"));
    store = strategy().open(batch);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();

    // when
    for (int t = 0; t < 4; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 25; i++) {
                  store.insert("t" + thread + "-" + i, "v");
                }
              }));
    }
    for (Future<?> future : futures) {
      future.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    store.close();

    // then
    store = strategy().open(settings(directory));
    assertThat(store.size()).isEqualTo(100);
  }

  @Test
  void unknownOrInvalidOptionsAreRejectedByName() {
    assertThatThrownBy(() -> FileStoreOptions.parse(Map.of("fsink", "always")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("discovery.store.file.fsink")
        .hasMessageContaining("fsync, fsync-delay, compact-after");
    assertThatThrownBy(() -> FileStoreOptions.parse(Map.of("fsync", "sometimes")))
        .hasMessageContaining("expected one of ALWAYS, BATCH");
    assertThatThrownBy(() -> FileStoreOptions.parse(Map.of("fsync-delay", "5s")))
        .hasMessageContaining("must be in 100us..1s");
    assertThatThrownBy(() -> FileStoreOptions.parse(Map.of("compact-after", "10")))
        .hasMessageContaining("at least 1KiB");
  }
}
