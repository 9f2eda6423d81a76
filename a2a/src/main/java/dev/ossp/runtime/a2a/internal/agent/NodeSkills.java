package dev.ossp.runtime.a2a.internal.agent;

import dev.ossp.runtime.a2a.internal.protocol.Json;
import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.component.RuntimeInfo;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.discovery.QueryResult;
import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.spi.Strategies;
import dev.ossp.runtime.spi.StrategyKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The node agent's two skills. Thread-safe. */
final class NodeSkills {
  private static final Set<String> QUERY_FIELDS =
      Set.of(
          "skill",
          "domain",
          "capabilities",
          "anyCapabilities",
          "tags",
          "nameContains",
          "version",
          "binding",
          "limit",
          "offset",
          "cursor");

  private final @Nullable AgentRegistry registry;
  private final @Nullable RuntimeInfo runtime;
  private final Strategies strategies;

  NodeSkills(
      @Nullable AgentRegistry registry, @Nullable RuntimeInfo runtime, Strategies strategies) {
    this.registry = registry;
    this.runtime = runtime;
    this.strategies = Objects.requireNonNull(strategies, "strategies");
  }

  /** A skill whose backing component is not installed. */
  static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Runs a discovery query and returns the matching agents' cards.
   *
   * @throws ValidationException naming the first invalid query field
   */
  Map<String, Object> discoverAgents(Map<String, Object> fields) throws Unavailable {
    if (registry == null) {
      throw new Unavailable(
          "discover-agents needs the discovery component, which is not installed");
    }
    AgentQuery query = query(fields);
    QueryResult result = registry.query(query);
    List<Object> agents = new ArrayList<>();
    for (AgentRecord record : result.agents()) {
      Map<String, Object> agent = new LinkedHashMap<>();
      agent.put("urn", record.urn().toString());
      try {
        agent.put("card", Json.toJava(Json.parse(record.cardJson())));
      } catch (java.io.IOException e) {
        agent.put("card", record.cardJson());
      }
      agents.add(agent);
    }
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("agents", agents);
    output.put("total", result.total());
    output.put("returned", result.returned());
    result.next().ifPresent(next -> output.put("nextCursor", next));
    return output;
  }

  private static AgentQuery query(Map<String, Object> fields) {
    for (String name : fields.keySet()) {
      if (!QUERY_FIELDS.contains(name)) {
        throw invalid(
            name, "unknown query field; known fields: " + new java.util.TreeSet<>(QUERY_FIELDS));
      }
    }
    AgentQuery.Builder builder = AgentQuery.builder();
    builder.domain(text(fields, "domain"));
    builder.capabilities(list(fields, "capabilities"));
    builder.anyCapabilities(list(fields, "anyCapabilities"));
    builder.tags(list(fields, "tags"));
    builder.nameContains(text(fields, "nameContains"));
    builder.version(text(fields, "version"));
    builder.binding(text(fields, "binding"));
    builder.cursor(text(fields, "cursor"));
    Object limit = fields.get("limit");
    if (limit != null) {
      builder.limit(number(limit, "limit"));
    }
    Object offset = fields.get("offset");
    if (offset != null) {
      builder.offset(number(offset, "offset"));
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw invalid("query", e.getMessage());
    }
  }

  private static @Nullable String text(Map<String, Object> fields, String name) {
    Object value = fields.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw invalid(name, "must be text");
    }
    return text;
  }

  private static List<String> list(Map<String, Object> fields, String name) {
    Object value = fields.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof String text) {
      return List.of(text);
    }
    if (value instanceof List<?> values) {
      List<String> result = new ArrayList<>();
      for (Object element : values) {
        if (!(element instanceof String text)) {
          throw invalid(name, "must be a list of text");
        }
        result.add(text);
      }
      return result;
    }
    throw invalid(name, "must be text or a list of text");
  }

  private static int number(Object value, String name) {
    if (value instanceof Number number
        && number.longValue() >= 0
        && number.longValue() <= 100_000) {
      return number.intValue();
    }
    throw invalid(name, "must be a whole number in 0..100000");
  }

  private static ValidationException invalid(String field, String message) {
    return new ValidationException(
        "invalid discover-agents query: " + field + ": " + message, new Violation(field, message));
  }

  /** Returns the components with their health, the overall status and the strategies. */
  Map<String, Object> describeRuntime() throws Unavailable {
    if (runtime == null) {
      throw new Unavailable(
          "describe-runtime needs the runtime core's RuntimeInfo, which is not bound");
    }
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("status", runtime.status().name().toLowerCase(java.util.Locale.ROOT));
    runtime.statusMessage().ifPresent(message -> output.put("message", message));
    Map<String, ComponentHealth> health = runtime.componentHealth();
    List<Object> components = new ArrayList<>();
    for (String name : runtime.components()) {
      Map<String, Object> component = new LinkedHashMap<>();
      component.put("name", name);
      ComponentHealth report = health.get(name);
      if (report != null) {
        component.put("status", report.status().name().toLowerCase(java.util.Locale.ROOT));
        if (report.message() != null) {
          component.put("message", report.message());
        }
        component.put("details", Json.toJava(Json.fromJava(report.details())));
      }
      components.add(component);
    }
    output.put("components", components);
    Map<String, Object> strategyMap = new LinkedHashMap<>();
    for (StrategyKind<?> kind : StrategyKind.ALL) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("installed", List.copyOf(strategies.names(kind)));
      if (kind.configKey().isPresent()) {
        try {
          entry.put("selected", strategies.selected(kind).name());
        } catch (IllegalStateException e) {
          entry.put("selected", "not installed");
        }
      }
      strategyMap.put(kind.label(), entry);
    }
    output.put("strategies", strategyMap);
    return output;
  }
}
