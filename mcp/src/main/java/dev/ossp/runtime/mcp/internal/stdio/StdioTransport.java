package dev.ossp.runtime.mcp.internal.stdio;

import dev.ossp.runtime.mcp.McpConnectionClosedException;
import dev.ossp.runtime.mcp.McpMessageTooLargeException;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpSpawnException;
import dev.ossp.runtime.mcp.internal.jsonrpc.Json;
import dev.ossp.runtime.mcp.internal.jsonrpc.MessageReader;
import dev.ossp.runtime.mcp.internal.transport.McpTransport;
import dev.ossp.runtime.mcp.internal.transport.TransportClosed;
import dev.ossp.runtime.mcp.internal.transport.TransportListener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stdio transport: runs the server as a child process and exchanges newline-delimited UTF-8
 * JSON over its stdin and stdout. stderr is drained on its own thread. When the process exits or
 * its stdout ends, the listener hears of it within one second; a line that is not JSON is logged at
 * WARN and skipped.
 *
 * <p>Close sequence: close stdin, wait the grace period, terminate the process and every descendant
 * (children first), wait up to {@value #TERM_WAIT_MILLIS} ms, kill what is left, wait up to {@value
 * #KILL_WAIT_MILLIS} ms. Descendants that outlived a root which exited by itself are terminated the
 * same way.
 *
 * <p>Thread-safe.
 */
public final class StdioTransport implements McpTransport {
  private static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);
  static final long TERM_WAIT_MILLIS = 400;
  static final long KILL_WAIT_MILLIS = 300;
  private static final long EXIT_AFTER_EOF_WAIT_MILLIS = 500;
  private static final long EOF_AFTER_EXIT_WAIT_MILLIS = 300;
  private static final long STDERR_END_WAIT_MILLIS = 200;
  private static final int LOGGED_NON_JSON_LINES = 20;

  private final McpServerSpec spec;
  private final Map<String, String> jvmEnvironment;
  private final ScheduledExecutorService scheduler;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final AtomicBoolean closeStarted = new AtomicBoolean();
  private final AtomicBoolean closedReported = new AtomicBoolean();
  private final CountDownLatch readerDone = new CountDownLatch(1);
  private final AtomicLong nonJsonLines = new AtomicLong();
  private volatile @Nullable Process process;
  private volatile @Nullable ProcessTree tree;
  private volatile @Nullable StderrDrain stderr;
  private volatile @Nullable TransportListener listener;
  private volatile boolean closing;

  /**
   * Creates the transport.
   *
   * @param jvmEnvironment the environment the base variables are copied from, normally {@code
   *     System.getenv()}
   * @param scheduler runs the short exit checks
   */
  public StdioTransport(
      McpServerSpec spec, Map<String, String> jvmEnvironment, ScheduledExecutorService scheduler) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.jvmEnvironment = Map.copyOf(Objects.requireNonNull(jvmEnvironment, "jvmEnvironment"));
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  @Override
  public void start(TransportListener listener) {
    Objects.requireNonNull(listener, "listener");

    this.listener = listener;
    Map<String, String> environment = ProcessEnvironment.environmentFor(spec, jvmEnvironment);
    Path directory = ProcessEnvironment.workingDirectoryFor(spec);
    Path executable = ProcessEnvironment.resolveCommand(spec, environment, directory);
    List<String> commandLine = new ArrayList<>();
    commandLine.add(executable.toString());
    commandLine.addAll(spec.args());
    ProcessBuilder builder = new ProcessBuilder(commandLine).directory(directory.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process started;
    try {
      started = builder.start();
    } catch (IOException e) {
      throw new McpSpawnException(
          spec.id(),
          "command '"
              + spec.command().orElse("")
              + "' ("
              + executable
              + ") failed to start: "
              + e.getMessage(),
          e);
    }
    process = started;
    tree = new ProcessTree(spec.id(), started.toHandle());
    StderrDrain drain =
        new StderrDrain(spec.id(), started.getErrorStream(), spec.stderrTailLines());
    stderr = drain;
    ShutdownHook.register(this);
    LOG.info(
        "MCP server '{}' started with pid {}: {}", spec.id(), started.pid(), spec.describeTarget());
    daemon(drain, "mcp-" + spec.id() + "-stderr").start();
    daemon(this::readStdout, "mcp-" + spec.id() + "-stdout").start();
    started.onExit().thenRun(this::onProcessExit);
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void send(byte[] message, int length, long requestId) {
    if (length > spec.maxMessageSize()) {
      throw new McpMessageTooLargeException(spec.id(), null, length, spec.maxMessageSize());
    }
    Process running = process;
    if (running == null || closing || closedReported.get()) {
      throw new McpConnectionClosedException(
          spec.id(), null, "the connection is closed", exitCodeOf(running), stderrTail());
    }
    writeLock.lock();
    try {
      OutputStream stdin = running.getOutputStream();
      stdin.write(message, 0, length);
      stdin.write('\n');
      stdin.flush();
    } catch (IOException e) {
      throw new McpConnectionClosedException(
          spec.id(),
          null,
          "writing to the server's stdin failed (" + e.getMessage() + ")",
          exitCodeOf(running),
          stderrTail());
    } finally {
      writeLock.unlock();
    }
  }

  private void readStdout() {
    Process running = Objects.requireNonNull(process);
    MessageReader reader = new MessageReader(Objects.requireNonNull(listener));
    LineFramer framer =
        new LineFramer(
            running.getInputStream(),
            spec.maxMessageSize(),
            new LineFramer.Sink() {
              @Override
              public void onLine(byte[] buffer, int offset, int length) {
                deliver(reader, buffer, offset, length);
              }

              @Override
              public void onOversizedLine(@Nullable String idText, long size) {
                Objects.requireNonNull(listener)
                    .onMessageTooLarge(idText, size, spec.maxMessageSize());
              }
            });
    try {
      framer.run();
    } catch (IOException e) {
      if (!closing) {
        LOG.debug("reading stdout of MCP server '{}' failed: {}", spec.id(), e.toString());
      }
    } catch (RuntimeException e) {
      LOG.error("reading stdout of MCP server '{}' failed unexpectedly", spec.id(), e);
    } finally {
      readerDone.countDown();
      onStdoutEnd(running);
    }
  }

  private void deliver(MessageReader reader, byte[] buffer, int offset, int length) {
    boolean json;
    try {
      json = reader.read(buffer, offset, length);
    } catch (RuntimeException e) {
      LOG.error("handling a message from MCP server '{}' failed", spec.id(), e);
      return;
    }
    if (!json) {
      logNonJson(new String(buffer, offset, length, StandardCharsets.UTF_8));
    }
  }

  private void logNonJson(String line) {
    long count = nonJsonLines.incrementAndGet();
    if (count <= LOGGED_NON_JSON_LINES) {
      LOG.warn(
          "MCP server '{}' wrote a line to stdout that is not a JSON-RPC message, skipping it: {}",
          spec.id(),
          Json.abbreviate(line, 200));
    } else if (count % 1000 == 0) {
      LOG.warn("MCP server '{}' has written {} non-JSON lines to stdout", spec.id(), count);
    }
  }

  private void onStdoutEnd(Process running) {
    try {
      running.waitFor(EXIT_AFTER_EOF_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (closing) {
      return;
    }
    String reason =
        running.isAlive()
            ? "the server closed its stdout but still runs"
            : "the server process exited";
    reportClosed(reason, exitCodeOf(running), false);
  }

  private void onProcessExit() {
    Process running = Objects.requireNonNull(process);
    LOG.info(
        "MCP server '{}' (pid {}) exited with code {}",
        spec.id(),
        running.pid(),
        running.exitValue());
    if (closing) {
      return;
    }
    scheduler.schedule(
        () -> {
          if (readerDone.getCount() > 0) {
            reportClosed(
                "the server process exited, but a child process keeps its stdout open",
                exitCodeOf(running),
                false);
          }
        },
        EOF_AFTER_EXIT_WAIT_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  private void reportClosed(String reason, @Nullable Integer exitCode, boolean byClient) {
    if (!closedReported.compareAndSet(false, true)) {
      return;
    }
    ShutdownHook.unregister(this);
    StderrDrain drain = stderr;
    if (drain != null && !byClient) {
      drain.awaitEnd(STDERR_END_WAIT_MILLIS);
    }
    if (!byClient) {
      cleanUpAfterUnexpectedEnd();
    }
    TransportListener current = listener;
    if (current != null) {
      current.onClosed(new TransportClosed(reason, exitCode, stderrTail(), byClient));
    }
  }

  private void cleanUpAfterUnexpectedEnd() {
    ProcessTree processes = tree;
    if (processes == null) {
      return;
    }
    Thread reaper =
        daemon(
            () -> processes.terminate(TERM_WAIT_MILLIS, KILL_WAIT_MILLIS),
            "mcp-" + spec.id() + "-reaper");
    reaper.start();
  }

  @Override
  public long pid() {
    Process running = process;
    return running == null ? -1 : running.pid();
  }

  @Override
  public void refreshDescendants() {
    ProcessTree processes = tree;
    if (processes != null) {
      processes.refresh();
    }
  }

  @Override
  public void close(Duration gracePeriod) {
    Objects.requireNonNull(gracePeriod, "gracePeriod");

    if (!closeStarted.compareAndSet(false, true)) {
      return;
    }
    closing = true;
    Process running = process;
    ProcessTree processes = tree;
    if (running == null || processes == null) {
      reportClosed("closed before the server started", null, true);
      return;
    }
    processes.refresh();
    closeStdin(running);
    try {
      running.waitFor(gracePeriod.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (running.isAlive()) {
      LOG.info(
          "MCP server '{}' (pid {}) did not exit within {} ms of its stdin closing, terminating it",
          spec.id(),
          running.pid(),
          gracePeriod.toMillis());
    }
    processes.terminate(TERM_WAIT_MILLIS, KILL_WAIT_MILLIS);
    reportClosed("closed by the client", exitCodeOf(running), true);
  }

  private void closeStdin(Process running) {
    try {
      if (writeLock.tryLock(100, TimeUnit.MILLISECONDS)) {
        try {
          running.getOutputStream().close();
        } finally {
          writeLock.unlock();
        }
      } else {
        LOG.debug("MCP server '{}': a blocked write keeps stdin open during close", spec.id());
      }
    } catch (IOException e) {
      LOG.debug("closing stdin of MCP server '{}' failed: {}", spec.id(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes the server from the JVM shutdown hook. */
  void closeOnShutdown() {
    close(spec.closeGracePeriod());
  }

  /** The server's remembered descendants that still run; for tests and diagnostics. */
  List<ProcessHandle> liveDescendants() {
    ProcessTree processes = tree;
    return processes == null ? List.of() : processes.liveDescendants();
  }

  private List<String> stderrTail() {
    StderrDrain drain = stderr;
    return drain == null ? List.of() : drain.tail();
  }

  private static @Nullable Integer exitCodeOf(@Nullable Process running) {
    return running == null || running.isAlive() ? null : running.exitValue();
  }
}
