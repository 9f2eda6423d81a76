package dev.ossp.runtime.a2a.internal.http;

import dev.ossp.runtime.a2a.HttpMethod;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP exchange as the transport sends it: the final URL, method, headers and body, and the
 * timeouts of this attempt.
 *
 * @param uri the absolute URL, without credentials
 * @param method the method
 * @param headers the headers, in order, names as sent
 * @param body the body, or null
 * @param contentType the body's media type, or null
 * @param compress whether the body is sent gzip-compressed
 * @param connectTimeout the connect timeout
 * @param responseTimeout the longest wait for the next bytes of the response
 * @param leaseTimeout the longest wait for a pooled connection
 * @param deadlineNanos the {@link System#nanoTime()} at which the exchange is aborted
 */
public record ExchangeSpec(
    URI uri,
    HttpMethod method,
    List<Map.Entry<String, String>> headers,
    byte @Nullable [] body,
    @Nullable String contentType,
    boolean compress,
    Duration connectTimeout,
    Duration responseTimeout,
    Duration leaseTimeout,
    long deadlineNanos) {
  /** Checks the parts. */
  public ExchangeSpec {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(method, "method");
    headers = List.copyOf(headers);
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(responseTimeout, "responseTimeout");
    Objects.requireNonNull(leaseTimeout, "leaseTimeout");
  }
}
