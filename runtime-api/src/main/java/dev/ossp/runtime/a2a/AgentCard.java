package dev.ossp.runtime.a2a;

import dev.ossp.runtime.discovery.AgentInterface;
import dev.ossp.runtime.discovery.AgentSkill;
import dev.ossp.runtime.discovery.CardShape;
import dev.ossp.runtime.discovery.ProtocolFeatures;
import dev.ossp.runtime.discovery.SecurityScheme;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An agent card as the A2A client fetched and normalized it. The interfaces list every endpoint the
 * card names, in the card's order of preference: for a v0.3 card the top-level {@code url} with its
 * {@code preferredTransport} first, then {@code additionalInterfaces}, then any v1.0 {@code
 * supportedInterfaces}; for a v1.0 card its {@code supportedInterfaces}.
 *
 * @param name the card's {@code name}
 * @param description the card's {@code description}, or null
 * @param version the agent's {@code version}, or null
 * @param protocolVersion the card's top-level {@code protocolVersion}, or null (v1.0 cards keep it
 *     per interface)
 * @param interfaces the endpoints, preferred first; never empty
 * @param skills the skills, in card order
 * @param securitySchemes the ways the agent accepts credentials
 * @param features the optional features the card declares
 * @param shape the card's layout
 * @param json the card exactly as served
 * @param source the URL that served the card
 */
public record AgentCard(
    String name,
    @Nullable String description,
    @Nullable String version,
    @Nullable String protocolVersion,
    List<AgentInterface> interfaces,
    List<AgentSkill> skills,
    List<SecurityScheme> securitySchemes,
    ProtocolFeatures features,
    CardShape shape,
    String json,
    URI source) {
  /** Copies the lists and checks that there is an interface. */
  public AgentCard {
    Objects.requireNonNull(name, "name");
    interfaces = List.copyOf(Objects.requireNonNull(interfaces, "interfaces"));
    skills = List.copyOf(Objects.requireNonNull(skills, "skills"));
    securitySchemes = List.copyOf(Objects.requireNonNull(securitySchemes, "securitySchemes"));
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(source, "source");
    if (interfaces.isEmpty()) {
      throw new IllegalArgumentException("an agent card needs at least one interface: " + name);
    }
  }

  /** Returns the JSON-RPC endpoints, preferred first. */
  public List<AgentInterface> jsonRpcInterfaces() {
    List<AgentInterface> result = new ArrayList<>();
    for (AgentInterface candidate : interfaces) {
      if (candidate.binding().toUpperCase(Locale.ROOT).replace("-", "").equals("JSONRPC")) {
        result.add(candidate);
      }
    }
    return result;
  }

  /** Returns the skill with id {@code id}. */
  public Optional<AgentSkill> skill(String id) {
    Objects.requireNonNull(id, "id");

    for (AgentSkill skill : skills) {
      if (id.equals(skill.id())) {
        return Optional.of(skill);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "AgentCard[" + name + " " + version + ", " + shape + ", from " + source + "]";
  }
}
