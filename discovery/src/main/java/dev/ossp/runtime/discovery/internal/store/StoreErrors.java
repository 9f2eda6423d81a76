package dev.ossp.runtime.discovery.internal.store;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;

/** The errors stores raise, with the key as the error's target. */
final class StoreErrors {
  private StoreErrors() {}

  static OsspException exists(String key, long revision) {
    return new OsspException(
        ErrorKind.CONFLICT,
        "record '" + key + "' already exists at revision " + revision,
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

  static IllegalStateException closed(String store) {
    return new IllegalStateException("the " + store + " registry store is closed");
  }
}
