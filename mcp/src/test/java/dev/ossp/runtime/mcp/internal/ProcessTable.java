package dev.ossp.runtime.mcp.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the operating system's process table, to prove that no server process survived. A process
 * counts as running unless it is gone or a zombie (state Z in {@code /proc/<pid>/stat}, a process
 * that exited and waits for its parent to collect it).
 */
public final class ProcessTable {
  private ProcessTable() {}

  /** Returns the running processes whose arguments contain {@code marker}. */
  public static List<ProcessHandle> runningWithArgument(String marker) {
    return ProcessHandle.allProcesses()
        .filter(
            handle ->
                handle.info().arguments().map(args -> List.of(args).contains(marker)).orElse(false))
        .filter(ProcessTable::isRunning)
        .toList();
  }

  /** Returns whether {@code handle} is alive and not a zombie. */
  public static boolean isRunning(ProcessHandle handle) {
    if (!handle.isAlive()) {
      return false;
    }
    Path stat = Path.of("/proc", Long.toString(handle.pid()), "stat");
    try {
      String text = Files.readString(stat);
      int end = text.lastIndexOf(')');
      return end < 0 || end + 2 >= text.length() || text.charAt(end + 2) != 'Z';
    } catch (IOException e) {
      return false;
    }
  }
}
