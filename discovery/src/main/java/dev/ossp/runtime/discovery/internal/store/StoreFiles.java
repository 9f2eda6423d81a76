package dev.ossp.runtime.discovery.internal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file names of a store directory. Names carry only a generation number, never a record key:
 * {@code journal-000003.jsonl}, {@code snapshot-000003.jsonl} and the lock file {@code store.lock}.
 * A snapshot of generation N holds every record written to journals below N.
 */
final class StoreFiles {
  private static final Logger LOG = LoggerFactory.getLogger(StoreFiles.class);

  static final String LOCK_FILE = "store.lock";
  private static final Pattern NAME = Pattern.compile("(journal|snapshot)-(\\d{6,18})\\.jsonl");

  private StoreFiles() {}

  static Path journal(Path directory, long generation) {
    return directory.resolve(String.format(Locale.ROOT, "journal-%06d.jsonl", generation));
  }

  static Path snapshot(Path directory, long generation) {
    return directory.resolve(String.format(Locale.ROOT, "snapshot-%06d.jsonl", generation));
  }

  static Path snapshotTemp(Path directory, long generation) {
    return directory.resolve(String.format(Locale.ROOT, "snapshot-%06d.jsonl.tmp", generation));
  }

  /** The journals and snapshots present, by generation. */
  record Listing(TreeMap<Long, Path> journals, TreeMap<Long, Path> snapshots) {}

  /** Lists the directory, deleting leftover temporary snapshots of an interrupted compaction. */
  static Listing list(Path directory) throws IOException {
    TreeMap<Long, Path> journals = new TreeMap<>();
    TreeMap<Long, Path> snapshots = new TreeMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.endsWith(".jsonl.tmp")) {
          LOG.warn("deleting {}, left by a compaction that did not finish", entry);
          Files.deleteIfExists(entry);
          continue;
        }
        Matcher matcher = NAME.matcher(name);
        if (matcher.matches()) {
          long generation = Long.parseLong(matcher.group(2));
          (matcher.group(1).equals("journal") ? journals : snapshots).put(generation, entry);
        }
      }
    }
    return new Listing(journals, snapshots);
  }

  /**
   * Flushes the directory's entries, so a created or renamed file survives a crash. Some platforms
   * cannot open a directory for this; there the call only logs at DEBUG.
   */
  static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      LOG.debug("cannot fsync directory {}: {}", directory, e.toString());
    }
  }
}
