package dev.ossp.runtime.node;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A route's response: a status, headers and either a body or a {@link BodyWriter} that streams one
 * (for server-sent events or large exports).
 *
 * <p>Instances are immutable.
 */
public final class NodeResponse {
  private final int status;
  private final Map<String, String> headers;
  private final byte @Nullable [] body;
  private final @Nullable BodyWriter writer;

  private NodeResponse(
      int status,
      Map<String, String> headers,
      byte @Nullable [] body,
      @Nullable BodyWriter writer) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be in 100..599, was " + status);
    }
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body;
    this.writer = writer;
  }

  /** Returns a response with a JSON body. */
  public static NodeResponse json(int status, String json) {
    Objects.requireNonNull(json, "json");

    return new NodeResponse(
        status,
        Map.of("Content-Type", "application/json"),
        json.getBytes(StandardCharsets.UTF_8),
        null);
  }

  /** Returns a response with a plain-text body. */
  public static NodeResponse text(int status, String contentType, String text) {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(text, "text");

    return new NodeResponse(
        status, Map.of("Content-Type", contentType), text.getBytes(StandardCharsets.UTF_8), null);
  }

  /** Returns a response with the given bytes. */
  public static NodeResponse bytes(int status, String contentType, byte[] body) {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");

    return new NodeResponse(status, Map.of("Content-Type", contentType), body.clone(), null);
  }

  /** Returns a response without a body, such as 204. */
  public static NodeResponse empty(int status) {
    return new NodeResponse(status, Map.of(), new byte[0], null);
  }

  /**
   * Returns a response whose body {@code writer} streams; the node flushes after each write the
   * writer flushes.
   */
  public static NodeResponse stream(int status, String contentType, BodyWriter writer) {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(writer, "writer");

    return new NodeResponse(status, Map.of("Content-Type", contentType), null, writer);
  }

  /** Returns a copy with header {@code name} set to {@code value}. */
  public NodeResponse withHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");

    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new NodeResponse(status, copy, body, writer);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The headers. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The body, or null when the response streams. */
  public byte @Nullable [] body() {
    return body == null ? null : body.clone();
  }

  /** The body writer, or null when the body is fixed. */
  public @Nullable BodyWriter writer() {
    return writer;
  }

  /** Writes a streamed body. */
  @FunctionalInterface
  public interface BodyWriter {
    /** Writes the body to {@code out}; the node closes it afterwards. */
    void writeTo(OutputStream out) throws IOException;
  }
}
