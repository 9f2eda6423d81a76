package dev.ossp.runtime.discovery;

import dev.ossp.runtime.urn.AgentUrn;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request to register or update an agent: the card JSON as the agent serves it, and where the URN
 * comes from.
 *
 * <p>The URN is, in order: the one given here; the card's own top-level {@code urn} field (OSSP
 * manifests carry one); or {@code urn:agent:<domain>:<card name, slugified>@<card version>} when
 * only a {@link Builder#domain domain} is given. A URN without a version takes the card's version.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AgentRegistration {
  private final String cardJson;
  private final @Nullable AgentUrn urn;
  private final @Nullable String domain;
  private final @Nullable Duration leaseTtl;

  private AgentRegistration(Builder builder) {
    this.cardJson = Objects.requireNonNull(builder.cardJson, "cardJson");
    this.urn = builder.urn;
    this.domain = builder.domain;
    this.leaseTtl = builder.leaseTtl;
  }

  /** Returns a builder for the card {@code cardJson}. */
  public static Builder builder(String cardJson) {
    Objects.requireNonNull(cardJson, "cardJson");

    return new Builder(cardJson);
  }

  /** Returns a registration of {@code cardJson} under {@code urn}, without lease. */
  public static AgentRegistration of(AgentUrn urn, String cardJson) {
    return builder(cardJson).urn(urn).build();
  }

  /** The card JSON as the agent serves it. */
  public String cardJson() {
    return cardJson;
  }

  /** The URN given with the registration. */
  public Optional<AgentUrn> urn() {
    return Optional.ofNullable(urn);
  }

  /** The domain to derive the URN in, when no URN is given. */
  public Optional<String> domain() {
    return Optional.ofNullable(domain);
  }

  /** The lease duration; empty for a registration that lasts until deregistered. */
  public Optional<Duration> leaseTtl() {
    return Optional.ofNullable(leaseTtl);
  }

  /** Returns a builder that starts from this registration. */
  public Builder toBuilder() {
    Builder builder = new Builder(cardJson);
    builder.urn = urn;
    builder.domain = domain;
    builder.leaseTtl = leaseTtl;
    return builder;
  }

  @Override
  public String toString() {
    return "AgentRegistration[urn="
        + urn
        + ", domain="
        + domain
        + ", leaseTtl="
        + leaseTtl
        + ", card "
        + cardJson.length()
        + " chars]";
  }

  /** Builds an {@link AgentRegistration}. Not thread-safe. */
  public static final class Builder {
    private final String cardJson;
    private @Nullable AgentUrn urn;
    private @Nullable String domain;
    private @Nullable Duration leaseTtl;

    private Builder(String cardJson) {
      this.cardJson = cardJson;
    }

    /** Sets the agent's URN; with or without a version. Default: none. */
    public Builder urn(@Nullable AgentUrn urn) {
      this.urn = urn;
      return this;
    }

    /**
     * Sets the domain used to derive the URN when none is given. The registry validates it as a URN
     * domain. Default: none.
     */
    public Builder domain(@Nullable String domain) {
      this.domain = domain;
      return this;
    }

    /**
     * Sets the lease duration: the agent must send a heartbeat at least this often to stay visible.
     * The registry checks it against its configured minimum and maximum. Default: no lease.
     *
     * @throws IllegalArgumentException if {@code leaseTtl} is zero or negative
     */
    public Builder leaseTtl(@Nullable Duration leaseTtl) {
      if (leaseTtl != null && (leaseTtl.isZero() || leaseTtl.isNegative())) {
        throw new IllegalArgumentException("leaseTtl must be positive, was " + leaseTtl);
      }
      this.leaseTtl = leaseTtl;
      return this;
    }

    /** Returns the registration. */
    public AgentRegistration build() {
      return new AgentRegistration(this);
    }
  }
}
