package dev.ossp.runtime.discovery.internal.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ossp.runtime.config.ConfigType;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.internal.Json;
import dev.ossp.runtime.discovery.internal.card.CardLimits;
import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.node.NodeRequest;
import dev.ossp.runtime.urn.AgentUrn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a registration from a request. The body is either an envelope {@code {"urn": ..., "domain":
 * ..., "leaseTtl": "30s", "card": {...}}} (every field but {@code card} optional), or a bare card
 * with {@code urn}, {@code domain} and {@code leaseTtl} as query parameters. The card's text is cut
 * from the body byte for byte, so it is stored exactly as sent.
 */
final class RegistrationBody {
  private static final Set<String> ENVELOPE_FIELDS = Set.of("urn", "domain", "leaseTtl", "card");

  /** Signals a card larger than the registry accepts, so the route responds with 413. */
  static final class TooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    TooLargeException(long size) {
      super("agent card is " + size + " bytes; at most " + CardLimits.MAX_CARD_BYTES + " allowed");
    }
  }

  private RegistrationBody() {}

  /**
   * Parses the registration.
   *
   * @param pathUrn the URN from the request path, which the body must not contradict; or null
   * @throws ValidationException naming each invalid envelope field or parameter
   * @throws TooLargeException when the card exceeds the size limit
   */
  static AgentRegistration parse(NodeRequest request, @Nullable AgentUrn pathUrn)
      throws TooLargeException {
    byte[] body = request.body();
    List<Violation> violations = new ArrayList<>();
    Envelope envelope = envelope(body, violations);
    String cardJson;
    String urnText;
    String domain;
    String leaseText;
    if (envelope == null) {
      if (body.length > CardLimits.MAX_CARD_BYTES) {
        throw new TooLargeException(body.length);
      }
      cardJson = new String(body, StandardCharsets.UTF_8);
      urnText = request.queryParameter("urn").orElse(null);
      domain = request.queryParameter("domain").orElse(null);
      leaseText = request.queryParameter("leaseTtl").orElse(null);
    } else {
      if (envelope.cardEnd - envelope.cardStart > CardLimits.MAX_CARD_BYTES) {
        throw new TooLargeException(envelope.cardEnd - envelope.cardStart);
      }
      cardJson =
          new String(
              body,
              (int) envelope.cardStart,
              (int) (envelope.cardEnd - envelope.cardStart),
              StandardCharsets.UTF_8);
      urnText = envelope.urn;
      domain = envelope.domain;
      leaseText = envelope.leaseTtl;
    }
    AgentUrn urn = pathUrn;
    if (urnText != null) {
      try {
        AgentUrn given = AgentUrn.parse(urnText);
        if (pathUrn != null && !given.equals(pathUrn)) {
          violations.add(
              new Violation(
                  "urn", "URN '" + given + "' differs from the path's '" + pathUrn + "'"));
        }
        urn = given;
      } catch (ValidationException e) {
        violations.add(new Violation("urn", e.getMessage()));
      }
    }
    Duration leaseTtl = null;
    if (leaseText != null) {
      try {
        leaseTtl = ConfigType.DURATION.convert(leaseText);
        if (leaseTtl.isZero() || leaseTtl.isNegative()) {
          violations.add(new Violation("leaseTtl", "leaseTtl must be positive"));
          leaseTtl = null;
        }
      } catch (IllegalArgumentException | ArithmeticException e) {
        violations.add(new Violation("leaseTtl", "leaseTtl is invalid: " + e.getMessage()));
      }
    }
    if (!violations.isEmpty()) {
      throw new ValidationException("invalid registration: " + violations, violations);
    }
    return AgentRegistration.builder(cardJson).urn(urn).domain(domain).leaseTtl(leaseTtl).build();
  }

  /** The envelope's fields and the card's byte range. */
  private static final class Envelope {
    @Nullable String urn;
    @Nullable String domain;
    @Nullable String leaseTtl;
    long cardStart = -1;
    long cardEnd = -1;
  }

  /** Returns the envelope, or null when the body is not one (then it is a bare card). */
  private static @Nullable Envelope envelope(byte[] body, List<Violation> violations) {
    Envelope envelope = new Envelope();
    List<String> unknown = new ArrayList<>();
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      List<Violation> fieldProblems = new ArrayList<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case "card" -> {
            if (value == JsonToken.START_OBJECT) {
              envelope.cardStart = parser.currentTokenLocation().getByteOffset();
              parser.skipChildren();
              envelope.cardEnd = parser.currentLocation().getByteOffset();
            } else {
              fieldProblems.add(new Violation("card", "card must be a JSON object"));
              parser.skipChildren();
            }
          }
          case "urn" -> envelope.urn = text(parser, value, "urn", fieldProblems);
          case "domain" -> envelope.domain = text(parser, value, "domain", fieldProblems);
          case "leaseTtl" -> envelope.leaseTtl = text(parser, value, "leaseTtl", fieldProblems);
          default -> {
            unknown.add(name);
            parser.skipChildren();
          }
        }
      }
      boolean isEnvelope =
          envelope.cardStart >= 0 || fieldProblems.stream().anyMatch(v -> v.field().equals("card"));
      if (!isEnvelope) {
        return null;
      }
      violations.addAll(fieldProblems);
      for (String name : unknown) {
        violations.add(
            new Violation(name, "unknown registration field; valid fields: " + ENVELOPE_FIELDS));
      }
      return envelope;
    } catch (IOException e) {
      // Not valid JSON: read it as a bare card, whose validation reports the problem.
      return null;
    }
  }

  private static @Nullable String text(
      JsonParser parser, JsonToken value, String field, List<Violation> violations)
      throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.VALUE_STRING) {
      violations.add(new Violation(field, field + " must be a string"));
      parser.skipChildren();
      return null;
    }
    return parser.getText();
  }
}
