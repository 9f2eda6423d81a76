package dev.ossp.runtime.discovery.internal.card;

import dev.ossp.runtime.discovery.AgentInterface;
import dev.ossp.runtime.discovery.AgentProvider;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentSkill;
import dev.ossp.runtime.discovery.CardShape;
import dev.ossp.runtime.discovery.ProtocolFeatures;
import dev.ossp.runtime.discovery.SecurityScheme;
import dev.ossp.runtime.urn.AgentUrn;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A validated card with its derived fields, before the registry assigns a revision and times.
 *
 * @param urn the agent's URN, with a version
 */
public record NormalizedCard(
    AgentUrn urn,
    String name,
    @Nullable String description,
    @Nullable AgentProvider provider,
    List<AgentInterface> interfaces,
    Set<String> capabilities,
    Set<String> tags,
    List<AgentSkill> skills,
    List<SecurityScheme> securitySchemes,
    @Nullable URI healthEndpoint,
    ProtocolFeatures features,
    CardShape shape,
    String cardJson) {

  /** Returns the record for this card with the given store revision, times and lease. */
  public AgentRecord toRecord(
      long revision, Instant registeredAt, Instant lastUpdated, @Nullable Duration leaseTtl) {
    return AgentRecord.builder(urn)
        .name(name)
        .description(description)
        .provider(provider)
        .interfaces(interfaces)
        .capabilities(capabilities)
        .tags(tags)
        .skills(skills)
        .securitySchemes(securitySchemes)
        .healthEndpoint(healthEndpoint)
        .features(features)
        .shape(shape)
        .cardJson(cardJson)
        .revision(revision)
        .registeredAt(registeredAt)
        .lastUpdated(lastUpdated)
        .leaseTtl(leaseTtl)
        .build();
  }
}
