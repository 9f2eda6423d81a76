package dev.ossp.runtime.a2a;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real A2A peer: one of the echo agent scripts under {@code src/test/node}, run with Node.js on
 * 127.0.0.1 and a free port. The build installs the npm packages first; a missing {@code node}
 * fails the test with a message that says what to install.
 */
public final class NodePeer implements AutoCloseable {
  private final Process process;
  private final int port;

  private NodePeer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The folder with the npm projects, as the build passes it. */
  public static Path nodeDirectory() {
    String configured = System.getProperty("ossp.a2a.test.node-dir");
    Path directory = configured == null ? Path.of("src/test/node") : Path.of(configured);
    if (!Files.isDirectory(directory.resolve("node_modules/@a2a-js/sdk"))) {
      throw new IllegalStateException(
          "the A2A test peers are not installed in "
              + directory
              + "; run the Maven build (its generate-test-resources phase runs npm ci)");
    }
    return directory;
  }

  /** Returns the {@code node} executable, or fails with what to install. */
  public static String node() {
    try {
      Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      if (!probe.waitFor(10, TimeUnit.SECONDS) || probe.exitValue() != 0) {
        throw new IllegalStateException("'node --version' failed; install Node.js 20 or later");
      }
      return "node";
    } catch (IOException e) {
      throw new IllegalStateException(
          "Node.js is not on the PATH; install Node.js 20 or later to run the A2A interop tests",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while looking for node", e);
    }
  }

  /** Starts the @a2a-js/sdk 1.3.0 echo agent. */
  public static NodePeer echoV13() throws Exception {
    return start(nodeDirectory(), "a2a-echo-agent.mjs");
  }

  /** Starts the native @a2a-js/sdk 0.3.14 echo agent. */
  public static NodePeer echoV03() throws Exception {
    return start(nodeDirectory().resolve("a2a03"), "a2a03-echo-agent.mjs");
  }

  private static NodePeer start(Path directory, String script) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder = new ProcessBuilder(node(), script).directory(directory.toFile());
    builder.environment().put("PORT", Integer.toString(port));
    builder.redirectErrorStream(true);
    Process process = builder.start();
    BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    CompletableFuture<Boolean> ready =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                String line;
                while ((line = output.readLine()) != null) {
                  lines.add(line);
                  if (line.startsWith("listening ")) {
                    return true;
                  }
                }
              } catch (IOException e) {
                return false;
              }
              return false;
            });
    Boolean started;
    try {
      started = ready.get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      started = false;
    }
    if (!started) {
      process.destroyForcibly();
      throw new IllegalStateException(script + " did not start within 20 s; output: " + lines);
    }
    Thread drain =
        new Thread(
            () -> {
              try {
                while (output.readLine() != null) {
                  // Keep the pipe empty so the agent never blocks on its output.
                }
              } catch (IOException e) {
                // The agent exited.
              }
            },
            "peer-output-" + port);
    drain.setDaemon(true);
    drain.start();
    return new NodePeer(process, port);
  }

  /** Returns {@code http://127.0.0.1:<port>}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws Exception {
    process.getOutputStream().close();
    if (!process.waitFor(3, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
    }
  }
}
