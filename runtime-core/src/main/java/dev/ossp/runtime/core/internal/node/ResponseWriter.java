package dev.ossp.runtime.core.internal.node;

import dev.ossp.runtime.node.NodeResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link NodeResponse} to Jetty. Fixed bodies get a {@code Content-Length}; streamed
 * bodies go through a buffer in front of Jetty's output stream, and each flush of the route's
 * writer sends what is buffered. A HEAD request gets the headers without a body.
 */
final class ResponseWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseWriter.class);
  private static final int STREAM_BUFFER_BYTES = 8192;

  private ResponseWriter() {}

  /** Writes {@code reply} and completes {@code callback}. */
  static void write(
      Response response, Callback callback, NodeResponse reply, String requestId, boolean head) {
    response.setStatus(reply.status());
    HttpFields.Mutable headers = response.getHeaders();
    reply.headers().forEach(headers::put);
    headers.put(RequestIds.HEADER, requestId);

    NodeResponse.BodyWriter writer = reply.writer();
    if (writer == null) {
      byte[] body = reply.body();
      int length = body == null ? 0 : body.length;
      if (allowsBody(reply.status())) {
        headers.put(HttpHeader.CONTENT_LENGTH, length);
      }
      if (head || length == 0) {
        callback.succeeded();
      } else {
        response.write(true, ByteBuffer.wrap(body), callback);
      }
      return;
    }
    if (head) {
      callback.succeeded();
      return;
    }
    stream(response, callback, writer, requestId);
  }

  private static void stream(
      Response response, Callback callback, NodeResponse.BodyWriter writer, String requestId) {
    try {
      OutputStream out =
          new BufferedOutputStream(Content.Sink.asOutputStream(response), STREAM_BUFFER_BYTES);
      writer.writeTo(out);
      out.close();
      callback.succeeded();
    } catch (IOException | RuntimeException e) {
      if (!response.isCommitted()) {
        LOG.error(
            "streaming the response of request {} failed before any byte was sent", requestId, e);
        response.reset();
        write(
            response,
            callback,
            NodeJson.error(500, "internal", internalErrorMessage(requestId), requestId),
            requestId,
            false);
      } else {
        LOG.warn("streaming the response of request {} failed midway; aborting it", requestId, e);
        callback.failed(e);
      }
    }
  }

  /** Returns the message of a 500 response, which hides the cause and points to the log. */
  static String internalErrorMessage(String requestId) {
    return "internal error; the node log has the details under request id " + requestId;
  }

  private static boolean allowsBody(int status) {
    return status >= 200 && status != 204 && status != 304;
  }
}
