package dev.ossp.runtime.metrics;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The process and machine part of the diagnostics report. Values that the JVM or the operating
 * system does not expose are empty.
 *
 * @param heapUsedBytes heap in use
 * @param heapMaxBytes the heap limit, empty when the JVM sets none
 * @param nonHeapUsedBytes non-heap memory in use (metaspace, code cache and so on)
 * @param residentSetBytes the process's resident set size, read from {@code /proc/self/status}
 *     where that file exists
 * @param processCpuLoad recent CPU usage of the process, 0..1 of all processors
 * @param systemCpuLoad recent CPU usage of the machine, 0..1
 * @param availableProcessors processors available to the JVM
 * @param uptime time since the JVM started
 * @param jvm the JVM's name, vendor and version
 * @param os the operating system's name, version and architecture
 */
public record SystemDiagnostics(
    long heapUsedBytes,
    OptionalLong heapMaxBytes,
    long nonHeapUsedBytes,
    OptionalLong residentSetBytes,
    OptionalDouble processCpuLoad,
    OptionalDouble systemCpuLoad,
    int availableProcessors,
    Duration uptime,
    String jvm,
    String os) {
  /** Checks that every part is present. */
  public SystemDiagnostics {
    Objects.requireNonNull(heapMaxBytes, "heapMaxBytes");
    Objects.requireNonNull(residentSetBytes, "residentSetBytes");
    Objects.requireNonNull(processCpuLoad, "processCpuLoad");
    Objects.requireNonNull(systemCpuLoad, "systemCpuLoad");
    Objects.requireNonNull(uptime, "uptime");
    Objects.requireNonNull(jvm, "jvm");
    Objects.requireNonNull(os, "os");
  }

  /** Returns heap in use divided by the heap limit, or empty when there is no limit. */
  public OptionalDouble heapUsage() {
    if (heapMaxBytes.isEmpty() || heapMaxBytes.getAsLong() <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((double) heapUsedBytes / heapMaxBytes.getAsLong());
  }
}
