package dev.ossp.runtime.metrics.internal.registry;

import dev.ossp.runtime.metrics.Tags;
import java.util.Map;
import java.util.Objects;

/**
 * The identity of one meter: a facade name and its tags.
 *
 * @param name the dotted facade name
 * @param tags the tags
 */
public record MeterId(String name, Tags tags) {
  /** Checks that both parts are present. */
  public MeterId {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tags, "tags");
  }

  /** Returns the name under which Dropwizard reporters (JMX, console, CSV) show the meter. */
  public String dropwizardName() {
    if (tags.isEmpty()) {
      return name;
    }
    StringBuilder text = new StringBuilder(name).append('{');
    boolean first = true;
    for (Map.Entry<String, String> tag : tags.asMap().entrySet()) {
      if (!first) {
        text.append(',');
      }
      text.append(tag.getKey()).append('=').append(tag.getValue());
      first = false;
    }
    return text.append('}').toString();
  }
}
