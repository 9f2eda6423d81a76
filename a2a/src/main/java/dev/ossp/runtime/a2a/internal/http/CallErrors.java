package dev.ossp.runtime.a2a.internal.http;

import dev.ossp.runtime.a2a.AgentHttpClient;
import dev.ossp.runtime.a2a.AgentHttpException;
import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.resilience.RetryAfter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * Turns transport failures and error statuses into typed errors, and decides from the method's
 * idempotency whether each may be retried. Classification uses exception types and statuses, never
 * message text.
 */
final class CallErrors {
  private CallErrors() {}

  /** Returns whether {@code error} proves the request never reached the server. */
  static boolean neverSent(IOException error) {
    return error instanceof ConnectException
        || error instanceof HttpHostConnectException
        || error instanceof ConnectTimeoutException
        || error instanceof NoRouteToHostException
        || error instanceof UnknownHostException
        || error instanceof ConnectionRequestTimeoutException;
  }

  /** Returns whether {@code error} happened while connecting, so another endpoint may work. */
  static boolean connectFailure(IOException error) {
    return !(error instanceof RefusedAddressException)
        && !(error instanceof ConnectionRequestTimeoutException)
        && neverSent(error);
  }

  /** Maps a transport failure of attempt {@code attempt}. */
  static OsspException transport(
      IOException error,
      String target,
      String requestId,
      int attempt,
      boolean idempotent,
      boolean deadlinePassed,
      Duration deadline) {
    ErrorContext.Builder context =
        ErrorContext.builder().target(target).requestId(requestId).attempts(attempt);
    if (error instanceof RefusedAddressException) {
      context.detail(AgentHttpClient.DETAIL_OUTCOME, AgentHttpClient.OUTCOME_NOT_SENT);
      return new OsspException(
          ErrorKind.VALIDATION, error.getMessage(), error, context.build(), false);
    }
    boolean notSent = neverSent(error);
    context.detail(
        AgentHttpClient.DETAIL_OUTCOME,
        notSent ? AgentHttpClient.OUTCOME_NOT_SENT : AgentHttpClient.OUTCOME_UNKNOWN);
    String unknown =
        notSent || idempotent
            ? ""
            : "; the request may have reached the server, so it was not sent again (outcome"
                + " unknown)";
    if (deadlinePassed) {
      return new OsspException(
          ErrorKind.TIMEOUT,
          "call to " + target + " exceeded its deadline of " + millis(deadline) + unknown,
          error,
          context.build(),
          false);
    }
    if (error instanceof ConnectionRequestTimeoutException) {
      return new OsspException(
          ErrorKind.TIMEOUT,
          "no pooled connection to " + target + " became free within the lease timeout",
          error,
          context.build(),
          true);
    }
    if (error instanceof ConnectTimeoutException) {
      return new OsspException(
          ErrorKind.TIMEOUT,
          "connecting to " + target + " timed out",
          error,
          context.build(),
          true);
    }
    if (error instanceof SocketTimeoutException
        || (error instanceof InterruptedIOException && !Thread.currentThread().isInterrupted())) {
      return new OsspException(
          ErrorKind.TIMEOUT,
          "no response from " + target + " within the response timeout" + unknown,
          error,
          context.build(),
          idempotent);
    }
    String what = notSent ? "could not connect to " : "connection to ";
    String how = notSent ? "" : " failed";
    return new OsspException(
        ErrorKind.NETWORK,
        what + target + how + ": " + error.getClass().getSimpleName() + unknown,
        error,
        context.build(),
        notSent || idempotent);
  }

  /** Maps a non-2xx status of attempt {@code attempt}. */
  static AgentHttpException status(
      int status,
      Optional<String> retryAfterHeader,
      byte[] bodyPrefix,
      String target,
      String requestId,
      int attempt,
      boolean idempotent,
      Instant now) {
    Optional<Duration> retryAfter = retryAfterHeader.flatMap(value -> RetryAfter.parse(value, now));
    ErrorContext.Builder context =
        ErrorContext.builder()
            .target(target)
            .requestId(requestId)
            .attempts(attempt)
            .httpStatus(status);
    retryAfter.ifPresent(context::retryAfter);
    boolean retryable =
        idempotent
            ? status == 429 || status == 502 || status == 503 || status == 504
            : (status == 429 || status == 503) && retryAfter.isPresent();
    if (status >= 500 && !idempotent && !retryable) {
      context.detail(AgentHttpClient.DETAIL_OUTCOME, AgentHttpClient.OUTCOME_UNKNOWN);
    }
    ErrorKind kind = AgentHttpException.kindOf(status);
    String message = target + " answered HTTP " + status + describe(kind);
    return new AgentHttpException(
        kind,
        message,
        context.build(),
        retryable,
        status,
        new String(bodyPrefix, StandardCharsets.UTF_8));
  }

  private static String describe(ErrorKind kind) {
    return switch (kind) {
      case VALIDATION -> " (the request was rejected as invalid)";
      case AUTH -> " (credentials missing, wrong or insufficient)";
      case NOT_FOUND -> " (not found)";
      case CONFLICT -> " (conflict with the current state)";
      case RATE_LIMITED -> " (rate limited)";
      case SERVER -> " (server error)";
      case PROTOCOL -> " (redirects are not followed; call the new location)";
      default -> "";
    };
  }

  /** Returns the error for a call whose thread was interrupted. */
  static OsspException cancelled(String target, String requestId, int attempt, Throwable cause) {
    return new OsspException(
        ErrorKind.CANCELLED,
        "call to " + target + " was interrupted",
        cause,
        ErrorContext.builder().target(target).requestId(requestId).attempts(attempt).build(),
        false);
  }

  /** Returns the error for a call whose deadline passed before another attempt could start. */
  static OsspException deadline(String target, String requestId, int attempts, Duration deadline) {
    return new OsspException(
        ErrorKind.TIMEOUT,
        "call to " + target + " exceeded its deadline of " + millis(deadline),
        null,
        ErrorContext.builder().target(target).requestId(requestId).attempts(attempts).build(),
        false);
  }

  private static String millis(Duration duration) {
    return duration.toMillis() + " ms";
  }
}
