package dev.ossp.runtime.mcp.internal.stdio;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes the stdio servers still open when the JVM shuts down, so no server outlives it. One hook
 * serves all transports; each is closed on its own thread, so the hook takes about one close bound,
 * not their sum.
 */
final class ShutdownHook {
  private static final Set<StdioTransport> OPEN = ConcurrentHashMap.newKeySet();
  private static volatile boolean installed;

  private ShutdownHook() {}

  static void register(StdioTransport transport) {
    install();
    OPEN.add(transport);
  }

  static void unregister(StdioTransport transport) {
    OPEN.remove(transport);
  }

  private static synchronized void install() {
    if (installed) {
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(ShutdownHook::closeAll, "mcp-shutdown"));
    installed = true;
  }

  private static void closeAll() {
    List<Thread> closers =
        OPEN.stream()
            .map(transport -> new Thread(transport::closeOnShutdown, "mcp-shutdown-close"))
            .toList();
    closers.forEach(Thread::start);
    for (Thread closer : closers) {
      try {
        closer.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
