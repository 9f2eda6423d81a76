package dev.ossp.runtime.discovery.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.discovery.internal.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a store directory: the newest snapshot, then every journal from the snapshot's generation
 * on, in order.
 *
 * <p>Only the tail of the last journal may be damaged, because only its last write can have been
 * cut short by a crash, and such a write was never acknowledged. That tail is cut off with a WARN.
 * Damage anywhere else, a gap in the journal generations, or a revision that does not follow the
 * previous one fails the load, naming the file and line, so acknowledged data is never dropped
 * silently.
 *
 * <p>The load also finds the highest revision the store ever issued: the largest revision in the
 * files, or the snapshot header's {@code maxRevision} when that is larger, because a snapshot keeps
 * no trace of deleted records. New keys get revisions above it, so no key reuses a revision.
 */
final class StoreRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(StoreRecovery.class);

  static final String SNAPSHOT_FORMAT = "ossp-registry-snapshot";
  static final int SNAPSHOT_VERSION = 1;

  /** What a load found. */
  record Recovered(
      Map<String, Location> locations,
      List<DataFile> files,
      DataFile current,
      long currentSize,
      long maxRevision) {}

  private StoreRecovery() {}

  static Recovered recover(Path directory) throws IOException {
    StoreFiles.Listing listing = StoreFiles.list(directory);
    Map<String, Location> locations = new HashMap<>();
    long[] maxRevision = {0};
    List<DataFile> files = new ArrayList<>();
    long snapshotGeneration = 0;
    if (!listing.snapshots().isEmpty()) {
      snapshotGeneration = listing.snapshots().lastKey();
      DataFile snapshot =
          DataFile.open(listing.snapshots().get(snapshotGeneration), snapshotGeneration);
      files.add(snapshot);
      loadSnapshot(snapshot, locations, maxRevision);
      for (Path older : listing.snapshots().headMap(snapshotGeneration).values()) {
        LOG.info("deleting {}, replaced by snapshot {}", older.getFileName(), snapshotGeneration);
        Files.deleteIfExists(older);
      }
    }
    for (Path covered : listing.journals().headMap(snapshotGeneration).values()) {
      LOG.info("deleting {}, covered by snapshot {}", covered.getFileName(), snapshotGeneration);
      Files.deleteIfExists(covered);
    }
    NavigableMap<Long, Path> journals = listing.journals().tailMap(snapshotGeneration, true);
    long expected = snapshotGeneration == 0 ? 1 : snapshotGeneration;
    DataFile current = null;
    long currentSize = 0;
    int index = 0;
    for (Map.Entry<Long, Path> journal : journals.entrySet()) {
      if (journal.getKey() != expected) {
        throw new IOException(
            "registry store "
                + directory
                + " is missing journal generation "
                + expected
                + " (found "
                + journal.getValue().getFileName()
                + "); restore the missing file from a backup");
      }
      boolean last = ++index == journals.size();
      DataFile file = DataFile.open(journal.getValue(), journal.getKey());
      files.add(file);
      long validEnd = replay(file, locations, maxRevision, last);
      if (last) {
        current = file;
        currentSize = validEnd;
      }
      expected++;
    }
    if (current == null) {
      Path path = StoreFiles.journal(directory, expected);
      FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
      StoreFiles.syncDirectory(directory);
      current = DataFile.open(path, expected);
      files.add(current);
    }
    return new Recovered(locations, files, current, currentSize, maxRevision[0]);
  }

  private static void loadSnapshot(
      DataFile snapshot, Map<String, Location> locations, long[] maxRevision) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(snapshot.path()))) {
      LineScanner scanner = new LineScanner(in);
      LineScanner.Line header = scanner.next();
      JsonNode headerNode = readHeader(snapshot, header);
      long expectedRecords = headerNode.path("records").asLong();
      // Snapshots written before revisions were made unique have no maxRevision field.
      maxRevision[0] = Math.max(maxRevision[0], headerNode.path("maxRevision").asLong(0));
      long records = 0;
      for (LineScanner.Line line = scanner.next(); line != null; line = scanner.next()) {
        JournalLine.Decoded decoded = decodeStrict(snapshot, line);
        if (decoded.op() != JournalLine.Op.PUT || locations.containsKey(decoded.key())) {
          throw damaged(snapshot, line, "expected one put line per record");
        }
        locations.put(
            decoded.key(),
            new Location(snapshot, line.offset(), line.length(), decoded.revision()));
        maxRevision[0] = Math.max(maxRevision[0], decoded.revision());
        records++;
      }
      if (records != expectedRecords) {
        throw new IOException(
            "snapshot "
                + snapshot.path()
                + " holds "
                + records
                + " records, but its header says "
                + expectedRecords);
      }
    }
  }

  private static JsonNode readHeader(DataFile snapshot, LineScanner.@Nullable Line header)
      throws IOException {
    if (header == null || !header.terminated()) {
      throw new IOException("snapshot " + snapshot.path() + " has no header line");
    }
    JsonNode node = Json.MAPPER.readTree(header.bytes(), 0, header.length());
    if (node == null
        || !SNAPSHOT_FORMAT.equals(node.path("format").asText())
        || node.path("version").asInt() != SNAPSHOT_VERSION
        || !node.path("records").canConvertToLong()) {
      throw new IOException(
          "snapshot "
              + snapshot.path()
              + " has no valid header; expected format "
              + SNAPSHOT_FORMAT
              + " version "
              + SNAPSHOT_VERSION);
    }
    return node;
  }

  /** Replays a journal and returns the byte offset where its intact lines end. */
  private static long replay(
      DataFile journal, Map<String, Location> locations, long[] maxRevision, boolean last)
      throws IOException {
    LineScanner.Line firstBad = null;
    String firstProblem = null;
    long end = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(journal.path()))) {
      LineScanner scanner = new LineScanner(in);
      for (LineScanner.Line line = scanner.next(); line != null; line = scanner.next()) {
        JournalLine.Decoded decoded = null;
        String problem = null;
        if (!line.terminated()) {
          problem = "the line has no newline";
        } else {
          try {
            decoded = JournalLine.decode(line.bytes(), 0, line.length());
          } catch (IOException e) {
            problem = e.getMessage();
          }
        }
        if (decoded == null) {
          if (firstBad == null) {
            firstBad = line;
            firstProblem = problem;
          }
          continue;
        }
        if (firstBad != null) {
          throw damaged(
              journal,
              firstBad,
              firstProblem
                  + "; later lines are intact, so this is not a write cut short by a"
                  + " crash");
        }
        apply(journal, line, decoded, locations);
        maxRevision[0] = Math.max(maxRevision[0], decoded.revision());
        end = line.offset() + line.length() + 1;
      }
    }
    if (firstBad != null) {
      if (!last) {
        throw damaged(journal, firstBad, firstProblem + " in a journal that was complete");
      }
      long size = Files.size(journal.path());
      LOG.warn(
          "ignoring the damaged tail of registry journal {}: {} bytes from line {} ({}); a crash"
              + " cut this write short before it was acknowledged",
          journal.path(),
          size - end,
          firstBad.number(),
          firstProblem);
      try (FileChannel channel = FileChannel.open(journal.path(), StandardOpenOption.WRITE)) {
        channel.truncate(end);
        channel.force(true);
      }
    }
    return end;
  }

  private static void apply(
      DataFile journal,
      LineScanner.Line line,
      JournalLine.Decoded decoded,
      Map<String, Location> locations)
      throws IOException {
    Location previous = locations.get(decoded.key());
    if (decoded.op() == JournalLine.Op.PUT) {
      // A new key may start at any revision: above every earlier one, or at 1 in journals written
      // before revisions were made unique. An update must follow its previous revision.
      if (previous != null && decoded.revision() != previous.revision + 1) {
        throw damaged(
            journal,
            line,
            "revision "
                + decoded.revision()
                + " of '"
                + decoded.key()
                + "' should be "
                + (previous.revision + 1));
      }
      locations.put(
          decoded.key(), new Location(journal, line.offset(), line.length(), decoded.revision()));
    } else {
      if (previous == null || previous.revision != decoded.revision()) {
        throw damaged(
            journal,
            line,
            "delete of '"
                + decoded.key()
                + "' at revision "
                + decoded.revision()
                + " does not match the stored revision");
      }
      locations.remove(decoded.key());
    }
  }

  private static JournalLine.Decoded decodeStrict(DataFile file, LineScanner.Line line)
      throws IOException {
    if (!line.terminated()) {
      throw damaged(file, line, "the line has no newline");
    }
    try {
      return JournalLine.decode(line.bytes(), 0, line.length());
    } catch (IOException e) {
      throw damaged(file, line, e.getMessage());
    }
  }

  private static IOException damaged(DataFile file, LineScanner.Line line, String problem) {
    return new IOException(
        "registry store file "
            + file.path()
            + " is damaged at line "
            + line.number()
            + " (byte "
            + line.offset()
            + "): "
            + problem);
  }
}
