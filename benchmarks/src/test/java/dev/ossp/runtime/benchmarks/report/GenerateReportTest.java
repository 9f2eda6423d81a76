package dev.ossp.runtime.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class GenerateReportTest {
  @TempDir Path directory;
  private Path resultsFile;

  @BeforeEach
  void copyFixture() throws IOException {
    Path results = Files.createDirectories(directory.resolve("results"));
    resultsFile = results.resolve("2026-12-01-jdk17.0.15.json");
    try (InputStream fixture = getClass().getResourceAsStream("/results-fixture.json")) {
      Files.copy(fixture, resultsFile);
    }
  }

  private String generatePage() throws IOException {
    Path page = GenerateReport.generate(resultsFile, directory);
    return Files.readString(page, StandardCharsets.UTF_8);
  }

  private static String row(String page, String start) {
    return page.lines()
        .filter(line -> line.startsWith(start))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line starts with: " + start));
  }

  @Test
  void pageRecordsRunEnvironment() throws IOException {
    // when
    String page = generatePage();

    // then
    assertThat(page)
        .contains("[`results/2026-12-01-jdk17.0.15.json`](results/2026-12-01-jdk17.0.15.json)");
    assertThat(page).contains("| JDK | 17.0.15 (OpenJDK 64-Bit Server VM) |");
    assertThat(page).contains("| CPU | Example CPU, 2 cores |");
    assertThat(page).contains("| GC | G1 Young Generation, G1 Old Generation |");
  }

  @Test
  void breakerGoalMetWithOverheadRatio() throws IOException {
    // when
    String page = generatePage();

    // then: ours +20 ns, resilience4j +80 ns over the 150 ns direct call
    String goal =
        row(page, "| Circuit breaker | our goal | overhead at 1 thread vs resilience4j |");
    assertThat(goal).contains("+20 ns ± 3.61 ns vs +80 ns ± 4.47 ns (0.25×)");
    assertThat(goal).endsWith("| **met** |");
  }

  @Test
  void missingResultIsNotMeasured() throws IOException {
    // when
    String page = generatePage();

    // then
    String twoThreads =
        row(page, "| Circuit breaker | our goal | overhead at 2 threads vs resilience4j |");
    assertThat(twoThreads).contains("no result for CircuitBreakerBenchmark.closed2Threads (avgt)");
    assertThat(twoThreads).endsWith("| **not measured** |");
    String cached = row(page, "| Discovery | our goal | cached query, 1k to 100k agents |");
    assertThat(cached).endsWith("| **not measured** |");
  }

  @Test
  void slowerThanGoalIsNotMet() throws IOException {
    // when
    String page = generatePage();

    // then: 40,000 / 32,000 calls/s is 1.25, below the 1.5 required
    String inFlight = row(page, "| MCP | our goal | 16 in flight vs the SDK's async client |");
    assertThat(inFlight).contains("1.25× (40,000 vs 32,000 ops/s)");
    assertThat(inFlight).endsWith("| **not met** |");
    String allocation = row(page, "| MCP | our goal | allocation per call |");
    assertThat(allocation).endsWith("| **not measured** |");
  }

  @Test
  void disturbedBaselineIsInconclusive() throws IOException {
    // when
    String page = generatePage();

    // then: the direct call measured 70 ± 40 ns slower than the same call inside the policy
    String overhead = row(page, "| Retry | our goal | no-failure overhead vs the direct call |");
    assertThat(overhead).contains("−70 ns ± 40.1 ns; baseline slower than the variant");
    assertThat(overhead).endsWith("| **inconclusive** |");
  }

  @Test
  void overlappingIntervalIsInconclusive() throws IOException {
    // when
    String page = generatePage();

    // then: 0.90 ± 0.13 straddles the 0.9 bound
    String sequential =
        row(page, "| A2A HTTP | our goal | full stack vs bare HttpClient 5, sequential |");
    assertThat(sequential).contains("0.90× (9,000 vs 10,000 ops/s)");
    assertThat(sequential).endsWith("| **inconclusive** |");
  }

  @Test
  void originalTargetUsesSampleP99() throws IOException {
    // when
    String page = generatePage();

    // then
    String latency =
        row(page, "| A2A HTTP | original target | latency (A2aBenchmark.fullStackSequential) |");
    assertThat(latency).contains("p99 250 µs");
    assertThat(latency).endsWith("| **met** |");
    String throughput =
        row(
            page,
            "| A2A HTTP | original target | throughput (A2aBenchmark.fullStackConcurrent16) |");
    assertThat(throughput).contains("32,000 ops/s");
    assertThat(throughput).endsWith("| **met** |");
  }

  @Test
  void groupTableShowsOverheadAllocationAndRatio() throws IOException {
    // when
    String page = generatePage();

    // then
    String resilience4j = row(page, "| CLOSED | resilience4j 2.4.0 |");
    assertThat(resilience4j).contains("| 230 ± 4 ns/op | 230 ns | +80 ns | 0 B |");
    assertThat(resilience4j).endsWith("| 0.74× |");
    String failsafe = row(page, "| CLOSED | Failsafe 3.3.2 |");
    assertThat(failsafe).contains("| 376 B |");
    assertThat(row(page, "| CLOSED, permit API | OSSP |")).contains("not run");
  }

  @Test
  void barChartLengthsAreProportional() throws Exception {
    // given
    generatePage();
    Path chart = directory.resolve("charts/breaker-closed-1.svg");

    // when
    List<Double> widths = barWidths(chart);

    // then: 170, 230, 300 and 150 ns; the longest bar fills the bar area
    assertThat(widths).hasSize(4);
    assertThat(widths.get(2))
        .isCloseTo(SvgCharts.BAR_AREA, org.assertj.core.data.Offset.offset(0.1));
    assertThat(widths.get(0))
        .isCloseTo(SvgCharts.BAR_AREA * 170 / 300.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(widths.get(3))
        .isCloseTo(SvgCharts.BAR_AREA * 150 / 300.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(directory.resolve("RESULTS.md"))
        .content()
        .contains("![CLOSED, 1 thread](charts/breaker-closed-1.svg)");
  }

  @Test
  void percentileChartDrawsSampleResults() throws Exception {
    // given
    generatePage();
    Path chart = directory.resolve("charts/a2a-percentiles.svg");

    // when
    List<Double> widths = barWidths(chart);

    // then: p50 70, p90 110 and p99 250 µs, after the three legend squares
    assertThat(widths).hasSize(6);
    assertThat(widths.get(5))
        .isCloseTo(SvgCharts.BAR_AREA, org.assertj.core.data.Offset.offset(0.1));
    assertThat(widths.get(3))
        .isCloseTo(SvgCharts.BAR_AREA * 70 / 250.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(Files.readString(chart)).contains("250 µs");
    // one group has sample results, so the label names no group
    assertThat(Files.readString(chart)).contains(">OSSP: full stack</text>");
  }

  @Test
  void endToEndRatioIsNotJudged() throws IOException {
    // when
    String page = generatePage();

    // then: 2.40 ms over 1.60 ms is 1.50×, and the relative errors 1/24 and 1/16 give ± 0.11
    String ratio =
        row(page, "| End-to-end chain | no goal set | chain vs the same steps with bare parts |");
    assertThat(ratio).contains("| 1.50× ± 0.11 (2.40 ms vs 1.60 ms) | none |");
    assertThat(ratio).endsWith("| **not judged** |");
  }

  @Test
  void endToEndTargetUsesSampleP99() throws IOException {
    // when
    String page = generatePage();

    // then
    String latency =
        row(page, "| End-to-end chain | original target | latency (EndToEndBenchmark.chain) |");
    assertThat(latency).contains("| p99 9.20 ms | < 5,000 ms |");
    assertThat(latency).endsWith("| **met** |");
  }

  @Test
  void endToEndTableComparesWithBareParts() throws Exception {
    // when
    String page = generatePage();

    // then
    String chain = row(page, "| discovery, A2A, MCP | OSSP |");
    assertThat(chain).contains("| 2,400 ± 100 us/op | 2.40 ms | +800 µs | 146 KiB |");
    String direct = row(page, "| same steps, bare parts | list scan, HttpClient 5, raw pipe |");
    assertThat(direct).endsWith("| 97.7 KiB | 1.50× |");
    List<Double> widths = barWidths(directory.resolve("charts/e2e-chain.svg"));
    assertThat(widths).hasSize(2);
    assertThat(widths.get(1))
        .isCloseTo(SvgCharts.BAR_AREA * 1600 / 2400.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(directory.resolve("charts/e2e-percentiles.svg")).exists();
  }

  @Test
  void ratioWithoutBaselineIsNotMeasured() throws IOException {
    // given: a run of the chain alone
    Files.writeString(
        resultsFile,
        """
        {"format": "ossp-benchmark-results/1", "mode": "quick",
         "started": "2026-12-01T10:00:00Z", "finished": "2026-12-01T10:01:00Z",
         "environment": {"jdk": "17", "cpuModel": "Example CPU", "cores": 2, "gc": "G1",
                         "os": "Linux"},
         "results": [{"benchmark": "dev.ossp.runtime.benchmarks.EndToEndBenchmark.chain",
                      "mode": "avgt", "threads": 1, "forks": 1,
                      "primaryMetric": {"score": 2400.0, "scoreError": 100.0,
                                        "scoreUnit": "us/op"},
                      "secondaryMetrics": {}}]}
        """);

    // when
    String page = generatePage();

    // then
    String ratio =
        row(page, "| End-to-end chain | no goal set | chain vs the same steps with bare parts |");
    assertThat(ratio).contains("no result for EndToEndBenchmark.directChain (avgt)");
    assertThat(ratio).endsWith("| **not measured** |");
    String latency =
        row(page, "| End-to-end chain | original target | latency (EndToEndBenchmark.chain) |");
    assertThat(latency).contains("| mean 2.40 ms | < 5,000 ms |");
    assertThat(latency).endsWith("| **met** |");
  }

  @Test
  void readRejectsOtherFormat() throws IOException {
    // given
    Path raw = directory.resolve("raw.json");
    Files.writeString(raw, "{\"format\":\"something-else\",\"results\":[]}");

    // when / then
    assertThatThrownBy(() -> ResultsFile.read(raw))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("format is 'something-else'");
  }

  @Test
  void notesFileIsCopiedIntoPage() throws IOException {
    // given
    Files.writeString(
        directory.resolve("results/2026-12-01-jdk17.0.15.notes.md"), "The machine was shared.\n");

    // when
    String page = generatePage();

    // then
    assertThat(page).contains("The machine was shared.");
  }

  /** Returns the widths of the chart's rectangles after the white background, in order. */
  private static List<Double> barWidths(Path chart) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    Document svg =
        factory
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(Files.readString(chart))));
    NodeList rects = svg.getElementsByTagName("rect");
    List<Double> widths = new ArrayList<>();
    for (int i = 1; i < rects.getLength(); i++) {
      widths.add(Double.parseDouble(((Element) rects.item(i)).getAttribute("width")));
    }
    return widths;
  }
}
