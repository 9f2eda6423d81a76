package dev.ossp.runtime.a2a;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A file part: inline bytes or a URI where the file can be fetched, exactly one of them.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FilePart implements Part {
  private final @Nullable String name;
  private final @Nullable String mediaType;
  private final byte @Nullable [] bytes;
  private final @Nullable URI uri;
  private final Map<String, Object> metadata;

  private FilePart(
      @Nullable String name,
      @Nullable String mediaType,
      byte @Nullable [] bytes,
      @Nullable URI uri,
      Map<String, ?> metadata) {
    if ((bytes == null) == (uri == null)) {
      throw new IllegalArgumentException("a file part has exactly one of bytes or a uri");
    }
    this.name = name;
    this.mediaType = mediaType;
    this.bytes = bytes == null ? null : bytes.clone();
    this.uri = uri;
    this.metadata = JsonValues.copyObject(metadata, "metadata");
  }

  /** Returns a file part with inline bytes. */
  public static FilePart ofBytes(
      @Nullable String name, @Nullable String mediaType, byte[] bytes, Map<String, ?> metadata) {
    Objects.requireNonNull(bytes, "bytes");

    return new FilePart(name, mediaType, bytes, null, metadata);
  }

  /** Returns a file part that points to {@code uri}. */
  public static FilePart ofUri(
      @Nullable String name, @Nullable String mediaType, URI uri, Map<String, ?> metadata) {
    Objects.requireNonNull(uri, "uri");

    return new FilePart(name, mediaType, null, uri, metadata);
  }

  /** The file name. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The media type, such as {@code image/png}. */
  public Optional<String> mediaType() {
    return Optional.ofNullable(mediaType);
  }

  /** The inline content. */
  public Optional<byte[]> bytes() {
    return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
  }

  /** Where the file can be fetched. */
  public Optional<URI> uri() {
    return Optional.ofNullable(uri);
  }

  @Override
  public Map<String, Object> metadata() {
    return metadata;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FilePart that
        && Objects.equals(name, that.name)
        && Objects.equals(mediaType, that.mediaType)
        && Arrays.equals(bytes, that.bytes)
        && Objects.equals(uri, that.uri)
        && metadata.equals(that.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, mediaType, Arrays.hashCode(bytes), uri, metadata);
  }

  @Override
  public String toString() {
    return "FilePart[name="
        + name
        + ", mediaType="
        + mediaType
        + (bytes != null ? ", " + bytes.length + " bytes" : ", uri=" + uri)
        + "]";
  }
}
