package dev.ossp.runtime.a2a.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.jspecify.annotations.Nullable;

/**
 * A response whose body is still on the wire. The caller reads the body (bounded) or streams it,
 * then closes the exchange: a body read to its end returns the connection to the pool; anything
 * else (an error, a partial read, a stream closed early) aborts the exchange, so the connection is
 * closed instead of drained and the pool never keeps a lease. Closing twice does nothing.
 *
 * <p>{@link #close()} and {@link #abort()} may be called from any thread; reading is for one
 * thread.
 */
public final class OpenExchange implements AutoCloseable {
  private static final int UNKNOWN_LENGTH_INITIAL_BYTES = 1024;
  private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

  private final HttpUriRequestBase request;
  private final ClassicHttpResponse response;
  private final URI uri;
  private final DeadlineTimer.@Nullable Deadline deadline;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean consumed;

  OpenExchange(
      HttpUriRequestBase request,
      ClassicHttpResponse response,
      URI uri,
      DeadlineTimer.@Nullable Deadline deadline) {
    this.request = request;
    this.response = response;
    this.uri = uri;
    this.deadline = deadline;
    this.consumed = response.getEntity() == null;
  }

  /** The HTTP status. */
  public int status() {
    return response.getCode();
  }

  /** The URL the request went to. */
  public URI uri() {
    return uri;
  }

  /**
   * The headers, by name as received, values in order. When HttpClient decoded the body (gzip,
   * x-gzip or deflate), {@code Content-Encoding}, {@code Content-Length} and {@code Content-MD5} of
   * the encoded form are left out, so the headers describe the decoded body. The value lists are
   * immutable, so {@code AgentResponse} keeps them without copying.
   */
  public Map<String, List<String>> headers() {
    boolean decoded = decodedEncoding();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    boolean repeated = false;
    for (Header header : response.getHeaders()) {
      String name = header.getName();
      if (decoded
          && (name.equalsIgnoreCase("Content-Encoding")
              || name.equalsIgnoreCase("Content-Length")
              || name.equalsIgnoreCase("Content-MD5"))) {
        continue;
      }
      List<String> values = headers.get(name);
      if (values == null) {
        headers.put(name, List.of(header.getValue()));
      } else if (values instanceof ArrayList<String> list) {
        list.add(header.getValue());
      } else {
        List<String> list = new ArrayList<>(values);
        list.add(header.getValue());
        headers.put(name, list);
        repeated = true;
      }
    }
    if (repeated) {
      headers.replaceAll((name, values) -> List.copyOf(values));
    }
    return headers;
  }

  private boolean decodedEncoding() {
    Header encoding = response.getFirstHeader("Content-Encoding");
    if (encoding == null) {
      return false;
    }
    String value = encoding.getValue().strip().toLowerCase(java.util.Locale.ROOT);
    return value.equals("gzip") || value.equals("x-gzip") || value.equals("deflate");
  }

  /** Returns the first value of header {@code name}, ignoring case. */
  public Optional<String> header(String name) {
    Header header = response.getFirstHeader(name);
    return header == null ? Optional.empty() : Optional.of(header.getValue());
  }

  /**
   * Reads the decoded body up to {@code maxBytes}. The buffer starts at the declared {@code
   * Content-Length}, so a body of known length is read into one array of its size.
   *
   * @return the body, empty when the response has none
   * @throws BodyTooLargeException when the body or its declared length is longer, after aborting
   *     the exchange
   * @throws IOException when reading fails or times out
   * @throws IllegalArgumentException when {@code maxBytes} is negative or does not fit in an array
   */
  public byte[] readBody(long maxBytes) throws IOException {
    if (maxBytes < 0 || maxBytes >= MAX_ARRAY_LENGTH) {
      throw new IllegalArgumentException(
          "maxBytes must be in 0.." + (MAX_ARRAY_LENGTH - 1) + ", was " + maxBytes);
    }

    HttpEntity entity = response.getEntity();
    if (entity == null) {
      return new byte[0];
    }
    long declaredLength = entity.getContentLength();
    if (declaredLength > maxBytes) {
      abort();
      throw new BodyTooLargeException(maxBytes);
    }
    try (InputStream in = entity.getContent()) {
      if (in == null) {
        consumed = true;
        return new byte[0];
      }
      byte[] body = readAll(in, declaredLength, maxBytes);
      consumed = true;
      return body;
    } catch (IOException e) {
      if (!consumed) {
        abort();
      }
      throw e;
    }
  }

  /** Reads {@code in} to its end, or aborts and throws once more than {@code maxBytes} arrive. */
  private byte[] readAll(InputStream in, long declaredLength, long maxBytes) throws IOException {
    // One byte over the maximum is enough to tell that the body is too large.
    long limit = maxBytes + 1;
    byte[] buffer =
        new byte
            [(int)
                Math.min(
                    declaredLength >= 0 ? declaredLength : UNKNOWN_LENGTH_INITIAL_BYTES, limit)];
    int length = 0;
    while (true) {
      if (length == buffer.length) {
        // Probe for the end before growing, so a body of the declared length needs no copy.
        int next = in.read();
        if (next < 0) {
          return buffer;
        }
        if (length + 1L > maxBytes) {
          abort();
          throw new BodyTooLargeException(maxBytes);
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min(Math.max(2L * buffer.length, 64), limit));
        buffer[length++] = (byte) next;
        continue;
      }
      int read = in.read(buffer, length, buffer.length - length);
      if (read < 0) {
        return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
      }
      length += read;
      if (length > maxBytes) {
        abort();
        throw new BodyTooLargeException(maxBytes);
      }
    }
  }

  /**
   * Reads at most {@code maxBytes} of the body for an error message and leaves the rest unread;
   * when more remains, the exchange is aborted on close instead of draining it.
   */
  public byte[] readPrefix(int maxBytes) throws IOException {
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      return new byte[0];
    }
    InputStream in = entity.getContent();
    if (in == null) {
      consumed = true;
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[Math.min(8192, maxBytes + 1)];
    int total = 0;
    while (total <= maxBytes) {
      int read = in.read(buffer, 0, Math.min(buffer.length, maxBytes + 1 - total));
      if (read < 0) {
        consumed = true;
        return out.toByteArray();
      }
      out.write(buffer, 0, read);
      total += read;
    }
    byte[] prefix = out.toByteArray();
    return Arrays.copyOf(prefix, maxBytes);
  }

  /** The decoded body as a stream, for server-sent events; null when there is no body. */
  public @Nullable InputStream stream() throws IOException {
    HttpEntity entity = response.getEntity();
    return entity == null ? null : entity.getContent();
  }

  /** Marks the body as read to its end, so closing returns the connection to the pool. */
  public void markConsumed() {
    consumed = true;
  }

  /** Aborts the exchange: the connection is closed, never reused. */
  public void abort() {
    request.cancel();
  }

  /** Releases the connection: to the pool after a full read, else by aborting the exchange. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (deadline != null) {
      deadline.cancel();
    }
    if (!consumed) {
      request.cancel();
    }
    try {
      response.close();
    } catch (IOException e) {
      // The connection is discarded either way; nothing more to release.
      request.cancel();
    }
  }

  /** The body exceeded the configured maximum. */
  public static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long maxBytes) {
      super("response body exceeds the maximum of " + maxBytes + " bytes (a2a.max-response-size)");
    }
  }
}
