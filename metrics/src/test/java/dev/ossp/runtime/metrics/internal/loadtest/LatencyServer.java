package dev.ossp.runtime.metrics.internal.loadtest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server on 127.0.0.1 with a known latency: each response is sent after {@code
 * latency}, except request number {@code stallAt} (1-based), which takes {@code stall}.
 */
final class LatencyServer implements AutoCloseable {
  static {
    // Without TCP_NODELAY, the JDK server's separate header and body writes meet the client's
    // delayed ACK and add about 40 ms to every response. The JDK reads this property once.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(16);
  private final AtomicLong requests = new AtomicLong();

  LatencyServer(Duration latency, long stallAt, Duration stall) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          long number = requests.incrementAndGet();
          try {
            // The server's service time is what the load test measures, so it sleeps on purpose.
            Thread.sleep(number == stallAt ? stall.toMillis() : latency.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  LatencyServer(Duration latency) throws IOException {
    this(latency, -1, Duration.ZERO);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  long requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
