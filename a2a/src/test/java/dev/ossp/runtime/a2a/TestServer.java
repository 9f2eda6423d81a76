package dev.ossp.runtime.a2a;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A real Jetty 12 server on 127.0.0.1 and an ephemeral port, whose behavior each test sets with a
 * blocking handler. Counts requests and records each request's remote port.
 */
public final class TestServer implements AutoCloseable {
  /** Answers one request, blocking. */
  @FunctionalInterface
  public interface Behavior {
    void handle(Exchange exchange) throws Exception;
  }

  private final Server server;
  private final ServerConnector connector;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<Integer> remotePorts = new CopyOnWriteArrayList<>();
  private volatile Behavior behavior;

  private TestServer(Behavior behavior, long idleTimeoutMillis) throws Exception {
    this.behavior = behavior;
    QueuedThreadPool threads = new QueuedThreadPool(32, 4);
    threads.setDaemon(true);
    threads.setName("test-server");
    server = new Server(threads);
    connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    connector.setIdleTimeout(idleTimeoutMillis);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract(org.eclipse.jetty.util.thread.Invocable.InvocationType.BLOCKING) {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            requests.incrementAndGet();
            remotePorts.add(Request.getRemotePort(request));
            Exchange exchange = new Exchange(request, response);
            try {
              TestServer.this.behavior.handle(exchange);
              if (exchange.reset) {
                callback.failed(new IOException("connection reset by the test server"));
              } else {
                callback.succeeded();
              }
            } catch (Throwable e) {
              callback.failed(e);
            }
            return true;
          }
        });
    server.setStopTimeout(500);
    server.start();
  }

  /** Starts a server with a 30 s idle timeout. */
  public static TestServer start(Behavior behavior) throws Exception {
    return new TestServer(behavior, 30_000);
  }

  /** Starts a server that closes connections idle for {@code idleTimeoutMillis}. */
  public static TestServer start(Behavior behavior, long idleTimeoutMillis) throws Exception {
    return new TestServer(behavior, idleTimeoutMillis);
  }

  /** Replaces the behavior. */
  public void behave(Behavior behavior) {
    this.behavior = behavior;
  }

  /** Returns {@code http://127.0.0.1:<port><path>}. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** The requests handled so far. */
  public int requests() {
    return requests.get();
  }

  /** The remote ports of the requests, in order. */
  public List<Integer> remotePorts() {
    return new ArrayList<>(remotePorts);
  }

  /** The open connections now. */
  public int openConnections() {
    return connector.getConnectedEndPoints().size();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  /** One request and its response. */
  public static final class Exchange {
    private final Request request;
    private final Response response;
    private boolean reset;

    Exchange(Request request, Response response) {
      this.request = request;
      this.response = response;
    }

    public String method() {
      return request.getMethod();
    }

    public String path() {
      return request.getHttpURI().getPath();
    }

    public String query() {
      String query = request.getHttpURI().getQuery();
      return query == null ? "" : query;
    }

    public String header(String name) {
      return request.getHeaders().get(name);
    }

    public List<String> headerNames() {
      return new ArrayList<>(request.getHeaders().getFieldNamesCollection());
    }

    public String body() throws IOException {
      return Content.Source.asString(request, StandardCharsets.UTF_8);
    }

    public byte[] bodyBytes() throws IOException {
      return Content.Source.asInputStream(request).readAllBytes();
    }

    public Exchange header(String name, String value) {
      response.getHeaders().put(name, value);
      return this;
    }

    /** Adds a value to response header {@code name}, after any set before. */
    public Exchange addHeader(String name, String value) {
      response.getHeaders().add(name, value);
      return this;
    }

    public void respond(int status, String contentType, byte[] body) throws Exception {
      response.setStatus(status);
      if (contentType != null) {
        response.getHeaders().put("Content-Type", contentType);
      }
      response.getHeaders().put("Content-Length", body.length);
      try (OutputStream out = Content.Sink.asOutputStream(response)) {
        out.write(body);
      }
    }

    public void respond(int status, String json) throws Exception {
      respond(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the status and headers without a length, then returns with the body still open. */
    public OutputStream startStreaming(int status, String contentType) throws Exception {
      response.setStatus(status);
      response.getHeaders().put("Content-Type", contentType);
      Callback.Completable committed = new Callback.Completable();
      response.write(false, BufferUtil.EMPTY_BUFFER, committed);
      committed.get();
      return Content.Sink.asOutputStream(response);
    }

    /** Writes {@code bytes} as one chunk and waits until it is sent. */
    public void writeChunk(byte[] bytes) throws Exception {
      Callback.Completable written = new Callback.Completable();
      response.write(false, ByteBuffer.wrap(bytes), written);
      written.get();
    }

    /** Ends a streamed body. */
    public void endStream() throws Exception {
      Callback.Completable written = new Callback.Completable();
      response.write(true, BufferUtil.EMPTY_BUFFER, written);
      written.get();
    }

    /** Closes the connection at once, without an answer. */
    public void resetConnection() {
      reset = true;
      request.getConnectionMetaData().getConnection().getEndPoint().close();
    }
  }
}
