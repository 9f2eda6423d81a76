package dev.ossp.runtime.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A results file of {@code benchmarks/run.sh}: one JSON object with {@code format}, {@code mode},
 * {@code started}, {@code finished}, {@code environment} ({@link Environment}) and {@code results},
 * the concatenated arrays that JMH wrote with {@code -rf json}, unchanged.
 *
 * @param mode the run.sh mode, {@code quick} or {@code full}
 * @param started the UTC start of the run, ISO-8601
 * @param finished the UTC end of the run, ISO-8601
 * @param environment the machine and JVM the run measured
 * @param measurements one entry per benchmark, mode and parameter set
 */
public record ResultsFile(
    String mode,
    String started,
    String finished,
    Environment environment,
    List<Measurement> measurements) {
  /** The value of the {@code format} field this version writes and reads. */
  public static final String FORMAT = "ossp-benchmark-results/1";

  public ResultsFile {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
    Objects.requireNonNull(environment, "environment");
    measurements = List.copyOf(measurements);
  }

  /** Reads a results file; fails on another format, with the format it found. */
  public static ResultsFile read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    String format = root.path("format").asText();
    if (!FORMAT.equals(format)) {
      throw new IOException(
          file
              + " is not a results file of benchmarks/run.sh: format is '"
              + format
              + "', expected '"
              + FORMAT
              + "'");
    }
    List<Measurement> measurements = new ArrayList<>();
    for (JsonNode result : root.path("results")) {
      measurements.add(Measurement.fromJmh(result));
    }
    return new ResultsFile(
        root.path("mode").asText(),
        root.path("started").asText(),
        root.path("finished").asText(),
        Environment.fromJson(root.path("environment")),
        measurements);
  }

  /**
   * Finds the result of {@code benchmark} (simple class name and method) in {@code mode} whose
   * parameters include every entry of {@code params}.
   */
  public Optional<Measurement> find(String benchmark, String mode, Map<String, String> params) {
    return measurements.stream()
        .filter(m -> m.benchmark().equals(benchmark) && m.mode().equals(mode))
        .filter(m -> m.params().entrySet().containsAll(params.entrySet()))
        .findFirst();
  }
}
