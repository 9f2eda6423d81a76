package dev.ossp.runtime.zookeeper.internal;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import org.apache.zookeeper.KeeperException;

/** The errors the zookeeper store raises, with the record key as the error's target. */
final class StoreErrors {
  private StoreErrors() {}

  static OsspException exists(String key, long revision) {
    return new OsspException(
        ErrorKind.CONFLICT,
        revision < 1
            ? "record '" + key + "' already exists"
            : "record '" + key + "' already exists at revision " + revision,
        null,
        ErrorContext.builder().target(key).build());
  }

  static OsspException staleRevision(String key, long expected, long actual) {
    return new OsspException(
        ErrorKind.CONFLICT,
        "record '" + key + "' is at revision " + actual + ", not " + expected,
        null,
        ErrorContext.builder()
            .target(key)
            .detail("expectedRevision", Long.toString(expected))
            .detail("actualRevision", Long.toString(actual))
            .build());
  }

  static OsspException missing(String key) {
    return new OsspException(
        ErrorKind.NOT_FOUND,
        "record '" + key + "' does not exist",
        null,
        ErrorContext.builder().target(key).build());
  }

  /** A write rejected before it was sent, because the store has no connection. */
  static OsspException disconnected(String action, String key, String connectString) {
    return new OsspException(
        ErrorKind.NETWORK,
        "could not "
            + action
            + " record '"
            + key
            + "': the zookeeper registry store is not connected to "
            + connectString
            + "; nothing was written, retry once it reconnects",
        null,
        ErrorContext.builder().target(key).build());
  }

  /** A call that failed after its retries, so a write may or may not have been applied. */
  static OsspException failed(String action, String key, String connectString, Exception cause) {
    if (cause instanceof KeeperException.NoAuthException) {
      return new OsspException(
          ErrorKind.AUTH,
          "ZooKeeper at "
              + connectString
              + " denied the request to "
              + action
              + " record '"
              + key
              + "'; check discovery.store.zookeeper.auth-digest-file and the ACLs of the namespace",
          cause,
          ErrorContext.builder().target(key).build());
    }
    boolean connection =
        cause instanceof KeeperException.ConnectionLossException
            || cause instanceof KeeperException.SessionExpiredException
            || cause instanceof KeeperException.OperationTimeoutException;
    return new OsspException(
        connection ? ErrorKind.NETWORK : ErrorKind.INTERNAL,
        "could not "
            + action
            + " record '"
            + key
            + "' in ZooKeeper at "
            + connectString
            + ": "
            + cause.getMessage()
            + (connection
                ? "; a write may or may not have been applied, so read the record before retrying"
                : ""),
        cause,
        ErrorContext.builder().target(key).build());
  }

  static IllegalStateException closed() {
    return new IllegalStateException("the zookeeper registry store is closed");
  }
}
