package dev.ossp.runtime.discovery.internal.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.discovery.internal.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The stored form of a registration: one line of JSON metadata, a newline, and the card exactly as
 * registered.
 *
 * <pre>{"format":1,"registeredAt":"2025-01-01T00:00:00Z","lastUpdated":"...","leaseTtl":"PT30S",
 *  "leaseRenewedAt":"..."}
 * {"name":"Echo Agent", ...the card as received...}</pre>
 *
 * <p>{@code leaseRenewedAt}, the time of the registration or heartbeat that set the lease's
 * deadline, is written only for leased agents. Payloads without it, written by earlier versions,
 * decode with the lease renewed at {@code lastUpdated}.
 */
final class RecordCodec {
  static final int FORMAT = 1;

  /** A decoded payload. */
  record Stored(
      Instant registeredAt,
      Instant lastUpdated,
      @Nullable Duration leaseTtl,
      Instant leaseRenewedAt,
      String cardJson) {}

  private RecordCodec() {}

  static String encode(
      Instant registeredAt,
      Instant lastUpdated,
      @Nullable Duration leaseTtl,
      Instant leaseRenewedAt,
      String cardJson) {
    ObjectNode header = Json.MAPPER.createObjectNode();
    header.put("format", FORMAT);
    header.put("registeredAt", registeredAt.toString());
    header.put("lastUpdated", lastUpdated.toString());
    if (leaseTtl != null) {
      header.put("leaseTtl", leaseTtl.toString());
      header.put("leaseRenewedAt", leaseRenewedAt.toString());
    }
    return header.toString() + "\n" + cardJson;
  }

  /**
   * Decodes a payload.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  static Stored decode(String payload) {
    int newline = payload.indexOf('\n');
    if (newline < 0) {
      throw new IllegalArgumentException("payload has no metadata line");
    }
    JsonNode header;
    try {
      header = Json.MAPPER.readTree(payload.substring(0, newline));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("metadata is not JSON: " + e.getOriginalMessage(), e);
    }
    if (header == null || header.path("format").asInt() != FORMAT) {
      throw new IllegalArgumentException("metadata format is not " + FORMAT);
    }
    try {
      Instant registeredAt = Instant.parse(header.path("registeredAt").asText());
      Instant lastUpdated = Instant.parse(header.path("lastUpdated").asText());
      JsonNode ttl = header.get("leaseTtl");
      Duration leaseTtl = ttl == null || ttl.isNull() ? null : Duration.parse(ttl.asText());
      JsonNode renewed = header.get("leaseRenewedAt");
      Instant leaseRenewedAt =
          renewed == null || renewed.isNull() ? lastUpdated : Instant.parse(renewed.asText());
      return new Stored(
          registeredAt, lastUpdated, leaseTtl, leaseRenewedAt, payload.substring(newline + 1));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("metadata has an invalid time: " + e.getMessage(), e);
    }
  }
}
