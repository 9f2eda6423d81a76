package dev.ossp.runtime.a2a;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful (2xx) answer of an agent, with the body read in full and already decoded from gzip
 * or deflate; the headers describe the decoded body, so {@code Content-Encoding} and {@code
 * Content-Length} of the encoded form are absent.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AgentResponse {
  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final URI uri;
  private final int attempts;
  private final Duration elapsed;
  private final boolean fromCache;
  private final String requestId;

  /**
   * Creates a response.
   *
   * @param status the HTTP status, 100..599
   * @param headers header values by name, in the order received; names are matched ignoring case
   * @param body the decoded body, empty when there is none
   * @param uri the URL that answered, without credentials
   * @param attempts the attempts made, at least 1 (also for an answer from the cache)
   * @param elapsed the time from the call to the answer, retries included
   * @param fromCache whether the answer came from the response cache (also after a 304)
   * @param requestId the {@code X-Request-Id} sent
   */
  public AgentResponse(
      int status,
      Map<String, List<String>> headers,
      byte[] body,
      URI uri,
      int attempts,
      Duration elapsed,
      boolean fromCache,
      String requestId) {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(requestId, "requestId");
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be in 100..599, was " + status);
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.status = status;
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body.clone();
    this.uri = uri;
    this.attempts = attempts;
    this.elapsed = elapsed;
    this.fromCache = fromCache;
    this.requestId = requestId;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** Every header, by name as received. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** Returns the first value of header {@code name}, ignoring case. */
  public Optional<String> header(String name) {
    List<String> values = headerValues(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Returns every value of header {@code name}, ignoring case. */
  public List<String> headerValues(String name) {
    Objects.requireNonNull(name, "name");

    List<String> values = new ArrayList<>();
    headers.forEach(
        (key, list) -> {
          if (key.equalsIgnoreCase(name)) {
            values.addAll(list);
          }
        });
    return values;
  }

  /** The decoded body. */
  public byte[] body() {
    return body.clone();
  }

  /** The body's length in bytes. */
  public int bodyLength() {
    return body.length;
  }

  /** The body decoded as UTF-8. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The URL that answered. */
  public URI uri() {
    return uri;
  }

  /** The attempts made, the first included. */
  public int attempts() {
    return attempts;
  }

  /** The time from the call to the answer, retries and waits included. */
  public Duration elapsed() {
    return elapsed;
  }

  /** Whether the answer came from the response cache. */
  public boolean fromCache() {
    return fromCache;
  }

  /** The {@code X-Request-Id} sent with the call. */
  public String requestId() {
    return requestId;
  }

  @Override
  public String toString() {
    return "AgentResponse["
        + status
        + " from "
        + uri
        + ", "
        + body.length
        + " bytes, attempts="
        + attempts
        + (fromCache ? ", cached" : "")
        + "]";
  }
}
