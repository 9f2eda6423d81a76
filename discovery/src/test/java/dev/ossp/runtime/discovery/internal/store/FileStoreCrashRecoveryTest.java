package dev.ossp.runtime.discovery.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.registry.StoredRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a child JVM with SIGKILL while it writes registrations, then checks that the reopened store
 * has every registration the child acknowledged.
 */
class FileStoreCrashRecoveryTest {
  private static final int ACKS_BEFORE_KILL = 150;
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path directory;

  @ParameterizedTest
  @ValueSource(strings = {"always", "batch"})
  void storeKeepsEveryAcknowledgedWriteAfterSigkill(String fsync) throws Exception {
    // given
    Process child = startWriter(fsync);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = drain(child, lines);
    List<String> acknowledged = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();

    // when
    while (acknowledged.size() < ACKS_BEFORE_KILL && System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null && line.startsWith("ACK ")) {
        acknowledged.add(line.substring(4));
      }
      assertThat(line == null && !child.isAlive()).as("child exited early").isFalse();
    }
    child.destroyForcibly();
    assertThat(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    reader.join(WAIT.toMillis());
    for (String line : lines) {
      if (line.startsWith("ACK ")) {
        acknowledged.add(line.substring(4));
      }
    }

    // then
    assertThat(child.exitValue()).as("killed before finishing").isNotZero();
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
    try (FileRecordStore reopened = FileRecordStore.open(directory, FileStoreOptions.defaults())) {
      for (String key : acknowledged) {
        assertThat(reopened.get(key).map(StoredRecord::payload))
            .as("acknowledged record %s", key)
            .contains(CrashingWriter.payloadFor(key));
      }
      assertThat(reopened.size()).isBetween(acknowledged.size(), acknowledged.size() + 1);
      reopened.insert("after-crash", "ok");
    }
  }

  private Process startWriter(String fsync) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            CrashingWriter.class.getName(),
            directory.toString(),
            fsync,
            "1000000");
    builder.redirectErrorStream(true);
    return builder.start();
  }

  private static Thread drain(Process child, BlockingQueue<String> lines) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  lines.add(line);
                }
              } catch (java.io.IOException e) {
                // The child was killed; its output ended.
              }
            },
            "crash-test-reader");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
