package dev.ossp.runtime.core.internal.node;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The node's API key, kept only as a SHA-256 digest. A presented key is digested and compared with
 * {@link MessageDigest#isEqual}, so the time a comparison takes depends on neither the key's
 * content nor its length. Immutable and thread-safe; {@link #toString()} never shows the key.
 */
public final class ApiKey {
  private static final String BEARER = "bearer ";

  private final byte[] digest;
  private final @Nullable Path file;

  private ApiKey(byte[] digest, @Nullable Path file) {
    this.digest = digest;
    this.file = file;
  }

  /**
   * Returns the key {@code key}.
   *
   * @param file the file the key was read from or written to, or null when configured
   */
  public static ApiKey of(String key, @Nullable Path file) {
    Objects.requireNonNull(key, "key");

    return new ApiKey(sha256(key), file);
  }

  /** The file that stores the key; empty when {@code node.api-key} set it. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /**
   * Returns whether the request presents this key as {@code Authorization: Bearer <key>} or {@code
   * X-API-Key: <key>}.
   */
  public boolean accepts(@Nullable String authorization, @Nullable String apiKeyHeader) {
    if (authorization != null
        && authorization.length() > BEARER.length()
        && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)
        && matches(authorization.substring(BEARER.length()).strip())) {
      return true;
    }
    return apiKeyHeader != null && matches(apiKeyHeader.strip());
  }

  private boolean matches(String presented) {
    return MessageDigest.isEqual(digest, sha256(presented));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "ApiKey[****" + (file == null ? "" : ", file=" + file) + "]";
  }
}
