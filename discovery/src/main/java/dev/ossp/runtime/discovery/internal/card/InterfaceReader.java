package dev.ossp.runtime.discovery.internal.card;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.discovery.AgentInterface;
import dev.ossp.runtime.discovery.CardShape;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a card's endpoints into one list, preferred first, whatever the card's shape.
 *
 * <ul>
 *   <li>A2A v0.2: {@code url}, binding {@code JSONRPC};
 *   <li>A2A v0.3: {@code url} with {@code preferredTransport} (default {@code JSONRPC}), then each
 *       {@code additionalInterfaces} entry, then any v1.0 {@code supportedInterfaces} entry;
 *   <li>A2A v1.0: each {@code supportedInterfaces} entry, in card order;
 *   <li>OSSP manifest: each {@code endpoints} entry except {@code health} and {@code metrics}, with
 *       the entry's name as binding; relative paths resolve against the first absolute one.
 * </ul>
 *
 * <p>An interface's protocol version is its own {@code protocolVersion}, else the card's top-level
 * {@code protocolVersion}, else unknown. Exact duplicates are listed once.
 */
final class InterfaceReader {
  /** Manifest endpoint names that are not agent interfaces. */
  private static final Set<String> NON_INTERFACE_ENDPOINTS = Set.of("health", "metrics");

  private final CardFields fields;

  InterfaceReader(CardFields fields) {
    this.fields = fields;
  }

  /** The interfaces and, for manifests, the health endpoint. */
  record Endpoints(List<AgentInterface> interfaces, @Nullable URI healthEndpoint) {}

  Endpoints read(JsonNode card, CardShape shape, @Nullable String cardProtocolVersion) {
    Set<AgentInterface> interfaces = new LinkedHashSet<>();
    URI health = null;
    switch (shape) {
      case A2A_V0_2 -> addPrimary(card, "JSONRPC", cardProtocolVersion, interfaces);
      case A2A_V0_3 -> {
        String preferred = fields.text(card, "preferredTransport", "preferredTransport");
        addPrimary(
            card,
            preferred == null || preferred.isEmpty() ? "JSONRPC" : preferred,
            cardProtocolVersion,
            interfaces);
        addAdditional(card, cardProtocolVersion, interfaces);
        addSupported(card, cardProtocolVersion, interfaces);
      }
      case A2A_V1_0 -> addSupported(card, cardProtocolVersion, interfaces);
      case OSSP_MANIFEST -> health = addEndpoints(card, interfaces);
    }
    if (interfaces.size() > CardLimits.MAX_INTERFACES) {
      fields.add(
          "interfaces",
          "card lists "
              + interfaces.size()
              + " interfaces; at most "
              + CardLimits.MAX_INTERFACES
              + " are allowed");
    }
    return new Endpoints(List.copyOf(interfaces), health);
  }

  private void addPrimary(
      JsonNode card, String binding, @Nullable String version, Set<AgentInterface> out) {
    String url = fields.text(card, "url", "url");
    if (url == null) {
      return;
    }
    URI uri = UrlRules.check("url", url, null, fields.violations());
    if (uri != null) {
      out.add(new AgentInterface(uri, binding, version));
    }
  }

  private void addAdditional(JsonNode card, @Nullable String version, Set<AgentInterface> out) {
    JsonNode list = fields.array(card, "additionalInterfaces", "additionalInterfaces");
    if (list == null) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String path = "additionalInterfaces[" + i + "]";
      JsonNode entry = list.get(i);
      if (!entry.isObject()) {
        fields.add(path, path + " must be an object, was " + CardFields.describe(entry));
        continue;
      }
      String url = fields.text(entry, "url", path + ".url");
      String transport = fields.text(entry, "transport", path + ".transport");
      if (url == null) {
        fields.add(path + ".url", path + ".url is required");
      }
      if (transport == null || transport.isEmpty()) {
        fields.add(path + ".transport", path + ".transport is required, such as JSONRPC or GRPC");
      }
      URI uri = url == null ? null : UrlRules.check(path + ".url", url, null, fields.violations());
      if (uri != null && transport != null && !transport.isEmpty()) {
        out.add(new AgentInterface(uri, transport, version));
      }
    }
  }

  private void addSupported(JsonNode card, @Nullable String version, Set<AgentInterface> out) {
    JsonNode list = fields.array(card, "supportedInterfaces", "supportedInterfaces");
    if (list == null) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String path = "supportedInterfaces[" + i + "]";
      JsonNode entry = list.get(i);
      if (!entry.isObject()) {
        fields.add(path, path + " must be an object, was " + CardFields.describe(entry));
        continue;
      }
      String url = fields.text(entry, "url", path + ".url");
      String binding = fields.text(entry, "protocolBinding", path + ".protocolBinding");
      String ownVersion = fields.text(entry, "protocolVersion", path + ".protocolVersion");
      if (url == null) {
        fields.add(path + ".url", path + ".url is required");
      }
      if (binding == null || binding.isEmpty()) {
        fields.add(
            path + ".protocolBinding",
            path + ".protocolBinding is required, such as JSONRPC, GRPC or HTTP+JSON");
      }
      URI uri = url == null ? null : UrlRules.check(path + ".url", url, null, fields.violations());
      if (uri != null && binding != null && !binding.isEmpty()) {
        String effective = ownVersion == null || ownVersion.isEmpty() ? version : ownVersion;
        out.add(new AgentInterface(uri, binding, effective));
      }
    }
  }

  private @Nullable URI addEndpoints(JsonNode card, Set<AgentInterface> out) {
    JsonNode endpoints = fields.object(card, "endpoints", "endpoints");
    if (endpoints == null) {
      return null;
    }
    URI base = firstAbsolute(endpoints);
    URI health = null;
    Iterator<Map.Entry<String, JsonNode>> entries = endpoints.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String path = "endpoints." + entry.getKey();
      JsonNode value = entry.getValue();
      if (!value.isTextual()) {
        fields.add(path, path + " must be a URL string, was " + CardFields.describe(value));
        continue;
      }
      URI uri = UrlRules.check(path, value.textValue().strip(), base, fields.violations());
      if (uri == null) {
        continue;
      }
      if (entry.getKey().equals("health")) {
        health = uri;
      } else if (!NON_INTERFACE_ENDPOINTS.contains(entry.getKey())) {
        out.add(new AgentInterface(uri, entry.getKey(), null));
      }
    }
    return health;
  }

  private static @Nullable URI firstAbsolute(JsonNode endpoints) {
    List<String> candidates = new ArrayList<>();
    endpoints
        .elements()
        .forEachRemaining(
            value -> {
              if (value.isTextual()) {
                candidates.add(value.textValue().strip());
              }
            });
    for (String candidate : candidates) {
      try {
        URI uri = new URI(candidate);
        if (uri.isAbsolute()
            && uri.getRawUserInfo() == null
            && uri.getHost() != null
            && (candidate.startsWith("http://") || candidate.startsWith("https://"))) {
          return uri;
        }
      } catch (java.net.URISyntaxException e) {
        // Reported when the entry itself is checked.
      }
    }
    return null;
  }
}
