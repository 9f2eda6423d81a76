package dev.ossp.runtime.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Wraps the JSON files that JMH wrote during one run of {@code benchmarks/run.sh} into one results
 * file (see {@link ResultsFile}) with the environment of this JVM.
 *
 * <p>Usage: {@code RecordResults --mode quick|full --started ISO-INSTANT --output FILE JMH_JSON...}
 */
public final class RecordResults {
  private RecordResults() {}

  public static void main(String[] args) throws IOException {
    String mode = null;
    String started = null;
    Path output = null;
    List<Path> inputs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--mode" -> mode = args[++i];
        case "--started" -> started = args[++i];
        case "--output" -> output = Path.of(args[++i]);
        default -> inputs.add(Path.of(args[i]));
      }
    }
    if (mode == null || started == null || output == null || inputs.isEmpty()) {
      System.err.println(
          "usage: RecordResults --mode quick|full --started ISO-INSTANT --output FILE JMH_JSON...");
      System.exit(2);
    }
    record(mode, started, output, inputs);
  }

  /** Writes {@code output} from the JMH JSON arrays in {@code inputs}. */
  static void record(String mode, String started, Path output, List<Path> inputs)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode results = mapper.createArrayNode();
    TreeSet<String> gcFlags = new TreeSet<>();
    for (Path input : inputs) {
      for (JsonNode result : mapper.readTree(input.toFile())) {
        // Drops the java executable's path: it is a local path, and jdkVersion and vmName identify
        // the JVM.
        ((ObjectNode) result).remove("jvm");
        results.add(result);
        for (JsonNode argument : result.path("jvmArgs")) {
          String text = argument.asText();
          if (text.matches("-XX:\\+Use\\w*GC")) {
            gcFlags.add(text);
          }
        }
      }
    }
    ObjectNode root = mapper.createObjectNode();
    root.put("format", ResultsFile.FORMAT);
    root.put("mode", mode);
    root.put("started", started);
    root.put("finished", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    root.set("environment", Environment.capture(List.copyOf(gcFlags)).toJson());
    root.set("results", results);
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    mapper.writeValue(output.toFile(), root);
  }
}
