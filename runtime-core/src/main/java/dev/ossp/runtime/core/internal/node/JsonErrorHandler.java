package dev.ossp.runtime.core.internal.node;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Responds to the errors Jetty produces itself (malformed requests, oversized headers, failures
 * outside a route) with the node's one JSON error shape instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      @Nullable String message,
      @Nullable Throwable cause,
      Callback callback) {
    String requestId =
        RequestIds.from(
            response.getHeaders().get(RequestIds.HEADER) != null
                ? response.getHeaders().get(RequestIds.HEADER)
                : request.getHeaders().get(RequestIds.HEADER));
    ResponseWriter.write(
        response,
        callback,
        NodeJson.error(code, NodeJson.kindForStatus(code), messageFor(code, message), requestId),
        requestId,
        "HEAD".equals(request.getMethod()));
  }

  @Override
  public ByteBuffer badMessageError(
      int status, @Nullable String reason, HttpFields.Mutable fields) {
    String requestId = RequestIds.from(null);
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    fields.put(RequestIds.HEADER, requestId);
    byte[] body =
        NodeJson.error(
                status, NodeJson.kindForStatus(status), messageFor(status, reason), requestId)
            .body();
    return ByteBuffer.wrap(body == null ? "".getBytes(StandardCharsets.UTF_8) : body);
  }

  private static String messageFor(int code, @Nullable String message) {
    // Server-side failures keep their cause out of the response; the log has it.
    if (code >= 500 || message == null || message.isBlank()) {
      String reason = HttpStatus.getMessage(code);
      return reason == null ? "HTTP " + code : reason;
    }
    return message;
  }
}
