package dev.ossp.runtime.discovery.internal.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.discovery.internal.Json;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.registry.RecordStore;
import dev.ossp.runtime.registry.StoredRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: an append-only journal of JSON lines, fsynced before each write returns, and
 * compacted into a snapshot when it grows past {@code compact-after}.
 *
 * <p>Only each record's revision and file position are kept in memory; payloads are read back from
 * the files when asked for, which keeps the heap small for large registries. The directory is
 * locked with an OS file lock, so a second process (or a second open in this one) fails fast.
 *
 * <p>Compaction rotates to a new journal, writes every live record to {@code snapshot-N.jsonl.tmp},
 * fsyncs it, renames it atomically to {@code snapshot-N.jsonl} and then deletes the files it
 * covers. A crash at any step leaves a directory that loads to the same records. Compaction runs on
 * a background thread; writes continue meanwhile.
 *
 * <p>This class is thread-safe.
 */
public final class FileRecordStore implements RecordStore {
  private static final Logger LOG = LoggerFactory.getLogger(FileRecordStore.class);

  private final Path directory;
  private final FileStoreOptions options;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final ConcurrentHashMap<String, Location> locations;
  private final List<DataFile> files;
  private final ReentrantReadWriteLock filesLock = new ReentrantReadWriteLock();
  private final ReentrantLock compactionLock = new ReentrantLock();
  private final Journal journal;
  // The highest revision issued so far, deleted records included; guarded by the journal lock.
  private long maxRevision;
  private @Nullable Thread compactor;
  private volatile boolean closed;

  private FileRecordStore(
      Path directory,
      FileStoreOptions options,
      FileChannel lockChannel,
      FileLock lock,
      StoreRecovery.Recovered recovered)
      throws IOException {
    this.directory = directory;
    this.options = options;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.locations = new ConcurrentHashMap<>(recovered.locations());
    this.files = new ArrayList<>(recovered.files());
    this.journal = new Journal(directory, recovered.current(), recovered.currentSize(), options);
    this.maxRevision = recovered.maxRevision();
  }

  /**
   * Opens the store in {@code directory}, creating the directory if needed, locking it and loading
   * its records.
   *
   * @throws IOException when the directory cannot be created, is locked by another process, or
   *     holds damaged files other than a torn last journal line
   */
  public static FileRecordStore open(Path directory, FileStoreOptions options) throws IOException {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(options, "options");

    Files.createDirectories(directory);
    FileChannel lockChannel =
        FileChannel.open(
            directory.resolve(StoreFiles.LOCK_FILE),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lockChannel.close();
      throw new IOException(
          "registry store " + directory + " is already open in this process; close it first", e);
    } catch (IOException e) {
      lockChannel.close();
      throw e;
    }
    if (lock == null) {
      lockChannel.close();
      throw new IOException(
          "registry store "
              + directory
              + " is locked by another process; stop that process or configure another"
              + " discovery.store.directory");
    }
    try {
      long started = System.nanoTime();
      StoreRecovery.Recovered recovered = StoreRecovery.recover(directory);
      FileRecordStore store = new FileRecordStore(directory, options, lockChannel, lock, recovered);
      LOG.info(
          "opened registry store {} with {} records in {} ms (fsync {})",
          directory,
          store.locations.size(),
          (System.nanoTime() - started) / 1_000_000,
          options.fsync().name().toLowerCase(java.util.Locale.ROOT));
      return store;
    } catch (IOException | RuntimeException e) {
      lock.release();
      lockChannel.close();
      throw e;
    }
  }

  @Override
  public List<StoredRecord> loadAll() {
    ensureOpen();
    filesLock.readLock().lock();
    try {
      List<StoredRecord> records = new ArrayList<>(locations.size());
      for (Map.Entry<String, Location> entry : locations.entrySet()) {
        records.add(read(entry.getKey(), entry.getValue()));
      }
      return records;
    } finally {
      filesLock.readLock().unlock();
    }
  }

  @Override
  public Optional<StoredRecord> get(String key) {
    Objects.requireNonNull(key, "key");
    ensureOpen();

    filesLock.readLock().lock();
    try {
      Location location = locations.get(key);
      return location == null ? Optional.empty() : Optional.of(read(key, location));
    } finally {
      filesLock.readLock().unlock();
    }
  }

  private StoredRecord read(String key, Location location) {
    try {
      byte[] bytes = location.file.read(location.offset, location.length);
      JournalLine.Decoded decoded = JournalLine.decode(bytes, 0, bytes.length);
      if (!decoded.key().equals(key) || decoded.payload() == null) {
        throw new IOException("line at byte " + location.offset + " belongs to another record");
      }
      return new StoredRecord(key, decoded.revision(), decoded.payload());
    } catch (IOException e) {
      throw storeFailure("read record '" + key + "' from " + location.file, e);
    }
  }

  @Override
  public StoredRecord insert(String key, String payload) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(payload, "payload");
    ensureOpen();

    long revision = write(key, null, false, next -> JournalLine.put(key, next, payload));
    return new StoredRecord(key, revision, payload);
  }

  @Override
  public StoredRecord replace(String key, long expectedRevision, String payload) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(payload, "payload");
    ensureOpen();

    long revision =
        write(key, expectedRevision, false, next -> JournalLine.put(key, next, payload));
    return new StoredRecord(key, revision, payload);
  }

  @Override
  public void delete(String key, long expectedRevision) {
    Objects.requireNonNull(key, "key");
    ensureOpen();

    write(key, expectedRevision, true, unused -> JournalLine.delete(key, expectedRevision));
  }

  /**
   * Checks the current revision, chooses the new one, appends the line and updates the location
   * under the append lock, then waits for the fsync outside it, so concurrent writers share fsyncs.
   * An insert takes the revision after the highest one ever issued, an update the one after its
   * expected revision, and a delete keeps the expected revision.
   *
   * @param line encodes the journal line for the chosen revision
   * @return the record's revision after the write
   */
  private long write(
      String key,
      @Nullable Long expectedRevision,
      boolean delete,
      java.util.function.LongFunction<byte[]> line) {
    long sequence;
    long revision;
    journal.lock();
    try {
      Location current = locations.get(key);
      if (expectedRevision == null && current != null) {
        throw StoreErrors.exists(key, current.revision);
      }
      if (expectedRevision != null) {
        if (current == null) {
          throw StoreErrors.missing(key);
        }
        if (current.revision != expectedRevision) {
          throw StoreErrors.staleRevision(key, expectedRevision, current.revision);
        }
      }
      if (delete) {
        revision = expectedRevision;
      } else if (expectedRevision == null) {
        revision = maxRevision + 1;
      } else {
        revision = expectedRevision + 1;
      }
      Location written = journal.append(line.apply(revision), revision);
      maxRevision = Math.max(maxRevision, revision);
      if (delete) {
        locations.remove(key);
      } else {
        locations.put(key, written);
      }
      sequence = journal.lastAppended();
    } catch (IOException e) {
      throw storeFailure("append to " + journal.file(), e);
    } finally {
      journal.unlock();
    }
    try {
      journal.awaitDurable(sequence);
    } catch (IOException e) {
      throw storeFailure("fsync " + journal.file(), e);
    }
    if (journal.size() >= options.compactAfter()) {
      startCompaction();
    }
    return revision;
  }

  private synchronized void startCompaction() {
    if (closed || (compactor != null && compactor.isAlive())) {
      return;
    }
    Thread thread =
        new Thread(
            () -> {
              try {
                compact();
              } catch (RuntimeException e) {
                LOG.warn("compaction of registry store {} failed; will retry", directory, e);
              }
            },
            "ossp-registry-compaction");
    thread.setDaemon(true);
    compactor = thread;
    thread.start();
  }

  /**
   * Writes every live record into a new snapshot and deletes the journals and snapshot it replaces.
   * Runs in the caller's thread; concurrent calls run one after the other.
   *
   * @throws OsspException of kind {@code INTERNAL} when a file cannot be read or written; the store
   *     stays usable and the old files stay in place
   */
  public void compact() {
    ensureOpen();
    compactionLock.lock();
    try {
      compactLocked();
    } catch (IOException e) {
      throw storeFailure("compact", e);
    } finally {
      compactionLock.unlock();
    }
  }

  private void compactLocked() throws IOException {
    long started = System.nanoTime();
    Map<String, Location> view;
    long generation;
    long viewMaxRevision;
    journal.lock();
    try {
      generation = journal.file().generation() + 1;
      DataFile next = rotateJournal(generation);
      view = new HashMap<>(locations);
      viewMaxRevision = maxRevision;
      LOG.debug("compacting {}: journal continues in {}", directory, next);
    } finally {
      journal.unlock();
    }
    Path temp = StoreFiles.snapshotTemp(directory, generation);
    Path target = StoreFiles.snapshot(directory, generation);
    Map<String, long[]> written = writeSnapshot(temp, generation, view, viewMaxRevision);
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    StoreFiles.syncDirectory(directory);
    DataFile snapshot = DataFile.open(target, generation);
    int dropped;
    filesLock.writeLock().lock();
    try {
      for (Map.Entry<String, long[]> entry : written.entrySet()) {
        Location old = view.get(entry.getKey());
        long[] position = entry.getValue();
        locations.replace(
            entry.getKey(),
            old,
            new Location(snapshot, position[0], (int) position[1], old.revision));
      }
      List<DataFile> obsolete = new ArrayList<>();
      for (DataFile file : files) {
        if (file.generation() < generation || isSnapshot(file)) {
          obsolete.add(file);
        }
      }
      files.removeAll(obsolete);
      files.add(snapshot);
      for (DataFile file : obsolete) {
        file.delete();
      }
      dropped = obsolete.size();
    } finally {
      filesLock.writeLock().unlock();
    }
    LOG.info(
        "compacted registry store {} into snapshot {} with {} records in {} ms; deleted {} files",
        directory,
        generation,
        written.size(),
        (System.nanoTime() - started) / 1_000_000,
        dropped);
  }

  private DataFile rotateJournal(long generation) throws IOException {
    journal.rotate(generation);
    DataFile next = journal.file();
    filesLock.writeLock().lock();
    try {
      files.add(next);
    } finally {
      filesLock.writeLock().unlock();
    }
    return next;
  }

  private boolean isSnapshot(DataFile file) {
    return file.path().getFileName().toString().startsWith("snapshot-");
  }

  /** Writes the snapshot file and returns each record's offset and length in it. */
  private Map<String, long[]> writeSnapshot(
      Path temp, long generation, Map<String, Location> view, long maxRevision) throws IOException {
    Map<String, long[]> positions = new HashMap<>(view.size() * 2);
    ObjectNode header = Json.MAPPER.createObjectNode();
    header.put("format", StoreRecovery.SNAPSHOT_FORMAT);
    header.put("version", StoreRecovery.SNAPSHOT_VERSION);
    header.put("generation", generation);
    header.put("records", view.size());
    header.put("maxRevision", maxRevision);
    try (FileChannel channel =
            FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream out =
            new BufferedOutputStream(
                java.nio.channels.Channels.newOutputStream(channel), 1 << 16)) {
      byte[] headerBytes = Json.MAPPER.writeValueAsBytes(header);
      out.write(headerBytes);
      out.write('\n');
      long offset = headerBytes.length + 1;
      for (Map.Entry<String, Location> entry : view.entrySet()) {
        Location location = entry.getValue();
        byte[] line = location.file.read(location.offset, location.length);
        JournalLine.Decoded decoded = JournalLine.decode(line, 0, line.length);
        if (!decoded.key().equals(entry.getKey())) {
          throw new IOException(
              "line at byte "
                  + location.offset
                  + " of "
                  + location.file
                  + " belongs to another record");
        }
        out.write(line);
        out.write('\n');
        positions.put(entry.getKey(), new long[] {offset, line.length});
        offset += line.length + 1;
      }
      out.flush();
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return positions;
  }

  @Override
  public int size() {
    return locations.size();
  }

  /** The store's directory. */
  public Path directory() {
    return directory;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    Thread running;
    synchronized (this) {
      running = compactor;
    }
    if (running != null) {
      try {
        running.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    compactionLock.lock();
    try {
      journal.close();
    } catch (IOException e) {
      LOG.warn("closing the journal of registry store {} failed", directory, e);
    } finally {
      compactionLock.unlock();
    }
    filesLock.writeLock().lock();
    try {
      for (DataFile file : files) {
        try {
          file.close();
        } catch (IOException e) {
          LOG.debug("closing {} failed: {}", file, e.toString());
        }
      }
    } finally {
      filesLock.writeLock().unlock();
    }
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      LOG.warn("releasing the lock of registry store {} failed", directory, e);
    }
    LOG.info("closed registry store {}", directory);
  }

  private void ensureOpen() {
    if (closed) {
      throw StoreErrors.closed(FileRegistryStore.NAME);
    }
  }

  private OsspException storeFailure(String action, IOException e) {
    return new OsspException(
        ErrorKind.INTERNAL,
        "registry store " + directory + " could not " + action + ": " + e.getMessage(),
        e);
  }
}
