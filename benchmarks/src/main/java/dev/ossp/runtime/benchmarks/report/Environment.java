package dev.ossp.runtime.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The machine and JVM a benchmark run measured.
 *
 * @param jdk the {@code java.version} and VM name, e.g. {@code 17.0.15 (OpenJDK 64-Bit Server VM)}
 * @param cpuModel the first {@code model name} of {@code /proc/cpuinfo}, or the OS architecture
 *     where that file is missing
 * @param cores the processors available to the JVM
 * @param gc the collectors of a JVM started like the benchmark forks, e.g. {@code G1 Young
 *     Generation, G1 Old Generation}, plus any GC flag the forks were given
 * @param os the OS name and version
 * @param memoryBytes the physical memory, or 0 where the JVM does not expose it
 */
public record Environment(
    String jdk, String cpuModel, int cores, String gc, String os, long memoryBytes) {

  public Environment {
    Objects.requireNonNull(jdk, "jdk");
    Objects.requireNonNull(cpuModel, "cpuModel");
    Objects.requireNonNull(gc, "gc");
    Objects.requireNonNull(os, "os");
  }

  /**
   * Describes the running JVM and its machine. The JMH forks use the same {@code java} without GC
   * flags unless {@code gcFlags} names some, so this JVM's collectors are theirs.
   */
  static Environment capture(List<String> gcFlags) {
    String collectors =
        String.join(
            ", ",
            ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .toList());
    String gc = gcFlags.isEmpty() ? collectors : collectors + " (forks ran with " + gcFlags + ")";
    long memory = 0;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      memory = os.getTotalMemorySize();
    }
    return new Environment(
        System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
        readCpuModel().orElse(System.getProperty("os.arch")),
        Runtime.getRuntime().availableProcessors(),
        gc,
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        memory);
  }

  private static Optional<String> readCpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(cpuinfo)) {
      return Optional.empty();
    }
    try {
      return Files.readAllLines(cpuinfo).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("jdk", jdk);
    node.put("cpuModel", cpuModel);
    node.put("cores", cores);
    node.put("gc", gc);
    node.put("os", os);
    node.put("memoryBytes", memoryBytes);
    return node;
  }

  static Environment fromJson(JsonNode node) {
    return new Environment(
        node.path("jdk").asText(),
        node.path("cpuModel").asText(),
        node.path("cores").asInt(),
        node.path("gc").asText(),
        node.path("os").asText(),
        node.path("memoryBytes").asLong());
  }
}
