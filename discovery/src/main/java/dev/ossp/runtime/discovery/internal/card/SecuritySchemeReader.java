package dev.ossp.runtime.discovery.internal.card;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.discovery.SecurityScheme;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads how an agent accepts credentials.
 *
 * <ul>
 *   <li>A2A v0.3 {@code securitySchemes}: OpenAPI-style objects with {@code type}, {@code scheme},
 *       {@code in} and {@code name};
 *   <li>A2A v1.0 {@code securitySchemes}: objects wrapping one of {@code httpAuthSecurityScheme},
 *       {@code apiKeySecurityScheme}, {@code oauth2SecurityScheme}, {@code
 *       openIdConnectSecurityScheme} or {@code mtlsSecurityScheme};
 *   <li>A2A v0.2 {@code authentication.schemes}: a list of HTTP scheme names such as {@code
 *       Bearer};
 *   <li>OSSP manifest {@code auth}: one object with a {@code type}.
 * </ul>
 */
final class SecuritySchemeReader {
  private static final Map<String, String> V1_WRAPPERS =
      Map.of(
          "httpAuthSecurityScheme", "http",
          "apiKeySecurityScheme", "apiKey",
          "oauth2SecurityScheme", "oauth2",
          "openIdConnectSecurityScheme", "openIdConnect",
          "mtlsSecurityScheme", "mutualTLS");

  private final CardFields fields;

  SecuritySchemeReader(CardFields fields) {
    this.fields = fields;
  }

  List<SecurityScheme> read(JsonNode card, JsonNode manifestSpec) {
    List<SecurityScheme> schemes = new ArrayList<>();
    readSchemes(card, schemes);
    readAuthentication(card, schemes);
    readManifestAuth(manifestSpec, schemes);
    return schemes;
  }

  private void readSchemes(JsonNode card, List<SecurityScheme> out) {
    JsonNode map = fields.object(card, "securitySchemes", "securitySchemes");
    if (map == null) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> entries = map.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String path = "securitySchemes." + entry.getKey();
      JsonNode value = entry.getValue();
      if (!value.isObject()) {
        fields.add(path, path + " must be an object, was " + CardFields.describe(value));
        continue;
      }
      SecurityScheme scheme = wrapped(entry.getKey(), value, path);
      if (scheme == null) {
        String type = fields.text(value, "type", path + ".type");
        if (type == null || type.isEmpty()) {
          fields.add(path + ".type", path + ".type is required, such as http, apiKey or oauth2");
          continue;
        }
        scheme =
            new SecurityScheme(
                entry.getKey(),
                type,
                lower(fields.text(value, "scheme", path + ".scheme")),
                fields.text(value, "in", path + ".in"),
                fields.text(value, "name", path + ".name"));
      }
      out.add(scheme);
    }
  }

  private @Nullable SecurityScheme wrapped(String name, JsonNode value, String path) {
    for (Map.Entry<String, String> wrapper : V1_WRAPPERS.entrySet()) {
      JsonNode inner = value.get(wrapper.getKey());
      if (inner == null) {
        continue;
      }
      String innerPath = path + "." + wrapper.getKey();
      if (!inner.isObject()) {
        fields.add(innerPath, innerPath + " must be an object, was " + CardFields.describe(inner));
        return new SecurityScheme(name, wrapper.getValue(), null, null, null);
      }
      return new SecurityScheme(
          name,
          wrapper.getValue(),
          lower(fields.text(inner, "scheme", innerPath + ".scheme")),
          fields.text(inner, "location", innerPath + ".location"),
          fields.text(inner, "name", innerPath + ".name"));
    }
    return null;
  }

  private void readAuthentication(JsonNode card, List<SecurityScheme> out) {
    JsonNode authentication = fields.object(card, "authentication", "authentication");
    if (authentication == null) {
      return;
    }
    JsonNode list = fields.array(authentication, "schemes", "authentication.schemes");
    if (list == null) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String path = "authentication.schemes[" + i + "]";
      if (!item.isTextual() || item.textValue().isBlank()) {
        fields.add(path, path + " must be a scheme name such as Bearer");
        continue;
      }
      String scheme = item.textValue().strip();
      out.add(new SecurityScheme(scheme, "http", scheme.toLowerCase(Locale.ROOT), null, null));
    }
  }

  private void readManifestAuth(JsonNode spec, List<SecurityScheme> out) {
    JsonNode auth = fields.object(spec, "auth", "auth");
    if (auth == null) {
      return;
    }
    String type = fields.text(auth, "type", "auth.type");
    if (type == null || type.isEmpty()) {
      fields.add("auth.type", "auth.type is required, such as bearer or api-key");
      return;
    }
    out.add(
        new SecurityScheme(
            "auth",
            type,
            lower(fields.text(auth, "scheme", "auth.scheme")),
            fields.text(auth, "in", "auth.in"),
            fields.text(auth, "name", "auth.name")));
  }

  private static @Nullable String lower(@Nullable String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }
}
