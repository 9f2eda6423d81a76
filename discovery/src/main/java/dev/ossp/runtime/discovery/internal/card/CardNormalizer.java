package dev.ossp.runtime.discovery.internal.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ossp.runtime.discovery.AgentProvider;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.CardShape;
import dev.ossp.runtime.discovery.SecurityScheme;
import dev.ossp.runtime.discovery.internal.Json;
import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.urn.AgentUrn;
import dev.ossp.runtime.urn.SemVer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Validates a registration and derives the normalized agent view from its card.
 *
 * <p>Every rule is checked and every violation reported together, so a caller can fix a card in one
 * round; nothing is derived from a card with any violation. Rules:
 *
 * <ul>
 *   <li>the card is at most {@value CardLimits#MAX_CARD_BYTES} bytes of UTF-8 JSON, one object,
 *       without duplicate keys, nested at most {@value CardLimits#MAX_DEPTH} deep, with no string
 *       or field name over {@value CardLimits#MAX_STRING_LENGTH} characters and at most {@value
 *       CardLimits#MAX_SKILLS} skills;
 *   <li>{@code name} is a non-blank string;
 *   <li>the URN is valid, and its version equals the card's {@code version} when both exist;
 *   <li>at least one interface, every interface URL absolute {@code http} or {@code https} without
 *       credentials or template placeholders such as {@code <HOST>};
 *   <li>every field discovery reads has the JSON type the card shape defines.
 * </ul>
 *
 * <p>This class is stateless and thread-safe.
 */
public final class CardNormalizer {
  /**
   * Validates {@code registration} and returns the normalized card.
   *
   * @throws ValidationException listing every violation, each naming the field's path
   */
  public NormalizedCard normalize(AgentRegistration registration) {
    String cardJson = registration.cardJson();
    long size = CardLimits.utf8Length(cardJson);
    if (size > CardLimits.MAX_CARD_BYTES) {
      throw invalid(
          List.of(
              new Violation(
                  "card",
                  "card is "
                      + size
                      + " bytes; at most "
                      + CardLimits.MAX_CARD_BYTES
                      + " allowed")));
    }
    JsonNode card;
    try {
      card = Json.MAPPER.readTree(cardJson);
    } catch (JsonProcessingException e) {
      throw invalid(List.of(new Violation("card", "card is not valid JSON: " + parseProblem(e))));
    }
    if (card == null || !card.isObject()) {
      String found = card == null ? "nothing" : CardFields.describe(card);
      throw invalid(List.of(new Violation("card", "card must be a JSON object, was " + found)));
    }
    List<Violation> violations = new ArrayList<>();
    checkStrings(card, "", 1, violations);
    if (!violations.isEmpty()) {
      throw invalid(violations);
    }
    CardFields fields = new CardFields(violations);
    NormalizedCard result = read(registration, card, cardJson, fields);
    if (!violations.isEmpty() || result == null) {
      throw invalid(violations);
    }
    return result;
  }

  private static @Nullable NormalizedCard read(
      AgentRegistration registration, JsonNode card, String cardJson, CardFields fields) {
    CardShape shape = detectShape(card);
    String name = fields.text(card, "name", "name");
    if (name == null || name.isEmpty()) {
      fields.add("name", "name is required");
    }
    String description = fields.text(card, "description", "description");
    String version = fields.text(card, "version", "version");
    String protocolVersion = fields.text(card, "protocolVersion", "protocolVersion");
    AgentProvider provider = readProvider(card, fields);

    InterfaceReader.Endpoints endpoints =
        shape == null
            ? new InterfaceReader.Endpoints(List.of(), null)
            : new InterfaceReader(fields).read(card, shape, protocolVersion);
    if (shape == null) {
      fields.add(
          "interfaces",
          "card has no interface: give url (A2A v0.2 and v0.3), supportedInterfaces (A2A v1.0)"
              + " or endpoints (OSSP manifest)");
    } else if (endpoints.interfaces().isEmpty()) {
      fields.add("interfaces", "card has no valid interface URL");
    }

    CardShape readAs = shape == null ? CardShape.A2A_V0_3 : shape;
    SkillReader skills = new SkillReader(fields);
    skills.read(card, card, readAs);
    JsonNode manifest = readAs == CardShape.OSSP_MANIFEST ? card : MissingNode.getInstance();
    List<SecurityScheme> schemes = new SecuritySchemeReader(fields).read(card, manifest);

    AgentUrn urn = resolveUrn(registration, card, name, version, fields);
    if (!fields.violations().isEmpty() || urn == null || shape == null || name == null) {
      return null;
    }
    return new NormalizedCard(
        urn,
        name,
        description == null || description.isEmpty() ? null : description,
        provider,
        endpoints.interfaces(),
        skills.capabilities(),
        skills.tags(),
        skills.skills(),
        schemes,
        endpoints.healthEndpoint(),
        skills.features(),
        shape,
        cardJson);
  }

  /** Returns the card's shape, or null when it has no interface field at all. */
  static @Nullable CardShape detectShape(JsonNode card) {
    boolean url = card.has("url");
    boolean supported = card.has("supportedInterfaces");
    if (supported && !url) {
      return CardShape.A2A_V1_0;
    }
    if (url) {
      boolean v03 =
          supported
              || card.has("preferredTransport")
              || card.has("additionalInterfaces")
              || card.has("protocolVersion");
      return v03 ? CardShape.A2A_V0_3 : CardShape.A2A_V0_2;
    }
    if (card.has("endpoints")) {
      return CardShape.OSSP_MANIFEST;
    }
    return null;
  }

  private static @Nullable AgentProvider readProvider(JsonNode card, CardFields fields) {
    JsonNode provider = fields.object(card, "provider", "provider");
    if (provider == null) {
      return null;
    }
    String organization = fields.text(provider, "organization", "provider.organization");
    String url = fields.text(provider, "url", "provider.url");
    if (organization == null || organization.isEmpty()) {
      fields.add("provider.organization", "provider.organization is required");
      return null;
    }
    return new AgentProvider(organization, url == null || url.isEmpty() ? null : url);
  }

  private static @Nullable AgentUrn resolveUrn(
      AgentRegistration registration,
      JsonNode card,
      @Nullable String name,
      @Nullable String cardVersion,
      CardFields fields) {
    AgentUrn urn = registration.urn().orElse(null);
    if (urn == null) {
      String cardUrn = fields.text(card, "urn", "urn");
      if (cardUrn != null) {
        urn = parseUrn(cardUrn, "urn", fields);
        if (urn == null) {
          return null;
        }
      }
    }
    if (urn == null) {
      String domain = registration.domain().orElse(null);
      if (domain == null) {
        fields.add("urn", "urn is required: give a URN, or a domain to derive one from the card");
        return null;
      }
      if (name == null || name.isEmpty()) {
        return null;
      }
      String slug = Slugs.slugify(name);
      if (slug.isEmpty()) {
        fields.add("name", "cannot derive a URN name from card name '" + name + "'; give a URN");
        return null;
      }
      urn = parseUrn(AgentUrn.PREFIX + domain + ":" + slug, "domain", fields);
      if (urn == null) {
        return null;
      }
    }
    return withVersion(urn, cardVersion, fields);
  }

  private static @Nullable AgentUrn withVersion(
      AgentUrn urn, @Nullable String cardVersion, CardFields fields) {
    String version = cardVersion == null || cardVersion.isEmpty() ? null : cardVersion;
    if (urn.isVersioned()) {
      String urnVersion = urn.version().orElseThrow().toString();
      if (version != null && !version.equals(urnVersion)) {
        fields.add(
            "version",
            "card version '" + version + "' differs from the URN's version '" + urnVersion + "'");
        return null;
      }
      return urn;
    }
    if (version == null) {
      fields.add("version", "version is required: the card has none and the URN gives none");
      return null;
    }
    if (!SemVer.isValid(version)) {
      fields.add(
          "version", "card version '" + version + "' is not a SemVer 2.0.0 version such as 1.0.0");
      return null;
    }
    return urn.withVersion(SemVer.parse(version));
  }

  private static @Nullable AgentUrn parseUrn(String text, String field, CardFields fields) {
    try {
      return AgentUrn.parse(text);
    } catch (ValidationException e) {
      for (Violation violation : e.violations()) {
        String part = violation.field().equals("urn") ? field : violation.field();
        fields.add(part, violation.message());
      }
      return null;
    }
  }

  private static void checkStrings(
      JsonNode node, String path, int depth, List<Violation> violations) {
    if (node.isContainerNode() && depth > CardLimits.MAX_DEPTH) {
      violations.add(
          new Violation(
              path, "card is nested deeper than " + CardLimits.MAX_DEPTH + " levels here"));
      return;
    }
    if (node.isTextual()) {
      if (node.textValue().length() > CardLimits.MAX_STRING_LENGTH) {
        violations.add(tooLong(path.isEmpty() ? "card" : path, node.textValue().length()));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkStrings(node.get(i), path + "[" + i + "]", depth + 1, violations);
      }
    } else if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        String child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
        if (entry.getKey().length() > CardLimits.MAX_STRING_LENGTH) {
          violations.add(
              new Violation(
                  path.isEmpty() ? "card" : path,
                  "a field name is "
                      + entry.getKey().length()
                      + " characters; at most "
                      + CardLimits.MAX_STRING_LENGTH
                      + " allowed"));
          continue;
        }
        checkStrings(entry.getValue(), child, depth + 1, violations);
      }
    }
  }

  private static Violation tooLong(String path, int length) {
    return new Violation(
        path,
        path
            + " is "
            + length
            + " characters; at most "
            + CardLimits.MAX_STRING_LENGTH
            + " allowed");
  }

  private static String parseProblem(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (e.getLocation() != null) {
      message +=
          " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
    return message;
  }

  private static ValidationException invalid(List<Violation> violations) {
    StringBuilder message = new StringBuilder("invalid agent card: ");
    for (int i = 0; i < violations.size(); i++) {
      if (i > 0) {
        message.append("; ");
      }
      message.append(violations.get(i));
    }
    return new ValidationException(message.toString(), violations);
  }
}
