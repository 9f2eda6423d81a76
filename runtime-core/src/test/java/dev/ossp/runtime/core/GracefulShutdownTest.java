package dev.ossp.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ossp.runtime.node.NodeResponse;
import dev.ossp.runtime.node.Route;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GracefulShutdownTest {
  @TempDir Path directory;

  private static boolean refusesConnections(URI base) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      return false;
    } catch (ConnectException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void inFlightRequestCompletesWhileStopDrains() throws Exception {
    // given
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    OsspRuntime runtime =
        TestRuntimes.isolated(directory)
            .set("node.shutdown-timeout", "10s")
            .addComponent(
                new RouteComponent(
                    "slow",
                    Route.open(
                        "GET",
                        "/slow",
                        request -> {
                          entered.countDown();
                          release.await(10, TimeUnit.SECONDS);
                          return NodeResponse.text(200, "text/plain", "done");
                        })))
            .build();
    runtime.start();
    URI base = runtime.node().baseUri();
    NodeClient client = new NodeClient(base);
    CompletableFuture<HttpResponse<String>> inFlight =
        client
            .client()
            .sendAsync(client.request("/slow").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    // when
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(runtime::stop);
    await().atMost(Duration.ofSeconds(10)).until(() -> refusesConnections(base));
    boolean stopWaitedForRequest = !stopping.isDone();
    release.countDown();
    HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
    stopping.get(15, TimeUnit.SECONDS);

    // then
    assertThat(stopWaitedForRequest).isTrue();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("done");
    assertThat(runtime.health().message()).isEqualTo("stopped");
    NodeClient fresh = new NodeClient(base);
    assertThatThrownBy(() -> fresh.get("/slow")).isInstanceOf(ConnectException.class);
  }
}
