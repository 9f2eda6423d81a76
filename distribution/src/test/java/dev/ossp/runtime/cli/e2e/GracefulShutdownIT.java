package dev.ossp.runtime.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Ctrl-C (SIGINT) on {@code serve} while clients keep sending requests. */
class GracefulShutdownIT {
  private static final int CLIENTS = 8;
  private static final Duration LOAD_LIMIT = Duration.ofSeconds(20);

  @Test
  void sigintWithRequestsInFlightExitsZero() throws Exception {
    try (Installation installation = Installation.unpack();
        Node node = Node.serve(installation)) {
      // given: clients that send requests until the node stops answering
      AtomicInteger succeeded = new AtomicInteger();
      AtomicInteger unavailable = new AtomicInteger();
      AtomicInteger unexpected = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      Instant deadline = Instant.now().plus(LOAD_LIMIT);
      Future<?>[] running = new Future<?>[CLIENTS];
      for (int i = 0; i < CLIENTS; i++) {
        running[i] =
            clients.submit(
                () -> {
                  while (Instant.now().isBefore(deadline)) {
                    try {
                      HttpResponse<String> response = node.get("/diagnostics");
                      int status = response.statusCode();
                      if (status == 200) {
                        succeeded.incrementAndGet();
                      } else if (status == 503) {
                        // A draining node answers new requests on open connections with 503.
                        unavailable.incrementAndGet();
                      } else {
                        unexpected.incrementAndGet();
                      }
                    } catch (IOException e) {
                      return; // the node closed its port: stop sending
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                  }
                });
      }
      while (succeeded.get() < 50 && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
      }

      // when
      node.process().signal("INT");
      CommandResult result = node.process().awaitExit(Duration.ofSeconds(60));
      clients.shutdown();
      boolean clientsEnded = clients.awaitTermination(30, TimeUnit.SECONDS);

      // then
      assertThat(result.exitCode()).as(result.describe()).isZero();
      assertThat(result.stderr()).contains("stop requested").contains("runtime stopped");
      assertThat(succeeded.get()).isGreaterThanOrEqualTo(50);
      assertThat(unexpected.get()).as("responses other than 200 and 503").isZero();
      assertThat(clientsEnded).isTrue();
      for (Future<?> client : running) {
        client.get(1, TimeUnit.SECONDS);
      }
    }
  }
}
