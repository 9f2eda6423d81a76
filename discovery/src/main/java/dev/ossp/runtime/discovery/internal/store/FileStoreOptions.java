package dev.ossp.runtime.discovery.internal.store;

import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.config.ConfigType;
import dev.ossp.runtime.error.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code file} store's options, from {@code discovery.store.file.*}.
 *
 * @param fsync {@code ALWAYS}: each write is fsynced before it is acknowledged (concurrent writes
 *     may share one fsync); {@code BATCH}: writes wait for a flusher that fsyncs at most every
 *     {@code fsyncDelay}, so fewer fsyncs serve more writes at the cost of up to that much latency.
 *     In both modes a write is durable when it returns.
 * @param fsyncDelay the flusher's period in {@code BATCH} mode, in 100us..1s; default 2 ms
 * @param compactAfter the journal size in bytes that triggers compaction into a snapshot, at least
 *     1 KiB; default 64 MiB
 */
public record FileStoreOptions(Fsync fsync, Duration fsyncDelay, long compactAfter) {
  /** The option names. */
  public static final List<String> NAMES = List.of("fsync", "fsync-delay", "compact-after");

  private static final Duration MIN_DELAY = Duration.ofNanos(100_000);
  private static final Duration MAX_DELAY = Duration.ofSeconds(1);
  private static final long MIN_COMPACT_AFTER = 1024;

  /** The defaults: fsync every write, 2 ms batch delay, compaction after 64 MiB. */
  public static FileStoreOptions defaults() {
    return new FileStoreOptions(Fsync.ALWAYS, Duration.ofMillis(2), 64L * 1024 * 1024);
  }

  /** When writes are fsynced. */
  public enum Fsync {
    /** Fsync before acknowledging each write. */
    ALWAYS,
    /** Fsync on a bounded delay; writers wait for it. */
    BATCH
  }

  /**
   * Parses the options.
   *
   * @throws ConfigException naming each unknown option or invalid value, with what is valid
   */
  public static FileStoreOptions parse(Map<String, String> options) {
    FileStoreOptions defaults = defaults();
    Fsync fsync = defaults.fsync();
    Duration delay = defaults.fsyncDelay();
    long compactAfter = defaults.compactAfter();
    List<Violation> violations = new ArrayList<>();
    for (Map.Entry<String, String> option : options.entrySet()) {
      String key = "discovery.store.file." + option.getKey();
      String value = option.getValue().strip();
      try {
        switch (option.getKey()) {
          case "fsync" ->
              fsync = Fsync.valueOf(ConfigType.oneOf(List.of("ALWAYS", "BATCH")).convert(value));
          case "fsync-delay" -> {
            delay = ConfigType.DURATION.convert(value);
            if (delay.compareTo(MIN_DELAY) < 0 || delay.compareTo(MAX_DELAY) > 0) {
              throw new IllegalArgumentException("must be in 100us..1s");
            }
          }
          case "compact-after" -> {
            compactAfter = ConfigType.BYTES.convert(value);
            if (compactAfter < MIN_COMPACT_AFTER) {
              throw new IllegalArgumentException("must be at least 1KiB");
            }
          }
          default ->
              throw new IllegalArgumentException(
                  "unknown option of the file store; known options: " + String.join(", ", NAMES));
        }
      } catch (IllegalArgumentException e) {
        violations.add(new Violation(key, "'" + value + "' is invalid: " + e.getMessage()));
      }
    }
    if (!violations.isEmpty()) {
      throw new ConfigException(violations);
    }
    return new FileStoreOptions(fsync, delay, compactAfter);
  }
}
