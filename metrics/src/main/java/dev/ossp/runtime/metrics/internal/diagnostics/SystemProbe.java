package dev.ossp.runtime.metrics.internal.diagnostics;

import dev.ossp.runtime.metrics.SystemDiagnostics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the system part of the diagnostics report from the JVM's management beans and, where the
 * file exists, the resident set size from {@code /proc/self/status}. Thread-safe.
 */
public final class SystemProbe {
  private static final Logger LOG = LoggerFactory.getLogger(SystemProbe.class);
  private static final Path PROC_STATUS = Path.of("/proc/self/status");

  /** Returns the current facts. */
  public SystemDiagnostics read() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    MemoryUsage heap = memory.getHeapMemoryUsage();
    MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
    RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    OptionalDouble processCpu = OptionalDouble.empty();
    OptionalDouble systemCpu = OptionalDouble.empty();
    if (os instanceof com.sun.management.OperatingSystemMXBean extended) {
      processCpu = load(extended.getProcessCpuLoad());
      systemCpu = load(extended.getCpuLoad());
    }
    return new SystemDiagnostics(
        heap.getUsed(),
        heap.getMax() > 0 ? OptionalLong.of(heap.getMax()) : OptionalLong.empty(),
        nonHeap.getUsed(),
        residentSetBytes(),
        processCpu,
        systemCpu,
        Runtime.getRuntime().availableProcessors(),
        Duration.ofMillis(runtime.getUptime()),
        runtime.getVmName() + " " + runtime.getVmVendor() + " " + runtime.getVmVersion(),
        os.getName() + " " + os.getVersion() + " " + os.getArch());
  }

  private static OptionalDouble load(double value) {
    return value >= 0 ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  /** Returns VmRSS from {@code /proc/self/status} (Linux), or empty elsewhere. */
  static OptionalLong residentSetBytes() {
    if (!Files.isReadable(PROC_STATUS)) {
      return OptionalLong.empty();
    }
    try {
      return parseResidentSet(Files.readAllLines(PROC_STATUS));
    } catch (IOException | RuntimeException e) {
      LOG.debug("reading {} failed; reporting no resident set size", PROC_STATUS, e);
      return OptionalLong.empty();
    }
  }

  /** Returns the {@code VmRSS:} value of a status file, which the kernel writes in kB. */
  static OptionalLong parseResidentSet(List<String> lines) {
    for (String line : lines) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring("VmRSS:".length()).strip().split("\\s+");
        return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
      }
    }
    return OptionalLong.empty();
  }
}
