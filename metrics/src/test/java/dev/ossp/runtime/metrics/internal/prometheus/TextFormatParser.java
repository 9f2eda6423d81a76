package dev.ossp.runtime.metrics.internal.prometheus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strict test-side reader of the Prometheus text format 0.0.4, used to check that names, label
 * values, {@code HELP} text and values survive the export. The Prometheus Java client 1.10 has
 * writers only, no parser, so the tests pair this reader with {@code promtool check metrics}.
 */
final class TextFormatParser {
  /** One sample line. */
  record Sample(String name, Map<String, String> labels, double value) {}

  /** Everything in one exposition. */
  record Exposition(Map<String, String> help, Map<String, String> types, List<Sample> samples) {
    /** Returns the samples called {@code name}. */
    List<Sample> samples(String name) {
      return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }

    /** Returns the value of the only sample of {@code name} with exactly {@code labels}. */
    double value(String name, Map<String, String> labels) {
      List<Sample> matching =
          samples.stream()
              .filter(sample -> sample.name().equals(name) && sample.labels().equals(labels))
              .toList();
      if (matching.size() != 1) {
        throw new AssertionError(
            "expected one sample " + name + labels + ", found " + matching.size());
      }
      return matching.get(0).value();
    }
  }

  private TextFormatParser() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException on a malformed line or a repeated series
   */
  static Exposition parse(String text) {
    Map<String, String> help = new LinkedHashMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    List<Sample> samples = new ArrayList<>();
    Set<String> series = new HashSet<>();
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("# HELP ")) {
        String rest = line.substring("# HELP ".length());
        int space = rest.indexOf(' ');
        help.put(rest.substring(0, space), unescapeHelp(rest.substring(space + 1)));
      } else if (line.startsWith("# TYPE ")) {
        String[] parts = line.substring("# TYPE ".length()).split(" ");
        types.put(parts[0], parts[1]);
      } else if (line.startsWith("#")) {
        continue;
      } else {
        Sample sample = parseSample(line);
        if (!series.add(sample.name() + sample.labels())) {
          throw new IllegalArgumentException("repeated series: " + line);
        }
        samples.add(sample);
      }
    }
    return new Exposition(help, types, samples);
  }

  private static Sample parseSample(String line) {
    int position = 0;
    while (position < line.length()
        && line.charAt(position) != '{'
        && line.charAt(position) != ' ') {
      position++;
    }
    String name = line.substring(0, position);
    if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
      throw new IllegalArgumentException("invalid metric name '" + name + "' in: " + line);
    }
    Map<String, String> labels = new HashMap<>();
    if (line.charAt(position) == '{') {
      position++;
      while (line.charAt(position) != '}') {
        int equals = line.indexOf('=', position);
        String label = line.substring(position, equals);
        if (line.charAt(equals + 1) != '"') {
          throw new IllegalArgumentException("label value must be quoted in: " + line);
        }
        StringBuilder value = new StringBuilder();
        int index = equals + 2;
        while (line.charAt(index) != '"') {
          char current = line.charAt(index);
          if (current == '\\') {
            char escaped = line.charAt(index + 1);
            value.append(
                switch (escaped) {
                  case 'n' -> '\n';
                  case '\\' -> '\\';
                  case '"' -> '"';
                  default ->
                      throw new IllegalArgumentException(
                          "invalid escape \\" + escaped + ": " + line);
                });
            index += 2;
          } else {
            value.append(current);
            index++;
          }
        }
        labels.put(label, value.toString());
        position = index + 1;
        if (line.charAt(position) == ',') {
          position++;
        }
      }
      position++;
    }
    String[] rest = line.substring(position).strip().split(" ");
    return new Sample(name, labels, parseValue(rest[0]));
  }

  private static double parseValue(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  private static String unescapeHelp(String text) {
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char current = text.charAt(i);
      if (current == '\\' && i + 1 < text.length()) {
        char escaped = text.charAt(++i);
        result.append(escaped == 'n' ? '\n' : escaped);
      } else {
        result.append(current);
      }
    }
    return result.toString();
  }
}
