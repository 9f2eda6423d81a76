package dev.ossp.runtime.mcp.internal.stdio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server process and the descendants seen so far. Descendants are remembered while the root runs,
 * because once it exits they are re-parented and no longer reachable through it; a {@link
 * ProcessHandle} also remembers its start time, so a recycled pid is never mistaken for one of
 * them.
 *
 * <p>Thread-safe.
 */
final class ProcessTree {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessTree.class);

  private final String serverId;
  private final ProcessHandle root;
  private final Set<ProcessHandle> known = new LinkedHashSet<>();

  ProcessTree(String serverId, ProcessHandle root) {
    this.serverId = serverId;
    this.root = root;
  }

  /** Adds the root's current descendants to the ones remembered. */
  void refresh() {
    if (!root.isAlive()) {
      return;
    }
    List<ProcessHandle> now = root.descendants().toList();
    synchronized (known) {
      known.addAll(now);
      known.removeIf(handle -> !handle.isAlive());
    }
  }

  /** Returns the remembered descendants that still run. */
  List<ProcessHandle> liveDescendants() {
    synchronized (known) {
      List<ProcessHandle> live = new ArrayList<>();
      for (ProcessHandle handle : known) {
        if (handle.isAlive()) {
          live.add(handle);
        }
      }
      return live;
    }
  }

  /**
   * Terminates the root and every descendant: children first, then the root, a polite termination
   * request (SIGTERM on POSIX) first, then a forced kill of what still runs after {@code
   * termWaitMillis}; waits at most {@code killWaitMillis} more for them to go.
   */
  void terminate(long termWaitMillis, long killWaitMillis) {
    refresh();
    List<ProcessHandle> targets = new ArrayList<>(liveDescendants());
    if (root.isAlive()) {
      targets.add(root);
    }
    if (targets.isEmpty()) {
      return;
    }
    for (ProcessHandle handle : targets) {
      handle.destroy();
    }
    List<ProcessHandle> stubborn = awaitExit(targets, termWaitMillis);
    if (stubborn.isEmpty()) {
      return;
    }
    LOG.warn(
        "MCP server '{}': {} process(es) ignored the termination request, killing them: {}",
        serverId,
        stubborn.size(),
        pids(stubborn));
    for (ProcessHandle handle : stubborn) {
      handle.destroyForcibly();
    }
    List<ProcessHandle> survivors = awaitExit(stubborn, killWaitMillis);
    if (!survivors.isEmpty()) {
      LOG.warn("MCP server '{}': processes {} still run after a kill", serverId, pids(survivors));
    }
  }

  private static List<ProcessHandle> awaitExit(List<ProcessHandle> handles, long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    List<ProcessHandle> alive = new ArrayList<>();
    for (ProcessHandle handle : handles) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        await(handle.onExit(), left);
      }
      if (handle.isAlive()) {
        alive.add(handle);
      }
    }
    return alive;
  }

  private static void await(CompletableFuture<ProcessHandle> exit, long nanos) {
    try {
      exit.get(nanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // The caller checks isAlive() next.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<Long> pids(List<ProcessHandle> handles) {
    return handles.stream().map(ProcessHandle::pid).toList();
  }
}
