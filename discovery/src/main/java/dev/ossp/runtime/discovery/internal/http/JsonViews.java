package dev.ossp.runtime.discovery.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ossp.runtime.cache.CacheStats;
import dev.ossp.runtime.discovery.AgentHealth;
import dev.ossp.runtime.discovery.AgentInterface;
import dev.ossp.runtime.discovery.AgentLease;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentSkill;
import dev.ossp.runtime.discovery.CardShape;
import dev.ossp.runtime.discovery.ProtocolFeatures;
import dev.ossp.runtime.discovery.QueryResult;
import dev.ossp.runtime.discovery.RegistryStats;
import dev.ossp.runtime.discovery.SecurityScheme;
import dev.ossp.runtime.discovery.internal.Json;
import dev.ossp.runtime.registry.StoreStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The JSON forms of records, leases, query results and stats in the registry's HTTP API. */
final class JsonViews {
  private JsonViews() {}

  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  private static String render(Body body) {
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
      body.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render JSON", e);
    }
    return out.toString();
  }

  /** Renders the record with its card embedded as registered, and its lease when it has one. */
  static String record(AgentRecord record, @Nullable AgentLease lease) {
    return render(json -> writeRecord(json, record, lease, null, true));
  }

  static String lease(AgentRecord record, @Nullable AgentLease lease) {
    return render(
        json -> {
          json.writeStartObject();
          json.writeStringField("urn", record.urn().toString());
          writeLease(json, lease);
          json.writeEndObject();
        });
  }

  static String result(QueryResult result) {
    return render(
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("agents");
          for (AgentRecord record : result.agents()) {
            writeRecord(json, record, null, result.health().get(record.urn()), false);
          }
          json.writeEndArray();
          json.writeNumberField("total", result.total());
          json.writeNumberField("returned", result.returned());
          json.writeNumberField("offset", result.offset());
          json.writeNumberField("limit", result.query().limit().orElse(result.returned()));
          if (result.nextCursor() != null) {
            json.writeStringField("nextCursor", result.nextCursor());
          }
          json.writeBooleanField("cached", result.cached());
          json.writeStringField("executedAt", result.executedAt().toString());
          json.writeNumberField("executionTimeMicros", result.executionTime().toNanos() / 1000);
          json.writeStringField("computedAt", result.computedAt().toString());
          json.writeEndObject();
        });
  }

  static String stats(RegistryStats stats, StoreStatus storeStatus) {
    return render(
        json -> {
          json.writeStartObject();
          json.writeNumberField("agents", stats.agents());
          json.writeNumberField("expiredAgents", stats.expiredAgents());
          json.writeNumberField("maxAgents", stats.maxAgents());
          json.writeNumberField("domains", stats.domains());
          json.writeNumberField("capabilities", stats.capabilities());
          json.writeNumberField("tags", stats.tags());
          json.writeObjectFieldStart("agentsByDomain");
          for (Map.Entry<String, Integer> entry : stats.agentsByDomain().entrySet()) {
            json.writeNumberField(entry.getKey(), entry.getValue());
          }
          json.writeEndObject();
          json.writeNumberField("queries", stats.queries());
          CacheStats cache = stats.cache();
          json.writeObjectFieldStart("cache");
          json.writeNumberField("hits", cache.hits());
          json.writeNumberField("misses", cache.misses());
          double hitRate = cache.hitRate();
          if (Double.isNaN(hitRate)) {
            json.writeNullField("hitRate");
          } else {
            json.writeNumberField("hitRate", hitRate);
          }
          json.writeNumberField("evictions", cache.evictions());
          json.writeNumberField("size", stats.cacheSize());
          json.writeNumberField("loads", cache.loads());
          json.writeNumberField("loadTimeMicros", cache.totalLoadTime().toNanos() / 1000);
          json.writeEndObject();
          json.writeStringField("store", stats.store());
          json.writeStringField(
              "storeStatus", storeStatus.name().toLowerCase(java.util.Locale.ROOT));
          json.writeStringField("at", stats.at().toString());
          json.writeEndObject();
        });
  }

  private static void writeRecord(
      JsonGenerator json,
      AgentRecord record,
      @Nullable AgentLease lease,
      @Nullable AgentHealth health,
      boolean withCard)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("urn", record.urn().toString());
    json.writeStringField("domain", record.domain());
    json.writeStringField("name", record.name());
    json.writeStringField("version", record.version().toString());
    if (record.description().isPresent()) {
      json.writeStringField("description", record.description().get());
    }
    if (record.provider().isPresent()) {
      json.writeObjectFieldStart("provider");
      json.writeStringField("organization", record.provider().get().organization());
      optional(json, "url", record.provider().get().url());
      json.writeEndObject();
    }
    json.writeNumberField("revision", record.revision());
    json.writeStringField("registeredAt", record.registeredAt().toString());
    json.writeStringField("lastUpdated", record.lastUpdated().toString());
    if (record.leaseTtl().isPresent()) {
      json.writeStringField("leaseTtl", record.leaseTtl().get().toString());
    }
    if (withCard) {
      writeLease(json, lease);
    }
    json.writeArrayFieldStart("interfaces");
    for (AgentInterface agentInterface : record.interfaces()) {
      json.writeStartObject();
      json.writeStringField("url", agentInterface.url().toString());
      json.writeStringField("binding", agentInterface.binding());
      optional(json, "protocolVersion", agentInterface.protocolVersion());
      json.writeEndObject();
    }
    json.writeEndArray();
    writeSorted(json, "capabilities", record.capabilities());
    writeSorted(json, "tags", record.tags());
    json.writeArrayFieldStart("skills");
    for (AgentSkill skill : record.skills()) {
      json.writeStartObject();
      optional(json, "id", skill.id());
      optional(json, "name", skill.name());
      writeSorted(json, "tags", skill.tags());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("securitySchemes");
    for (SecurityScheme scheme : record.securitySchemes()) {
      json.writeStartObject();
      json.writeStringField("name", scheme.name());
      json.writeStringField("type", scheme.type());
      optional(json, "scheme", scheme.scheme());
      optional(json, "location", scheme.location());
      optional(json, "parameterName", scheme.parameterName());
      json.writeEndObject();
    }
    json.writeEndArray();
    if (record.healthEndpoint().isPresent()) {
      json.writeStringField("healthEndpoint", record.healthEndpoint().get().toString());
    }
    writeFeatures(json, record.features());
    json.writeStringField("cardShape", shapeName(record.shape()));
    if (health != null) {
      json.writeObjectFieldStart("health");
      json.writeStringField("status", health.status().wireName());
      json.writeStringField("checkedAt", health.checkedAt().toString());
      if (health.responseTime() != null) {
        json.writeNumberField("responseTimeMillis", health.responseTime().toMillis());
      }
      optional(json, "detail", health.detail());
      json.writeEndObject();
    }
    if (withCard) {
      json.writeFieldName("card");
      json.writeRawValue(record.cardJson());
    }
    json.writeEndObject();
  }

  private static void writeLease(JsonGenerator json, @Nullable AgentLease lease)
      throws IOException {
    if (lease == null) {
      json.writeNullField("lease");
      return;
    }
    json.writeObjectFieldStart("lease");
    json.writeStringField("ttl", lease.ttl().toString());
    json.writeStringField("expiresAt", lease.expiresAt().toString());
    json.writeEndObject();
  }

  private static void writeFeatures(JsonGenerator json, ProtocolFeatures features)
      throws IOException {
    json.writeObjectFieldStart("features");
    json.writeBooleanField("streaming", features.streaming());
    json.writeBooleanField("pushNotifications", features.pushNotifications());
    json.writeBooleanField("stateTransitionHistory", features.stateTransitionHistory());
    json.writeBooleanField("extendedAgentCard", features.extendedAgentCard());
    writeSorted(json, "extensions", features.extensions());
    json.writeEndObject();
  }

  /** Returns the card shape's API name, such as {@code a2a-v0.3} or {@code ossp-manifest}. */
  static String shapeName(CardShape shape) {
    return switch (shape) {
      case A2A_V0_2 -> "a2a-v0.2";
      case A2A_V0_3 -> "a2a-v0.3";
      case A2A_V1_0 -> "a2a-v1.0";
      case OSSP_MANIFEST -> "ossp-manifest";
    };
  }

  private static void writeSorted(JsonGenerator json, String name, Collection<String> values)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : new TreeSet<>(values)) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static void optional(JsonGenerator json, String name, @Nullable String value)
      throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }

  /** Renders the node's error body shape, for statuses this module sets itself. */
  static String error(int status, String kind, String message, String requestId) {
    return render(
        json -> {
          json.writeStartObject();
          json.writeObjectFieldStart("error");
          json.writeNumberField("status", status);
          json.writeStringField("kind", kind.toLowerCase(Locale.ROOT));
          json.writeStringField("message", message);
          json.writeStringField("requestId", requestId);
          json.writeEndObject();
          json.writeEndObject();
        });
  }
}
