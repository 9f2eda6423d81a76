package dev.ossp.runtime.a2a.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.a2a.AgentCard;
import dev.ossp.runtime.discovery.AgentInterface;
import dev.ossp.runtime.discovery.AgentSkill;
import dev.ossp.runtime.discovery.CardShape;
import dev.ossp.runtime.discovery.ProtocolFeatures;
import dev.ossp.runtime.discovery.SecurityScheme;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads an agent card of any A2A shape (v0.2, v0.3, the hybrid v0.3 card of a v1.0 agent with its
 * compat layer on, and v1.0) into one {@link AgentCard}. Relative endpoint URLs resolve against the
 * URL that served the card. A card without a name or without any endpoint is rejected: there is no
 * placeholder card. Stateless.
 */
public final class CardParser {
  private CardParser() {}

  /**
   * Parses {@code json}, served by {@code source}.
   *
   * @throws WireFormatException naming what is missing or invalid
   */
  public static AgentCard parse(String json, URI source) {
    JsonNode card;
    try {
      card = Json.parse(json);
    } catch (IOException e) {
      throw new WireFormatException("the agent card is not valid JSON");
    }
    if (card == null || !card.isObject()) {
      throw new WireFormatException("the agent card is not a JSON object");
    }
    String name = Json.nonEmpty(card, "name");
    if (name == null) {
      throw new WireFormatException("the agent card has no name");
    }
    String topUrl = Json.nonEmpty(card, "url");
    boolean hasSupported = card.path("supportedInterfaces").isArray();
    CardShape shape;
    if (topUrl == null && hasSupported) {
      shape = CardShape.A2A_V1_0;
    } else if (topUrl != null
        && (card.has("preferredTransport")
            || card.has("additionalInterfaces")
            || card.has("protocolVersion")
            || hasSupported)) {
      shape = CardShape.A2A_V0_3;
    } else if (topUrl != null) {
      shape = CardShape.A2A_V0_2;
    } else {
      throw new WireFormatException(
          "the agent card names no endpoint: it has neither 'url' nor 'supportedInterfaces'");
    }
    String protocolVersion = Json.nonEmpty(card, "protocolVersion");
    Set<AgentInterface> interfaces = new LinkedHashSet<>();
    if (topUrl != null) {
      String transport = Json.nonEmpty(card, "preferredTransport");
      interfaces.add(
          new AgentInterface(
              resolve(source, topUrl),
              transport == null ? "JSONRPC" : transport,
              protocolVersion != null
                  ? protocolVersion
                  : shape == CardShape.A2A_V0_2 ? "0.2" : "0.3"));
      for (JsonNode extra : Wire.array(card, "additionalInterfaces")) {
        String url = Json.nonEmpty(extra, "url");
        String binding = Json.nonEmpty(extra, "transport");
        if (url != null && binding != null) {
          interfaces.add(
              new AgentInterface(
                  resolve(source, url),
                  binding,
                  protocolVersion == null ? "0.3" : protocolVersion));
        }
      }
    }
    for (JsonNode supported : Wire.array(card, "supportedInterfaces")) {
      String url = Json.nonEmpty(supported, "url");
      String binding = Json.nonEmpty(supported, "protocolBinding");
      if (binding == null) {
        binding = Json.nonEmpty(supported, "transport");
      }
      if (url != null && binding != null) {
        interfaces.add(
            new AgentInterface(
                resolve(source, url), binding, Json.nonEmpty(supported, "protocolVersion")));
      }
    }
    if (interfaces.isEmpty()) {
      throw new WireFormatException("the agent card lists no usable interface");
    }
    return new AgentCard(
        name,
        Json.nonEmpty(card, "description"),
        Json.nonEmpty(card, "version"),
        protocolVersion,
        List.copyOf(interfaces),
        skills(card),
        schemes(card.get("securitySchemes")),
        features(card),
        shape,
        json,
        source);
  }

  private static URI resolve(URI source, String url) {
    URI parsed = Wire.uri(url);
    if (parsed == null) {
      throw new WireFormatException("the agent card has an empty interface URL");
    }
    URI resolved = parsed.isAbsolute() ? parsed : source.resolve(parsed);
    String scheme =
        resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new WireFormatException(
          "agent card interface URL scheme '" + scheme + "' is not http or https");
    }
    return resolved;
  }

  private static List<AgentSkill> skills(JsonNode card) {
    List<AgentSkill> skills = new ArrayList<>();
    for (JsonNode skill : Wire.array(card, "skills")) {
      String id = Json.nonEmpty(skill, "id");
      String name = Json.nonEmpty(skill, "name");
      if (id == null && name == null) {
        continue;
      }
      Set<String> tags = new LinkedHashSet<>();
      for (String tag : Wire.strings(skill, "tags")) {
        if (!tag.isBlank()) {
          tags.add(tag.strip().toLowerCase(Locale.ROOT));
        }
      }
      skills.add(new AgentSkill(id, name, List.copyOf(tags)));
    }
    return skills;
  }

  private static List<SecurityScheme> schemes(@Nullable JsonNode schemes) {
    List<SecurityScheme> result = new ArrayList<>();
    if (schemes == null || !schemes.isObject()) {
      return result;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = schemes.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode scheme = field.getValue();
      String type = Json.nonEmpty(scheme, "type");
      if (type != null) {
        result.add(
            new SecurityScheme(
                field.getKey(),
                type,
                lower(Json.nonEmpty(scheme, "scheme")),
                lower(Json.nonEmpty(scheme, "in")),
                Json.nonEmpty(scheme, "name")));
      } else if (scheme.has("apiKeySecurityScheme")) {
        JsonNode apiKey = scheme.get("apiKeySecurityScheme");
        result.add(
            new SecurityScheme(
                field.getKey(),
                "apiKey",
                null,
                lower(Json.nonEmpty(apiKey, "location")),
                Json.nonEmpty(apiKey, "name")));
      } else if (scheme.has("httpAuthSecurityScheme")) {
        result.add(
            new SecurityScheme(
                field.getKey(),
                "http",
                lower(Json.nonEmpty(scheme.get("httpAuthSecurityScheme"), "scheme")),
                null,
                null));
      } else if (scheme.has("oauth2SecurityScheme")) {
        result.add(new SecurityScheme(field.getKey(), "oauth2", null, null, null));
      } else if (scheme.has("openIdConnectSecurityScheme")) {
        result.add(new SecurityScheme(field.getKey(), "openIdConnect", null, null, null));
      } else if (scheme.has("mtlsSecurityScheme")) {
        result.add(new SecurityScheme(field.getKey(), "mutualTLS", null, null, null));
      }
    }
    return result;
  }

  private static @Nullable String lower(@Nullable String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  private static ProtocolFeatures features(JsonNode card) {
    JsonNode capabilities = card.path("capabilities");
    List<String> extensions = new ArrayList<>();
    for (JsonNode extension : Wire.array(capabilities, "extensions")) {
      String uri = Json.nonEmpty(extension, "uri");
      if (uri != null) {
        extensions.add(uri);
      }
    }
    return new ProtocolFeatures(
        capabilities.path("streaming").asBoolean(false),
        capabilities.path("pushNotifications").asBoolean(false),
        capabilities.path("stateTransitionHistory").asBoolean(false),
        capabilities.path("extendedAgentCard").asBoolean(false)
            || card.path("supportsAuthenticatedExtendedCard").asBoolean(false),
        extensions);
  }
}
