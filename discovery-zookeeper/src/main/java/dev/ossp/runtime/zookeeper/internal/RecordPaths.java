package dev.ossp.runtime.zookeeper.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where records live in ZooKeeper. Under the namespace, {@code records/<bucket>/<name>} holds one
 * record, where the bucket is two hex digits of the key's {@link String#hashCode()} (stable, as the
 * Java language specification defines it) and the name is the key, percent-encoded where ZooKeeper
 * forbids a character or a name. Buckets keep each parent's child list small, because ZooKeeper
 * returns a node's whole child list in one reply, bounded by its 1 MiB {@code jute.maxbuffer}.
 * {@code sync} is the node the store writes before a full read, so the read has a revision.
 *
 * <p>This class is immutable and thread-safe.
 */
final class RecordPaths {
  /** The number of buckets. */
  static final int BUCKETS = 256;

  private final String namespace;
  private final String records;
  private final String marker;

  RecordPaths(String namespace) {
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.records = namespace + "/records";
    this.marker = namespace + "/sync";
  }

  /** The namespace root. */
  String namespace() {
    return namespace;
  }

  /** The parent of the buckets. */
  String records() {
    return records;
  }

  /** The node written before a full read. */
  String marker() {
    return marker;
  }

  /** Returns the bucket path of {@code key}. */
  String bucket(String key) {
    return records + "/" + String.format("%02x", Math.floorMod(key.hashCode(), BUCKETS));
  }

  /** Returns the path of the record for {@code key}. */
  String record(String key) {
    return bucket(key) + "/" + encode(key);
  }

  /**
   * Returns the key of a record path, or null when {@code path} is the records root, a bucket, or
   * outside the records.
   */
  @Nullable String keyOf(String path) {
    if (!path.startsWith(records + "/")) {
      return null;
    }
    String rest = path.substring(records.length() + 1);
    int slash = rest.indexOf('/');
    if (slash < 0 || rest.indexOf('/', slash + 1) >= 0) {
      return null;
    }
    return decode(rest.substring(slash + 1));
  }

  /**
   * Percent-encodes the UTF-8 bytes of {@code key} outside {@code [A-Za-z0-9:@._~+=,-]}, and every
   * dot of a key made only of dots, because ZooKeeper rejects the names {@code .} and {@code ..}.
   * URNs such as {@code urn:agent:ai:echo@1.0.0} stay readable.
   */
  static String encode(String key) {
    boolean onlyDots = !key.isEmpty() && key.chars().allMatch(c -> c == '.');
    StringBuilder name = new StringBuilder(key.length() + 8);
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isPlain(c) && !(onlyDots && c == '.')) {
        name.append((char) c);
      } else {
        name.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        name.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return name.toString();
  }

  /**
   * Decodes a node name made by {@link #encode(String)}.
   *
   * @throws IllegalArgumentException if an escape is cut short or not hexadecimal
   */
  static String decode(String name) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '%') {
        bytes.write(c);
        continue;
      }
      if (i + 2 >= name.length()) {
        throw new IllegalArgumentException("node name '" + name + "' ends inside an escape");
      }
      int high = Character.digit(name.charAt(i + 1), 16);
      int low = Character.digit(name.charAt(i + 2), 16);
      if (high < 0 || low < 0) {
        throw new IllegalArgumentException(
            "node name '" + name + "' has an invalid escape at character " + i);
      }
      bytes.write(high << 4 | low);
      i += 2;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isPlain(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == ':'
        || c == '@'
        || c == '.'
        || c == '_'
        || c == '~'
        || c == '+'
        || c == '='
        || c == ','
        || c == '-';
  }
}
