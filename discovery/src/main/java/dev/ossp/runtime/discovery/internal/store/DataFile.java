package dev.ossp.runtime.discovery.internal.store;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A journal or snapshot file that records are read back from by position. Positional reads on one
 * channel are safe from many threads.
 */
final class DataFile implements AutoCloseable {
  private final Path path;
  private final long generation;
  private final FileChannel reader;

  private DataFile(Path path, long generation, FileChannel reader) {
    this.path = path;
    this.generation = generation;
    this.reader = reader;
  }

  static DataFile open(Path path, long generation) throws IOException {
    return new DataFile(path, generation, FileChannel.open(path, StandardOpenOption.READ));
  }

  Path path() {
    return path;
  }

  long generation() {
    return generation;
  }

  /** Reads {@code length} bytes at {@code offset}. */
  byte[] read(long offset, int length) throws IOException {
    byte[] bytes = new byte[length];
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long position = offset;
    while (buffer.hasRemaining()) {
      int read = reader.read(buffer, position);
      if (read < 0) {
        throw new EOFException("unexpected end of " + path.getFileName() + " at byte " + position);
      }
      position += read;
    }
    return bytes;
  }

  /** Closes the reader and deletes the file. */
  void delete() throws IOException {
    close();
    Files.deleteIfExists(path);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  @Override
  public String toString() {
    return path.getFileName().toString();
  }
}
