package dev.ossp.runtime.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Runs the JMH benchmarks of {@code bench/benchmarks.jar} in a child JVM with this JVM's {@code
 * java}, passing every argument to JMH unchanged, and exits with JMH's status.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the JMH benchmarks shipped in bench/benchmarks.jar. Arguments go to JMH unchanged.",
      "Examples: 'ossp-runtime bench -l' lists the benchmarks;"
          + " 'ossp-runtime bench UrnBenchmark -f 1 -wi 2 -i 3 -prof gc' runs one class;"
          + " 'ossp-runtime bench -- -h' prints JMH's own help.",
      "Each class runs a direct baseline beside the measured variants; compare ratios from one run."
    })
final class BenchCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(
      paramLabel = "JMH_ARGUMENT",
      arity = "0..*",
      description = "Benchmark name patterns and JMH options.")
  private List<String> arguments = new ArrayList<>();

  BenchCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path jar = context.home().require("bench").resolve("benchmarks.jar");
    if (!Files.isRegularFile(jar)) {
      throw new CliException(
          jar + " is missing; unpack the tarball again, or build it with './mvnw package'");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(arguments);
    context.output().err().println("running " + String.join(" ", command));
    Process process = new ProcessBuilder(command).inheritIO().start();
    try {
      return process.waitFor();
    } finally {
      // Ends JMH and its forks when this command is interrupted.
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
    }
  }
}
