package dev.ossp.runtime.metrics.internal.registry;

import dev.ossp.runtime.metrics.MetricType;
import java.util.List;
import java.util.Objects;

/**
 * The rules that turn a facade metric name into a Prometheus metric family name.
 *
 * <ol>
 *   <li>Every character outside {@code [a-zA-Z0-9_:]} becomes {@code _}, one per code point, so
 *       {@code ossp.a2a.requests} becomes {@code ossp_a2a_requests} and {@code café} becomes {@code
 *       caf_}. A leading digit gets a {@code _} in front.
 *   <li>A counter loses trailing {@code _total} suffixes, which the writer adds back on samples.
 *   <li>A timer gets {@code _seconds} and any other metric gets its unit as a suffix, unless the
 *       name already ends with it.
 * </ol>
 *
 * <p>This class is stateless and thread-safe.
 */
public final class ExportNames {
  private ExportNames() {}

  /**
   * Returns {@code name} with every character that the Prometheus text format does not allow in a
   * metric name replaced by {@code _}.
   *
   * @throws IllegalArgumentException if the name is empty
   */
  public static String sanitize(String name) {
    Objects.requireNonNull(name, "name");

    if (name.isEmpty()) {
      throw new IllegalArgumentException("metric name must not be empty");
    }
    StringBuilder sanitized = new StringBuilder(name.length() + 1);
    if (name.charAt(0) >= '0' && name.charAt(0) <= '9') {
      sanitized.append('_');
    }
    name.codePoints()
        .forEach(codePoint -> sanitized.append(isAllowed(codePoint) ? (char) codePoint : '_'));
    return sanitized.toString();
  }

  /**
   * Returns the family name that a metric of {@code type} and {@code unit} exports under.
   *
   * @param unit a unit such as {@code seconds}, or empty
   */
  public static String familyName(String name, MetricType type, String unit) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(unit, "unit");

    String family = sanitize(name);
    if (type == MetricType.COUNTER) {
      while (family.endsWith("_total") && family.length() > "_total".length()) {
        family = family.substring(0, family.length() - "_total".length());
      }
    }
    String suffix = type == MetricType.TIMER ? "seconds" : unit;
    if (!suffix.isEmpty() && !family.endsWith("_" + suffix)) {
      family = family + "_" + suffix;
    }
    return family;
  }

  /**
   * Returns every name that samples or metadata of a family of {@code type} may use in any
   * Prometheus or OpenMetrics text format, so that two families never share one.
   */
  public static List<String> claimedNames(String family, MetricType type) {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(type, "type");

    return switch (type) {
      case COUNTER -> List.of(family, family + "_total", family + "_created");
      case TIMER, HISTOGRAM ->
          List.of(family, family + "_count", family + "_sum", family + "_created");
      case GAUGE -> List.of(family);
    };
  }

  private static boolean isAllowed(int codePoint) {
    return (codePoint >= 'a' && codePoint <= 'z')
        || (codePoint >= 'A' && codePoint <= 'Z')
        || (codePoint >= '0' && codePoint <= '9')
        || codePoint == '_'
        || codePoint == ':';
  }
}
