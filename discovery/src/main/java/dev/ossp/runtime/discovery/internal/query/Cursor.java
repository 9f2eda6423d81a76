package dev.ossp.runtime.discovery.internal.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.internal.Json;
import dev.ossp.runtime.discovery.internal.registry.RegistryEntry;
import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.urn.AgentUrn;
import dev.ossp.runtime.urn.SemVer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * A position in a query's result order: the sort value and URN of the last agent on a page. The
 * next page holds the agents after that position, so agents registered or removed between pages
 * neither repeat nor shift the rest.
 *
 * <p>Cursors are opaque to clients: base64url of a small JSON object that also carries a checksum
 * of the query's filters and sort, so a cursor cannot be used with another query.
 *
 * @param field the sort field the position is in
 * @param value the sort value of the last agent returned, as text
 * @param version the value parsed, when sorting by version
 * @param time the value parsed, when sorting by a time
 * @param urn the URN of the last agent returned
 */
record Cursor(
    AgentQuery.SortField field,
    String value,
    @Nullable SemVer version,
    @Nullable Instant time,
    AgentUrn urn) {

  /** Returns the cursor that continues {@code query} after {@code last}. */
  static String encode(AgentQuery query, AgentRecord last) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("q", fingerprint(query));
    node.put("v", Sorting.sortValue(last, query.sort()));
    node.put("u", last.urn().toString());
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes the cursor of {@code query}.
   *
   * @throws ValidationException with field {@code cursor} when it is malformed or was made for
   *     another query
   */
  static Cursor decode(AgentQuery query, String text) {
    JsonNode node;
    try {
      byte[] json = Base64.getUrlDecoder().decode(text);
      node = Json.MAPPER.readTree(json);
    } catch (IllegalArgumentException | IOException e) {
      throw invalid("cursor is malformed; pass the nextCursor of a previous result unchanged");
    }
    if (node == null
        || !node.path("q").isTextual()
        || !node.path("v").isTextual()
        || !node.path("u").isTextual()) {
      throw invalid("cursor is malformed; pass the nextCursor of a previous result unchanged");
    }
    if (!node.path("q").textValue().equals(fingerprint(query))) {
      throw invalid(
          "cursor belongs to a query with other filters or another sort; keep them unchanged"
              + " between pages");
    }
    String value = node.path("v").textValue();
    AgentQuery.SortField field = query.sort();
    try {
      AgentUrn urn = AgentUrn.parse(node.path("u").textValue());
      SemVer version = field == AgentQuery.SortField.VERSION ? SemVer.parse(value) : null;
      Instant time =
          field == AgentQuery.SortField.REGISTERED_AT || field == AgentQuery.SortField.LAST_UPDATED
              ? Instant.parse(value)
              : null;
      return new Cursor(field, value, version, time, urn);
    } catch (RuntimeException e) {
      throw invalid("cursor is malformed; pass the nextCursor of a previous result unchanged");
    }
  }

  /** Returns whether {@code entry} comes after this position in the result order. */
  boolean precedes(RegistryEntry entry, AgentQuery.SortOrder order) {
    AgentRecord record = entry.record();
    int primary =
        switch (field) {
          case NAME -> String.CASE_INSENSITIVE_ORDER.compare(record.name(), value);
          case VERSION -> record.version().compareTo(java.util.Objects.requireNonNull(version));
          case REGISTERED_AT ->
              record.registeredAt().compareTo(java.util.Objects.requireNonNull(time));
          case LAST_UPDATED ->
              record.lastUpdated().compareTo(java.util.Objects.requireNonNull(time));
        };
    if (order == AgentQuery.SortOrder.DESC) {
      primary = -primary;
    }
    if (primary != 0) {
      return primary > 0;
    }
    return record.urn().compareTo(urn) > 0;
  }

  private static String fingerprint(AgentQuery query) {
    CRC32C crc = new CRC32C();
    crc.update(query.filterKey().getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }

  private static ValidationException invalid(String message) {
    return new ValidationException("invalid query: " + message, new Violation("cursor", message));
  }
}
