package dev.ossp.runtime.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Writes {@code RESULTS.md} and its {@code charts/*.svg} from a results file of {@code
 * benchmarks/run.sh}. A file {@code NAME.notes.md} beside the results file {@code NAME.json}, if
 * present, is copied into the page as the notes of the person who ran it.
 *
 * <p>Usage: {@code GenerateReport RESULTS_JSON [OUTPUT_DIRECTORY]}; the output directory defaults
 * to {@code benchmarks}.
 */
public final class GenerateReport {
  private GenerateReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println(
          "usage: GenerateReport RESULTS_JSON [OUTPUT_DIRECTORY (default: benchmarks)]");
      System.exit(2);
    }
    Path page = generate(Path.of(args[0]), Path.of(args.length == 2 ? args[1] : "benchmarks"));
    System.out.println("wrote " + page);
  }

  /** Writes the page and its charts into {@code outputDirectory}; returns the page's path. */
  static Path generate(Path resultsFile, Path outputDirectory) throws IOException {
    ResultsFile results = ResultsFile.read(resultsFile);
    String name = resultsFile.getFileName().toString();
    Path notesFile = resultsFile.resolveSibling(name.replaceFirst("\\.json$", "") + ".notes.md");
    Optional<String> notes =
        Files.isRegularFile(notesFile)
            ? Optional.of(Files.readString(notesFile, StandardCharsets.UTF_8))
            : Optional.empty();
    String link =
        outputDirectory
            .toAbsolutePath()
            .normalize()
            .relativize(resultsFile.toAbsolutePath().normalize())
            .toString()
            .replace('\\', '/');
    ResultsPage.Rendered rendered = ResultsPage.render(results, Catalog.sections(), link, notes);
    Path charts = outputDirectory.resolve(ResultsPage.CHARTS);
    Files.createDirectories(charts);
    for (Map.Entry<String, String> chart : rendered.charts().entrySet()) {
      Files.writeString(charts.resolve(chart.getKey()), chart.getValue(), StandardCharsets.UTF_8);
    }
    Path page = outputDirectory.resolve("RESULTS.md");
    Files.writeString(page, rendered.markdown(), StandardCharsets.UTF_8);
    return page;
  }
}
