package dev.ossp.runtime.discovery.internal.card;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.discovery.AgentSkill;
import dev.ossp.runtime.discovery.CardShape;
import dev.ossp.runtime.discovery.ProtocolFeatures;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads skills, capability names and A2A features.
 *
 * <p>Capability names come from: an OSSP manifest's {@code capabilities} map (its keys); a {@code
 * capabilities} array of strings in any shape; the A2A feature flags that are true ({@code
 * streaming}, {@code push-notifications}, {@code state-transition-history}, {@code
 * extended-agent-card}); and every skill id and skill tag. All are trimmed and folded to lower
 * case.
 */
final class SkillReader {
  private final CardFields fields;
  private final Set<String> capabilities = new LinkedHashSet<>();
  private final Set<String> tags = new LinkedHashSet<>();
  private final List<AgentSkill> skills = new ArrayList<>();
  private ProtocolFeatures features = ProtocolFeatures.none();

  SkillReader(CardFields fields) {
    this.fields = fields;
  }

  Set<String> capabilities() {
    return capabilities;
  }

  Set<String> tags() {
    return tags;
  }

  List<AgentSkill> skills() {
    return skills;
  }

  ProtocolFeatures features() {
    return features;
  }

  void read(JsonNode card, JsonNode capabilitySource, CardShape shape) {
    readCapabilities(capabilitySource, shape);
    readSkills(card);
  }

  private void readCapabilities(JsonNode source, CardShape shape) {
    JsonNode node = source.get("capabilities");
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        String path = "capabilities[" + i + "]";
        if (!item.isTextual() || item.textValue().isBlank()) {
          fields.add(path, path + " must be a non-blank string, was " + CardFields.describe(item));
        } else {
          capabilities.add(CardFields.fold(item.textValue()));
        }
      }
      return;
    }
    if (!node.isObject()) {
      fields.add(
          "capabilities",
          "capabilities must be an object or an array of names, was " + CardFields.describe(node));
      return;
    }
    if (shape == CardShape.OSSP_MANIFEST) {
      readCapabilityMap(node);
    } else {
      readFeatures(node);
    }
  }

  private void readCapabilityMap(JsonNode map) {
    Iterator<Map.Entry<String, JsonNode>> entries = map.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String path = "capabilities." + entry.getKey();
      if (entry.getKey().isBlank()) {
        fields.add("capabilities", "capabilities has a blank name");
      } else if (!entry.getValue().isObject()) {
        fields.add(
            path,
            path
                + " must be an object such as {\"type\": \"tool\", \"description\": \"...\"}, was "
                + CardFields.describe(entry.getValue()));
      } else {
        capabilities.add(CardFields.fold(entry.getKey()));
      }
    }
  }

  private void readFeatures(JsonNode node) {
    boolean streaming = fields.flag(node, "streaming", "capabilities.streaming");
    boolean push = fields.flag(node, "pushNotifications", "capabilities.pushNotifications");
    boolean history =
        fields.flag(node, "stateTransitionHistory", "capabilities.stateTransitionHistory");
    boolean extended = fields.flag(node, "extendedAgentCard", "capabilities.extendedAgentCard");
    List<String> extensions = new ArrayList<>();
    JsonNode list = fields.array(node, "extensions", "capabilities.extensions");
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        String path = "capabilities.extensions[" + i + "]";
        JsonNode extension = list.get(i);
        String uri = extension.isObject() ? fields.text(extension, "uri", path + ".uri") : null;
        if (uri == null || uri.isEmpty()) {
          fields.add(path, path + " must be an object with a uri");
        } else {
          extensions.add(uri);
        }
      }
    }
    features = new ProtocolFeatures(streaming, push, history, extended, extensions);
    addIf(streaming, "streaming");
    addIf(push, "push-notifications");
    addIf(history, "state-transition-history");
    addIf(extended, "extended-agent-card");
  }

  private void addIf(boolean flag, String capability) {
    if (flag) {
      capabilities.add(capability);
    }
  }

  private void readSkills(JsonNode card) {
    JsonNode list = fields.array(card, "skills", "skills");
    if (list == null) {
      return;
    }
    if (list.size() > CardLimits.MAX_SKILLS) {
      fields.add(
          "skills",
          "card lists " + list.size() + " skills; at most " + CardLimits.MAX_SKILLS + " allowed");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      readSkill(list.get(i), "skills[" + i + "]");
    }
  }

  private void readSkill(JsonNode skill, String path) {
    if (!skill.isObject()) {
      fields.add(path, path + " must be an object, was " + CardFields.describe(skill));
      return;
    }
    String id = blankToNull(fields.text(skill, "id", path + ".id"));
    String name = blankToNull(fields.text(skill, "name", path + ".name"));
    if (id == null && name == null) {
      fields.add(path, path + " needs an id or a name");
      return;
    }
    Set<String> skillTags = new LinkedHashSet<>();
    JsonNode tagList = fields.array(skill, "tags", path + ".tags");
    if (tagList != null) {
      for (int i = 0; i < tagList.size(); i++) {
        JsonNode tag = tagList.get(i);
        String tagPath = path + ".tags[" + i + "]";
        if (!tag.isTextual()) {
          fields.add(tagPath, tagPath + " must be a string, was " + CardFields.describe(tag));
        } else if (!tag.textValue().isBlank()) {
          skillTags.add(CardFields.fold(tag.textValue()));
        }
      }
    }
    if (id != null) {
      capabilities.add(CardFields.fold(id));
    }
    capabilities.addAll(skillTags);
    tags.addAll(skillTags);
    skills.add(new AgentSkill(id, name, List.copyOf(skillTags)));
  }

  private static String blankToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
