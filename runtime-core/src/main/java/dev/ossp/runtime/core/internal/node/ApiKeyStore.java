package dev.ossp.runtime.core.internal.node;

import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.core.CoreConfigKeys;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the node's API key: {@code node.api-key} when set, else the file {@code
 * <data-dir>/api-key}, else a new key of 32 random bytes (base64url, no padding) written to that
 * file. The file is written atomically (a temporary file moved into place) and readable and
 * writable by its owner only. The key's value is never logged.
 */
public final class ApiKeyStore {
  /** The file name of the stored key inside the data directory. */
  public static final String FILE_NAME = "api-key";

  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyStore.class);
  private static final int KEY_BYTES = 32;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private ApiKeyStore() {}

  /**
   * Returns the node's API key, generating and storing one when none exists.
   *
   * @throws OsspException of kind internal if the key file cannot be read or written
   */
  public static ApiKey resolve(RuntimeConfig config, Path dataDirectory) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(dataDirectory, "dataDirectory");

    if (config.isSet(CoreConfigKeys.NODE_API_KEY)) {
      LOG.debug("node API key set by {}", CoreConfigKeys.NODE_API_KEY.name());
      return ApiKey.of(config.get(CoreConfigKeys.NODE_API_KEY).strip(), null);
    }
    Path file = dataDirectory.resolve(FILE_NAME).toAbsolutePath();
    try {
      if (Files.exists(file)) {
        return read(file);
      }
      return generate(file);
    } catch (IOException e) {
      throw new OsspException(
          ErrorKind.INTERNAL,
          "cannot read or write the node API key file "
              + file
              + ": "
              + e
              + "; fix the file's permissions or set node.api-key",
          e);
    }
  }

  private static ApiKey read(Path file) throws IOException {
    String key = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (key.isEmpty()) {
      throw new OsspException(
          ErrorKind.INTERNAL,
          "node API key file " + file + " is empty; delete it to generate a new key");
    }
    if (isPosix()) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.containsAll(permissions)) {
        LOG.warn(
            "node API key file {} is accessible to other users ({}); run chmod 600 on it",
            file,
            PosixFilePermissions.toString(permissions));
      }
    }
    LOG.info("node API key read from {}", file);
    return ApiKey.of(key, file);
  }

  private static ApiKey generate(Path file) throws IOException {
    byte[] random = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(random);
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);

    Path directory = Files.createDirectories(file.getParent());
    Path temporary;
    if (isPosix()) {
      temporary =
          Files.createTempFile(
              directory, ".api-key-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } else {
      // NOTE: without POSIX permissions the file gets the directory's default access rights.
      temporary = Files.createTempFile(directory, ".api-key-", ".tmp");
    }
    try {
      Files.writeString(temporary, key + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
    LOG.info("generated a node API key and stored it in {} (owner read and write only)", file);
    return ApiKey.of(key, file);
  }

  private static boolean isPosix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
