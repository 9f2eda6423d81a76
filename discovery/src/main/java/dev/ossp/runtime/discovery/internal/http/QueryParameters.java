package dev.ossp.runtime.discovery.internal.http;

import dev.ossp.runtime.discovery.AgentHealth;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.error.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an {@link AgentQuery} from the query string of {@code GET /v1/agents}. List parameters
 * ({@code capability}, {@code anyCapability}, {@code tag}) may repeat and may hold comma-separated
 * values. Unknown parameters are rejected, so a typo never silently widens a query.
 */
final class QueryParameters {
  static final Set<String> NAMES =
      new TreeSet<>(
          List.of(
              "domain",
              "capability",
              "anyCapability",
              "tag",
              "name",
              "version",
              "binding",
              "health",
              "includeHealth",
              "sort",
              "order",
              "limit",
              "offset",
              "cursor"));

  private QueryParameters() {}

  /**
   * Parses the parameters.
   *
   * @throws ValidationException listing every invalid or unknown parameter
   */
  static AgentQuery parse(Map<String, List<String>> parameters) {
    List<Violation> violations = new ArrayList<>();
    AgentQuery.Builder builder = AgentQuery.builder();
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      List<String> values = parameter.getValue();
      String value = values.isEmpty() ? "" : values.get(0);
      if (!NAMES.contains(name)) {
        violations.add(new Violation(name, "unknown query parameter; valid parameters: " + NAMES));
        continue;
      }
      if (!name.equals("capability")
          && !name.equals("anyCapability")
          && !name.equals("tag")
          && values.size() > 1) {
        violations.add(new Violation(name, name + " may be given once"));
        continue;
      }
      try {
        apply(builder, name, value, values);
      } catch (ValidationException e) {
        violations.addAll(e.violations());
      } catch (IllegalArgumentException e) {
        violations.add(new Violation(name, e.getMessage()));
      }
    }
    try {
      AgentQuery query = builder.build();
      if (violations.isEmpty()) {
        return query;
      }
    } catch (ValidationException e) {
      violations.addAll(e.violations());
    }
    throw new ValidationException("invalid query: " + violations, violations);
  }

  private static void apply(
      AgentQuery.Builder builder, String name, String value, List<String> values) {
    switch (name) {
      case "domain" -> builder.domain(value);
      case "capability" -> builder.capabilities(split(values));
      case "anyCapability" -> builder.anyCapabilities(split(values));
      case "tag" -> builder.tags(split(values));
      case "name" -> builder.nameContains(value);
      case "version" -> builder.version(value);
      case "binding" -> builder.binding(value);
      case "health" -> builder.health(health(value));
      case "includeHealth" -> builder.includeHealth(bool(value));
      case "sort" -> builder.sort(AgentQuery.SortField.fromWireName(value));
      case "order" -> builder.order(AgentQuery.SortOrder.fromWireName(value));
      case "limit" -> builder.limit(integer(value, "limit"));
      case "offset" -> builder.offset(integer(value, "offset"));
      case "cursor" -> builder.cursor(value);
      default -> throw new IllegalArgumentException("unknown query parameter");
    }
  }

  private static List<String> split(List<String> values) {
    List<String> items = new ArrayList<>();
    for (String value : values) {
      for (String item : value.split(",", -1)) {
        items.add(item);
      }
    }
    return items;
  }

  private static AgentHealth.Status health(String value) {
    for (AgentHealth.Status status : AgentHealth.Status.values()) {
      if (status.wireName().equals(value.toLowerCase(Locale.ROOT))) {
        return status;
      }
    }
    throw new IllegalArgumentException(
        "health '" + value + "' is invalid; valid values: healthy, unhealthy, unknown");
  }

  private static boolean bool(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              "includeHealth '" + value + "' is invalid; valid values: true, false");
    };
  }

  private static int integer(String value, String name) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " '" + value + "' is not a whole number");
    }
  }
}
