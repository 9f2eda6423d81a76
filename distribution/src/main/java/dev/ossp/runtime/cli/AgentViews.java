package dev.ossp.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.discovery.AgentInterface;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentSkill;
import dev.ossp.runtime.discovery.CardShape;
import dev.ossp.runtime.discovery.QueryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Agent records as JSON in the field names of the node's registry API, and as table rows. Records
 * of the embedded registry are converted with {@link #record}, so {@code --local} prints what the
 * node would.
 */
final class AgentViews {
  /** The columns of an agent table. */
  static final List<String> HEADERS = List.of("URN", "NAME", "CARD", "CAPABILITIES", "ENDPOINT");

  private AgentViews() {}

  /** Returns the record as the node's API renders it; with the card when {@code withCard}. */
  static ObjectNode record(AgentRecord record, boolean withCard) {
    ObjectNode node = Output.JSON.createObjectNode();
    node.put("urn", record.urn().toString());
    node.put("domain", record.domain());
    node.put("name", record.name());
    node.put("version", record.version().toString());
    record.description().ifPresent(text -> node.put("description", text));
    node.put("revision", record.revision());
    node.put("registeredAt", record.registeredAt().toString());
    node.put("lastUpdated", record.lastUpdated().toString());
    ArrayNode interfaces = node.putArray("interfaces");
    for (AgentInterface agentInterface : record.interfaces()) {
      ObjectNode entry = interfaces.addObject();
      entry.put("url", agentInterface.url().toString());
      entry.put("binding", agentInterface.binding());
      if (agentInterface.protocolVersion() != null) {
        entry.put("protocolVersion", agentInterface.protocolVersion());
      }
    }
    ArrayNode capabilities = node.putArray("capabilities");
    new TreeSet<>(record.capabilities()).forEach(capabilities::add);
    ArrayNode tags = node.putArray("tags");
    new TreeSet<>(record.tags()).forEach(tags::add);
    ArrayNode skills = node.putArray("skills");
    for (AgentSkill skill : record.skills()) {
      ObjectNode entry = skills.addObject();
      if (skill.id() != null) {
        entry.put("id", skill.id());
      }
      if (skill.name() != null) {
        entry.put("name", skill.name());
      }
    }
    node.put("cardShape", shapeName(record.shape()));
    if (withCard) {
      node.set("card", Output.parse(record.cardJson()));
    }
    return node;
  }

  /** Returns the query result as the node's API renders it. */
  static ObjectNode result(QueryResult result) {
    ObjectNode node = Output.JSON.createObjectNode();
    ArrayNode agents = node.putArray("agents");
    for (AgentRecord record : result.agents()) {
      agents.add(record(record, false));
    }
    node.put("total", result.total());
    node.put("returned", result.returned());
    node.put("offset", result.offset());
    if (result.nextCursor() != null) {
      node.put("nextCursor", result.nextCursor());
    }
    node.put("cached", result.cached());
    node.put("executionTimeMicros", result.executionTime().toNanos() / 1000);
    return node;
  }

  /** Returns the table row of a record in the API's JSON form. */
  static List<String> row(JsonNode agent) {
    List<String> capabilities = new ArrayList<>();
    agent.path("capabilities").forEach(value -> capabilities.add(value.asText()));
    JsonNode first = agent.path("interfaces").path(0);
    String endpoint =
        first.isMissingNode()
            ? ""
            : first.path("url").asText() + " (" + first.path("binding").asText() + ")";
    return List.of(
        agent.path("urn").asText(),
        agent.path("name").asText(),
        agent.path("cardShape").asText(),
        String.join(",", capabilities),
        endpoint);
  }

  /** Returns the table rows of a list of records in the API's JSON form. */
  static List<List<String>> rows(JsonNode agents) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode agent : agents) {
      rows.add(row(agent));
    }
    return rows;
  }

  /** Prints one agent's details as labelled lines. */
  static void printDetails(Output output, JsonNode agent) {
    output.heading(agent.path("urn").asText());
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("name", agent.path("name").asText()));
    if (agent.hasNonNull("description")) {
      rows.add(List.of("description", agent.path("description").asText()));
    }
    rows.add(List.of("version", agent.path("version").asText()));
    rows.add(List.of("card shape", agent.path("cardShape").asText()));
    rows.add(List.of("revision", agent.path("revision").asText()));
    rows.add(List.of("registered", agent.path("registeredAt").asText()));
    for (JsonNode agentInterface : agent.path("interfaces")) {
      String version = agentInterface.path("protocolVersion").asText("");
      rows.add(
          List.of(
              "interface",
              agentInterface.path("url").asText()
                  + " "
                  + agentInterface.path("binding").asText()
                  + (version.isEmpty() ? "" : " " + version)));
    }
    List<String> capabilities = new ArrayList<>();
    agent.path("capabilities").forEach(value -> capabilities.add(value.asText()));
    rows.add(List.of("capabilities", String.join(", ", capabilities)));
    for (JsonNode skill : agent.path("skills")) {
      rows.add(
          List.of("skill", skill.path("id").asText() + " (" + skill.path("name").asText() + ")"));
    }
    for (List<String> row : rows) {
      output.println(String.format("  %-13s %s", row.get(0), row.get(1)));
    }
  }

  /** The card shape as the node's API names it, such as {@code a2a-v0.3}. */
  static String shapeName(CardShape shape) {
    return switch (shape) {
      case A2A_V0_2 -> "a2a-v0.2";
      case A2A_V0_3 -> "a2a-v0.3";
      case A2A_V1_0 -> "a2a-v1.0";
      case OSSP_MANIFEST -> "ossp-manifest";
    };
  }
}
