package dev.ossp.runtime.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes the report's charts as standalone SVG documents: horizontal bars of one score per row, and
 * grouped bars of latency percentiles. Every bar's length is proportional to its value on a linear
 * axis that starts at zero.
 */
final class SvgCharts {
  static final int WIDTH = 840;
  static final int LABEL_WIDTH = 410;
  static final int BAR_AREA = 300;
  private static final int ROW_HEIGHT = 26;
  private static final int TOP = 48;
  private static final String FONT = "font-family=\"sans-serif\" font-size=\"12\"";
  private static final String[] PERCENTILE_COLORS = {"#4c78a8", "#f58518", "#e45756"};

  private SvgCharts() {}

  /**
   * One bar.
   *
   * @param label the row's text left of the bar
   * @param value the bar's length, in the chart's unit, never negative
   * @param role picks the color: ours, an anchor, or a baseline
   */
  record Bar(String label, double value, Variant.Role role) {
    Bar {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(role, "role");
    }
  }

  /**
   * The latency percentiles of one benchmark, in nanoseconds.
   *
   * @param label the benchmark's text left of its bars
   */
  record Percentiles(String label, double p50, double p90, double p99) {
    Percentiles {
      Objects.requireNonNull(label, "label");
    }
  }

  /** Draws one bar per row, with its value printed after the bar in {@code unit}. */
  static String bars(String title, String unit, List<Bar> bars) {
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    int height = TOP + bars.size() * ROW_HEIGHT + 16;
    StringBuilder svg = header(title, height);
    int y = TOP;
    for (Bar bar : bars) {
      double length = max > 0 ? bar.value() / max * BAR_AREA : 0;
      svg.append(label(bar.label(), y + 13));
      svg.append(rect(LABEL_WIDTH, y + 2, length, ROW_HEIGHT - 8, color(bar.role())));
      svg.append(
          valueText(LABEL_WIDTH + length + 6, y + 13, Units.number(bar.value()) + " " + unit));
      y += ROW_HEIGHT;
    }
    return svg.append("</svg>\n").toString();
  }

  /** Draws p50, p90 and p99 bars for each benchmark on one axis in the unit that fits the max. */
  static String percentiles(String title, List<Percentiles> rows) {
    double max = rows.stream().mapToDouble(Percentiles::p99).max().orElse(0);
    String unit = Units.timeUnitFor(max);
    double divisor = Units.nanosInUnitFor(max);
    int rowHeight = 3 * 14 + 10;
    int height = TOP + 18 + rows.size() * rowHeight + 8;
    StringBuilder svg = header(title, height);
    String[] names = {"p50", "p90", "p99"};
    for (int i = 0; i < names.length; i++) {
      int x = LABEL_WIDTH + i * 70;
      svg.append(rect(x, TOP - 6, 10, 10, PERCENTILE_COLORS[i]));
      svg.append(valueText(x + 14, TOP + 3, names[i]));
    }
    int y = TOP + 18;
    for (Percentiles row : rows) {
      svg.append(label(row.label(), y + 24));
      double[] values = {row.p50(), row.p90(), row.p99()};
      for (int i = 0; i < values.length; i++) {
        double length = max > 0 ? values[i] / max * BAR_AREA : 0;
        int barY = y + i * 14;
        svg.append(rect(LABEL_WIDTH, barY, length, 11, PERCENTILE_COLORS[i]));
        svg.append(
            valueText(
                LABEL_WIDTH + length + 6,
                barY + 10,
                Units.number(values[i] / divisor) + " " + unit));
      }
      y += rowHeight;
    }
    return svg.append("</svg>\n").toString();
  }

  private static StringBuilder header(String title, int height) {
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n",
            WIDTH,
            height,
            WIDTH,
            height));
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n",
            WIDTH,
            height));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"10\" y=\"22\" font-family=\"sans-serif\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
            escape(title)));
    return svg;
  }

  private static String label(String text, int y) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" %s text-anchor=\"end\">%s</text>%n",
        LABEL_WIDTH - 8,
        y,
        FONT,
        escape(text));
  }

  private static String valueText(double x, int y, String text) {
    return String.format(
        Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" %s>%s</text>%n", x, y, FONT, escape(text));
  }

  private static String rect(double x, int y, double width, int height, String fill) {
    return String.format(
        Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
        x,
        y,
        width,
        height,
        fill);
  }

  private static String color(Variant.Role role) {
    return switch (role) {
      case OURS -> "#2f6fb0";
      case ANCHOR -> "#e08a2c";
      case BASELINE -> "#9a9a9a";
    };
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
