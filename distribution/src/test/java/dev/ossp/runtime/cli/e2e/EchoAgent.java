package dev.ossp.runtime.cli.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The a2a module's echo agent on @a2a-js/sdk 1.3.0, a real A2A agent that streams, run with Node.js
 * on 127.0.0.1 and a free port. It exits when its standard input closes, so this class keeps that
 * pipe open until {@link #close()}.
 */
final class EchoAgent implements AutoCloseable {
  private final Process process;
  private final int port;

  private EchoAgent(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Returns the script, when the a2a module's build installed its npm peers ({@code npm ci} in its
   * generate-test-resources phase), else null.
   */
  static Path installedScript() {
    Path repo = Path.of(System.getProperty("ossp.repo.dir", "..")).toAbsolutePath().normalize();
    Path directory = repo.resolve("a2a/src/test/node");
    return Files.isDirectory(directory.resolve("node_modules/@a2a-js/sdk"))
        ? directory.resolve("a2a-echo-agent.mjs")
        : null;
  }

  /** Starts the agent with {@code node} from the PATH and waits until it listens. */
  static EchoAgent start(Path script) throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder("node", script.getFileName().toString())
            .directory(script.getParent().toFile())
            .redirectErrorStream(true);
    builder.environment().put("PORT", Integer.toString(port));
    Process process = builder.start();
    List<String> lines = new CopyOnWriteArrayList<>();
    CompletableFuture<Boolean> listening =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                BufferedReader output =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                boolean ready = false;
                String line;
                while ((line = output.readLine()) != null) {
                  lines.add(line);
                  if (line.startsWith("listening ")) {
                    ready = true;
                    break;
                  }
                }
                // Keep draining, so the agent never blocks on a full pipe.
                CompletableFuture.runAsync(() -> drain(output));
                return ready;
              } catch (IOException e) {
                return false;
              }
            });
    EchoAgent agent = new EchoAgent(process, port);
    try {
      if (!listening.get(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the echo agent exited before listening: " + lines);
      }
    } catch (ExecutionException | TimeoutException e) {
      agent.close();
      throw new IllegalStateException("the echo agent did not listen within 30 s: " + lines, e);
    } catch (RuntimeException e) {
      agent.close();
      throw e;
    }
    return agent;
  }

  /** Returns the agent's base URL, below which its card is at the well-known path. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Closes the agent's standard input, which ends it, and kills it after 10 s. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void drain(BufferedReader output) {
    try (output) {
      while (output.readLine() != null) {
        // Discarded: the test reads the CLI's output, not the agent's.
      }
    } catch (IOException e) {
      // The agent exited.
    }
  }
}
