package dev.ossp.runtime.discovery.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append side of the store's current journal file, with group commit.
 *
 * <p>Writers append while holding {@link #lock()}, then release it and wait in {@link
 * #awaitDurable} until an fsync covers their line. In {@code ALWAYS} mode the first waiter fsyncs
 * for everyone appended so far; in {@code BATCH} mode a flusher thread fsyncs at most every {@code
 * fsync-delay}. Either way no write is acknowledged before it is on disk.
 *
 * <p>After a failed write or fsync the journal refuses every later write, because the file's tail
 * is in an unknown state; reopening the store recovers it.
 */
final class Journal implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
  private static final long CLOSE_WAIT_MILLIS = 5_000;

  private final Path directory;
  private final FileStoreOptions options;
  private final ReentrantLock appendLock = new ReentrantLock();
  private final ReentrantLock syncLock = new ReentrantLock();
  private final Condition syncedSignal = syncLock.newCondition();
  private final Condition pendingSignal = syncLock.newCondition();
  private final @Nullable Thread flusher;

  private DataFile file;
  private FileChannel writer;
  private long size;
  private volatile long appended;
  private volatile long synced;
  private volatile @Nullable IOException failure;
  private volatile boolean closed;

  Journal(Path directory, DataFile file, long size, FileStoreOptions options) throws IOException {
    this.directory = directory;
    this.options = options;
    this.file = file;
    this.size = size;
    this.writer = FileChannel.open(file.path(), StandardOpenOption.WRITE);
    if (options.fsync() == FileStoreOptions.Fsync.BATCH) {
      Thread thread = new Thread(this::flushLoop, "ossp-registry-fsync");
      thread.setDaemon(true);
      thread.start();
      this.flusher = thread;
    } else {
      this.flusher = null;
    }
  }

  /** Takes the append lock; callers check and append under it. */
  void lock() {
    appendLock.lock();
  }

  void unlock() {
    appendLock.unlock();
  }

  /** The current journal file. Read under the append lock. */
  DataFile file() {
    return file;
  }

  /** The current journal's size in bytes. */
  long size() {
    return size;
  }

  /**
   * Appends {@code line} and a newline; the caller holds {@link #lock()}.
   *
   * @return where the line is, for reading it back
   */
  Location append(byte[] line, long revision) throws IOException {
    checkUsable();
    ByteBuffer buffer = ByteBuffer.allocate(line.length + 1);
    buffer.put(line).put((byte) '\n').flip();
    long offset = size;
    try {
      long position = offset;
      while (buffer.hasRemaining()) {
        position += writer.write(buffer, position);
      }
    } catch (IOException e) {
      fail(e);
      throw e;
    }
    size += line.length + 1;
    appended++;
    return new Location(file, offset, line.length, revision);
  }

  /** The sequence number of the last append; wait for it with {@link #awaitDurable}. */
  long lastAppended() {
    return appended;
  }

  /** Returns once an fsync covers append {@code sequence}. */
  void awaitDurable(long sequence) throws IOException {
    syncLock.lock();
    try {
      if (options.fsync() == FileStoreOptions.Fsync.ALWAYS) {
        checkUsable();
        if (synced < sequence) {
          long target = appended;
          forceCurrent();
          synced = target;
        }
        return;
      }
      pendingSignal.signal();
      while (synced < sequence) {
        checkUsable();
        syncedSignal.await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for fsync", e);
    } finally {
      syncLock.unlock();
    }
  }

  /**
   * Closes the current file for writing, after an fsync, and continues in a new journal of {@code
   * generation}. The caller holds {@link #lock()}.
   *
   * @return the journal file that was current
   */
  DataFile rotate(long generation) throws IOException {
    syncLock.lock();
    try {
      checkUsable();
      forceCurrent();
      synced = appended;
      syncedSignal.signalAll();
      Path path = StoreFiles.journal(directory, generation);
      FileChannel next =
          FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      StoreFiles.syncDirectory(directory);
      writer.close();
      DataFile previous = file;
      file = DataFile.open(path, generation);
      writer = next;
      size = 0;
      return previous;
    } finally {
      syncLock.unlock();
    }
  }

  private void forceCurrent() throws IOException {
    try {
      writer.force(false);
    } catch (IOException e) {
      fail(e);
      throw e;
    }
  }

  private void flushLoop() {
    long delayNanos = options.fsyncDelay().toNanos();
    while (!closed) {
      syncLock.lock();
      try {
        while (!closed && synced == appended) {
          pendingSignal.await(1, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        return;
      } finally {
        syncLock.unlock();
      }
      if (closed) {
        return;
      }
      // Gather the writes that arrive within the delay into this fsync.
      LockSupport.parkNanos(delayNanos);
      syncLock.lock();
      try {
        if (failure == null) {
          long target = appended;
          writer.force(false);
          synced = target;
        }
      } catch (IOException e) {
        fail(e);
      } finally {
        syncedSignal.signalAll();
        syncLock.unlock();
      }
    }
  }

  private void fail(IOException e) {
    if (failure == null) {
      failure = e;
      LOG.error(
          "registry journal {} failed; the store refuses writes until it is reopened",
          file.path(),
          e);
    }
  }

  private void checkUsable() throws IOException {
    IOException failed = failure;
    if (failed != null) {
      throw new IOException("the journal failed earlier: " + failed.getMessage(), failed);
    }
    if (closed) {
      throw new IOException("the journal is closed");
    }
  }

  @Override
  public void close() throws IOException {
    appendLock.lock();
    try {
      syncLock.lock();
      try {
        if (closed) {
          return;
        }
        closed = true;
        pendingSignal.signalAll();
        syncedSignal.signalAll();
        if (failure == null) {
          writer.force(false);
          synced = appended;
        }
      } finally {
        syncLock.unlock();
      }
      writer.close();
    } finally {
      appendLock.unlock();
    }
    if (flusher != null) {
      try {
        flusher.join(CLOSE_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
