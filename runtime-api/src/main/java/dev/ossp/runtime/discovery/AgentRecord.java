package dev.ossp.runtime.discovery;

import dev.ossp.runtime.urn.AgentUrn;
import dev.ossp.runtime.urn.SemVer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A registered agent: its URN, the agent card exactly as it was registered, and the fields
 * discovery derives from the card for queries and routing.
 *
 * <p>The derived view does not depend on which card shape was registered ({@link CardShape}): the
 * interfaces list every endpoint, preferred first; the capabilities are the card's explicit ones
 * plus every skill id and skill tag, trimmed and in lower case. Everything else the card carries,
 * including unknown and vendor {@code x-} fields, is in {@link #cardJson()}.
 *
 * <p>Instances are immutable and thread-safe. Build one with {@link #builder(AgentUrn)}.
 */
public final class AgentRecord {
  private final AgentUrn urn;
  private final String name;
  private final @Nullable String description;
  private final @Nullable AgentProvider provider;
  private final List<AgentInterface> interfaces;
  private final Set<String> capabilities;
  private final Set<String> tags;
  private final List<AgentSkill> skills;
  private final List<SecurityScheme> securitySchemes;
  private final @Nullable URI healthEndpoint;
  private final ProtocolFeatures features;
  private final CardShape shape;
  private final String cardJson;
  private final long revision;
  private final Instant registeredAt;
  private final Instant lastUpdated;
  private final @Nullable Duration leaseTtl;

  private AgentRecord(Builder builder) {
    this.urn = builder.urn;
    this.name = Objects.requireNonNull(builder.name, "name");
    this.description = builder.description;
    this.provider = builder.provider;
    this.interfaces = List.copyOf(builder.interfaces);
    this.capabilities = Set.copyOf(builder.capabilities);
    this.tags = Set.copyOf(builder.tags);
    this.skills = List.copyOf(builder.skills);
    this.securitySchemes = List.copyOf(builder.securitySchemes);
    this.healthEndpoint = builder.healthEndpoint;
    this.features = builder.features;
    this.shape = Objects.requireNonNull(builder.shape, "shape");
    this.cardJson = Objects.requireNonNull(builder.cardJson, "cardJson");
    this.revision = builder.revision;
    this.registeredAt = Objects.requireNonNull(builder.registeredAt, "registeredAt");
    this.lastUpdated = Objects.requireNonNull(builder.lastUpdated, "lastUpdated");
    this.leaseTtl = builder.leaseTtl;
    if (urn.version().isEmpty()) {
      throw new IllegalArgumentException("a record's URN must carry a version, was " + urn);
    }
    if (interfaces.isEmpty()) {
      throw new IllegalArgumentException("a record needs at least one interface: " + urn);
    }
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be >= 1, was " + revision);
    }
  }

  /** Returns a builder for the agent {@code urn}, which must carry a version. */
  public static Builder builder(AgentUrn urn) {
    Objects.requireNonNull(urn, "urn");

    return new Builder(urn);
  }

  /** Returns a builder that starts from this record. */
  public Builder toBuilder() {
    Builder builder = new Builder(urn);
    builder.name = name;
    builder.description = description;
    builder.provider = provider;
    builder.interfaces = interfaces;
    builder.capabilities = capabilities;
    builder.tags = tags;
    builder.skills = skills;
    builder.securitySchemes = securitySchemes;
    builder.healthEndpoint = healthEndpoint;
    builder.features = features;
    builder.shape = shape;
    builder.cardJson = cardJson;
    builder.revision = revision;
    builder.registeredAt = registeredAt;
    builder.lastUpdated = lastUpdated;
    builder.leaseTtl = leaseTtl;
    return builder;
  }

  /** The agent's URN, always with a version. */
  public AgentUrn urn() {
    return urn;
  }

  /** The domain, from the URN. */
  public String domain() {
    return urn.domain();
  }

  /** The version, from the URN; equal to the card's {@code version} when the card has one. */
  public SemVer version() {
    return urn.version().orElseThrow();
  }

  /** The card's {@code name}. */
  public String name() {
    return name;
  }

  /** The card's {@code description}. */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /** The card's {@code provider}. */
  public Optional<AgentProvider> provider() {
    return Optional.ofNullable(provider);
  }

  /** The endpoints, preferred first; never empty. */
  public List<AgentInterface> interfaces() {
    return interfaces;
  }

  /** The capability names used by queries, trimmed and in lower case. */
  public Set<String> capabilities() {
    return capabilities;
  }

  /** The union of all skill tags, trimmed and in lower case. */
  public Set<String> tags() {
    return tags;
  }

  /** The skills, in card order. */
  public List<AgentSkill> skills() {
    return skills;
  }

  /** The ways the agent accepts credentials, in card order. */
  public List<SecurityScheme> securitySchemes() {
    return securitySchemes;
  }

  /** The URL of the agent's health endpoint, when the card names one. */
  public Optional<URI> healthEndpoint() {
    return Optional.ofNullable(healthEndpoint);
  }

  /** The optional A2A features the card declares. */
  public ProtocolFeatures features() {
    return features;
  }

  /** The layout of the registered card. */
  public CardShape shape() {
    return shape;
  }

  /** The card as registered, unchanged: every field, in the original order and formatting. */
  public String cardJson() {
    return cardJson;
  }

  /** The store revision: 1 after registration, increased by each update. */
  public long revision() {
    return revision;
  }

  /** When the agent was registered. */
  public Instant registeredAt() {
    return registeredAt;
  }

  /** When the record last changed. */
  public Instant lastUpdated() {
    return lastUpdated;
  }

  /** The lease duration, when the agent registered with a lease. */
  public Optional<Duration> leaseTtl() {
    return Optional.ofNullable(leaseTtl);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof AgentRecord that
        && urn.equals(that.urn)
        && revision == that.revision
        && cardJson.equals(that.cardJson)
        && registeredAt.equals(that.registeredAt)
        && lastUpdated.equals(that.lastUpdated)
        && Objects.equals(leaseTtl, that.leaseTtl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(urn, revision);
  }

  @Override
  public String toString() {
    return "AgentRecord[" + urn + ", revision " + revision + ", " + shape + "]";
  }

  /** Builds an {@link AgentRecord}. Not thread-safe. */
  public static final class Builder {
    private final AgentUrn urn;
    private @Nullable String name;
    private @Nullable String description;
    private @Nullable AgentProvider provider;
    private List<AgentInterface> interfaces = List.of();
    private Set<String> capabilities = Set.of();
    private Set<String> tags = Set.of();
    private List<AgentSkill> skills = List.of();
    private List<SecurityScheme> securitySchemes = List.of();
    private @Nullable URI healthEndpoint;
    private ProtocolFeatures features = ProtocolFeatures.none();
    private @Nullable CardShape shape;
    private @Nullable String cardJson;
    private long revision = 1;
    private @Nullable Instant registeredAt;
    private @Nullable Instant lastUpdated;
    private @Nullable Duration leaseTtl;

    private Builder(AgentUrn urn) {
      this.urn = urn;
    }

    /** Sets the card's name. Required. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Sets the card's description; null for none. */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /** Sets the provider; null for none. */
    public Builder provider(@Nullable AgentProvider provider) {
      this.provider = provider;
      return this;
    }

    /** Sets the endpoints, preferred first. At least one is required. */
    public Builder interfaces(List<AgentInterface> interfaces) {
      this.interfaces = Objects.requireNonNull(interfaces, "interfaces");
      return this;
    }

    /** Sets the normalized capability names. Default: none. */
    public Builder capabilities(Set<String> capabilities) {
      this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
      return this;
    }

    /** Sets the normalized skill tags. Default: none. */
    public Builder tags(Set<String> tags) {
      this.tags = Objects.requireNonNull(tags, "tags");
      return this;
    }

    /** Sets the skills. Default: none. */
    public Builder skills(List<AgentSkill> skills) {
      this.skills = Objects.requireNonNull(skills, "skills");
      return this;
    }

    /** Sets the security schemes. Default: none. */
    public Builder securitySchemes(List<SecurityScheme> securitySchemes) {
      this.securitySchemes = Objects.requireNonNull(securitySchemes, "securitySchemes");
      return this;
    }

    /** Sets the health endpoint; null for none. */
    public Builder healthEndpoint(@Nullable URI healthEndpoint) {
      this.healthEndpoint = healthEndpoint;
      return this;
    }

    /** Sets the A2A features. Default: {@link ProtocolFeatures#none()}. */
    public Builder features(ProtocolFeatures features) {
      this.features = Objects.requireNonNull(features, "features");
      return this;
    }

    /** Sets the card's shape. Required. */
    public Builder shape(CardShape shape) {
      this.shape = Objects.requireNonNull(shape, "shape");
      return this;
    }

    /** Sets the card JSON as registered. Required. */
    public Builder cardJson(String cardJson) {
      this.cardJson = Objects.requireNonNull(cardJson, "cardJson");
      return this;
    }

    /** Sets the store revision, at least 1. Default: 1. */
    public Builder revision(long revision) {
      this.revision = revision;
      return this;
    }

    /** Sets the registration time. Required. */
    public Builder registeredAt(Instant registeredAt) {
      this.registeredAt = Objects.requireNonNull(registeredAt, "registeredAt");
      return this;
    }

    /** Sets the time of the last change. Required. */
    public Builder lastUpdated(Instant lastUpdated) {
      this.lastUpdated = Objects.requireNonNull(lastUpdated, "lastUpdated");
      return this;
    }

    /** Sets the lease duration; null for a registration without lease. */
    public Builder leaseTtl(@Nullable Duration leaseTtl) {
      this.leaseTtl = leaseTtl;
      return this;
    }

    /**
     * Returns the record.
     *
     * @throws NullPointerException if a required value is missing
     * @throws IllegalArgumentException if the URN has no version, there is no interface, or the
     *     revision is below 1
     */
    public AgentRecord build() {
      return new AgentRecord(this);
    }
  }
}
