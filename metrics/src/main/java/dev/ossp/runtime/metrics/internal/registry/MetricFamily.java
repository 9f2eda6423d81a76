package dev.ossp.runtime.metrics.internal.registry;

import dev.ossp.runtime.metrics.MetricType;
import java.util.Objects;

/**
 * The meters that share one facade name: their type, unit and exported family name.
 *
 * @param name the dotted facade name
 * @param type the meter type
 * @param unit the unit from the catalogue, or empty
 * @param exportName the Prometheus family name, see {@link ExportNames}
 * @param functionCounter whether the counter reads a monotonic value from a supplier instead of
 *     counting increments
 */
public record MetricFamily(
    String name, MetricType type, String unit, String exportName, boolean functionCounter) {
  /** Checks that every part is present. */
  public MetricFamily {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(exportName, "exportName");
  }
}
