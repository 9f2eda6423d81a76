package dev.ossp.runtime.metrics;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of the metric catalogue: the name a module records under, the meter type, the unit, the
 * tag keys it carries, the module that records it, and the text exported as Prometheus {@code
 * HELP}.
 *
 * <p>Names are dotted lower case, each segment matching {@code [a-z][a-z0-9_]*}. The unit is empty
 * or a Prometheus base unit such as {@code seconds}, {@code bytes} or {@code ratio}; the exporter
 * appends it to the exported name. Timers are always exported in seconds.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name the dotted name passed to {@link Metrics}, such as {@code ossp.discovery.queries}
 * @param type the meter type
 * @param unit the unit appended to the exported name, or empty
 * @param tagKeys the tag keys recorded with the metric, in the order documented
 * @param owner the module that records the metric, such as {@code discovery}
 * @param description one sentence exported as {@code HELP}
 */
public record MetricDefinition(
    String name,
    MetricType type,
    String unit,
    List<String> tagKeys,
    String owner,
    String description) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
  private static final Pattern UNIT = Pattern.compile("|[a-z][a-z0-9_]*");
  private static final Pattern TAG_KEY = Pattern.compile("[a-z][a-z0-9_]*");

  /**
   * Checks every part.
   *
   * @throws IllegalArgumentException if the name, unit, a tag key or the owner has an invalid form,
   *     or the description is blank
   */
  public MetricDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(tagKeys, "tagKeys");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(description, "description");

    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "metric name '" + name + "' must be dotted segments of [a-z][a-z0-9_]*");
    }
    if (!UNIT.matcher(unit).matches()) {
      throw new IllegalArgumentException(
          "unit '" + unit + "' of metric " + name + " must be empty or match [a-z][a-z0-9_]*");
    }
    if (type == MetricType.TIMER && !unit.equals("seconds")) {
      throw new IllegalArgumentException(
          "timer " + name + " must have the unit 'seconds', was '" + unit + "'");
    }
    tagKeys = List.copyOf(tagKeys);
    for (String key : tagKeys) {
      if (!TAG_KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(
            "tag key '" + key + "' of metric " + name + " must match [a-z][a-z0-9_]*");
      }
    }
    if (!TAG_KEY.matcher(owner).matches()) {
      throw new IllegalArgumentException(
          "owner '" + owner + "' of metric " + name + " must be a module name such as discovery");
    }
    if (description.isBlank()) {
      throw new IllegalArgumentException("description of metric " + name + " must not be blank");
    }
  }
}
