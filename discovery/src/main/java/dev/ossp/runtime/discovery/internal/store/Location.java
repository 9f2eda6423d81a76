package dev.ossp.runtime.discovery.internal.store;

/**
 * Where the current line of a record is: the file, the line's byte range without its newline, and
 * the record's revision. Compared by identity, so compaction can swap a location only if no write
 * replaced it meanwhile.
 */
final class Location {
  final DataFile file;
  final long offset;
  final int length;
  final long revision;

  Location(DataFile file, long offset, int length, long revision) {
    this.file = file;
    this.offset = offset;
    this.length = length;
    this.revision = revision;
  }
}
