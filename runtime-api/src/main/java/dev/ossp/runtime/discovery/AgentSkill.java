package dev.ossp.runtime.discovery;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A skill an agent card lists. The card's other skill fields (description, examples, modes) stay in
 * the raw card JSON.
 *
 * @param id the skill's id as written, or null when the card gives none
 * @param name the skill's display name, or null when the card gives none
 * @param tags the skill's tags, trimmed and in lower case, without duplicates
 */
public record AgentSkill(@Nullable String id, @Nullable String name, List<String> tags) {
  /** Copies the tags and checks that the skill has an id or a name. */
  public AgentSkill {
    tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
    if (id == null && name == null) {
      throw new IllegalArgumentException("a skill needs an id or a name");
    }
  }

  /** Returns the id when the card gives one. */
  public Optional<String> skillId() {
    return Optional.ofNullable(id);
  }
}
