package dev.ossp.runtime.discovery;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.urn.AgentUrn;
import java.util.Objects;

/**
 * A compare-and-set update named a revision that is no longer current: someone else changed the
 * record first. Read the record again and retry with its revision. The registry's HTTP API answers
 * 412 Precondition Failed.
 */
public class RevisionConflictException extends OsspException {
  private static final long serialVersionUID = 1L;

  private final long expectedRevision;
  private final long actualRevision;

  /** Creates the error for {@code urn}. */
  public RevisionConflictException(AgentUrn urn, long expectedRevision, long actualRevision) {
    super(
        ErrorKind.CONFLICT,
        "agent '"
            + Objects.requireNonNull(urn, "urn")
            + "' is at revision "
            + actualRevision
            + ", not "
            + expectedRevision
            + "; read it again and retry with the current revision",
        null,
        ErrorContext.builder()
            .target(urn.toString())
            .detail("expectedRevision", Long.toString(expectedRevision))
            .detail("actualRevision", Long.toString(actualRevision))
            .build());
    this.expectedRevision = expectedRevision;
    this.actualRevision = actualRevision;
  }

  /** The revision the caller expected. */
  public long expectedRevision() {
    return expectedRevision;
  }

  /** The record's current revision. */
  public long actualRevision() {
    return actualRevision;
  }
}
