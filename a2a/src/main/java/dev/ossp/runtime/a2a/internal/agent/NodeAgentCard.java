package dev.ossp.runtime.a2a.internal.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.a2a.internal.protocol.Json;
import java.net.URI;
import java.util.List;

/**
 * The node agent's card in its two shapes: the v0.3 card (with {@code url}, {@code
 * preferredTransport} and {@code additionalInterfaces}) that also lists the v1.0 {@code
 * supportedInterfaces}, served when the client asks for no version or for 0.3; and the v1.0 card,
 * served for {@code A2A-Version: 1.0}.
 */
final class NodeAgentCard {
  /** The skill that runs a discovery query and returns the matching agents' cards. */
  static final String DISCOVER_AGENTS = "discover-agents";

  /** The skill that describes the runtime's components, strategies and health. */
  static final String DESCRIBE_RUNTIME = "describe-runtime";

  /** Every skill id, in card order. */
  static final List<String> SKILLS = List.of(DISCOVER_AGENTS, DESCRIBE_RUNTIME);

  private NodeAgentCard() {}

  static String v03(String name, String version, URI endpoint) {
    ObjectNode card = common(name, version);
    card.put("url", endpoint.toString());
    card.put("preferredTransport", "JSONRPC");
    card.put("protocolVersion", "0.3.0");
    ArrayNode additional = card.putArray("additionalInterfaces");
    additional.addObject().put("url", endpoint.toString()).put("transport", "JSONRPC");
    card.put("supportsAuthenticatedExtendedCard", false);
    card.set("supportedInterfaces", interfaces(endpoint));
    ObjectNode capabilities = card.putObject("capabilities");
    capabilities.put("streaming", false);
    capabilities.put("pushNotifications", false);
    capabilities.put("stateTransitionHistory", false);
    return Json.write(card);
  }

  static String v10(String name, String version, URI endpoint) {
    ObjectNode card = common(name, version);
    card.set("supportedInterfaces", interfaces(endpoint));
    ObjectNode capabilities = card.putObject("capabilities");
    capabilities.put("streaming", false);
    capabilities.put("pushNotifications", false);
    capabilities.put("extendedAgentCard", false);
    capabilities.putArray("extensions");
    card.putArray("securityRequirements");
    card.putArray("signatures");
    return Json.write(card);
  }

  private static ArrayNode interfaces(URI endpoint) {
    ArrayNode interfaces = Json.array();
    for (String version : List.of("1.0", "0.3")) {
      interfaces
          .addObject()
          .put("url", endpoint.toString())
          .put("protocolBinding", "JSONRPC")
          .put("tenant", "")
          .put("protocolVersion", version);
    }
    return interfaces;
  }

  private static ObjectNode common(String name, String version) {
    ObjectNode card = Json.object();
    card.put("name", name);
    card.put(
        "description",
        "An OSSP runtime node: finds registered agents and describes the runtime. Name the skill"
            + " in the message metadata 'skill', in a data part's 'skill' field, or as the first"
            + " word of the text.");
    card.put("version", version);
    card.putObject("provider").put("organization", "OSSP Runtime");
    card.putArray("defaultInputModes").add("application/json").add("text/plain");
    card.putArray("defaultOutputModes").add("application/json");
    ArrayNode skills = card.putArray("skills");
    ObjectNode discover = skills.addObject();
    discover.put("id", DISCOVER_AGENTS);
    discover.put("name", "Discover agents");
    discover.put(
        "description",
        "Runs a discovery query given in a data part (domain, capabilities, anyCapabilities, tags,"
            + " nameContains, version, binding, limit, offset, cursor) and returns the matching"
            + " agents' cards.");
    discover.putArray("tags").add("discovery").add("registry");
    discover
        .putArray("examples")
        .add("{\"skill\":\"discover-agents\",\"capabilities\":[\"echo\"]}");
    ObjectNode describe = skills.addObject();
    describe.put("id", DESCRIBE_RUNTIME);
    describe.put("name", "Describe runtime");
    describe.put(
        "description", "Returns the runtime's components with their health, and its strategies.");
    describe.putArray("tags").add("runtime").add("health");
    describe.putArray("examples").add("describe-runtime");
    return card;
  }
}
