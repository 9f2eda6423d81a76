package dev.ossp.runtime.a2a.internal.auth;

import dev.ossp.runtime.auth.AuthProvider;
import dev.ossp.runtime.auth.AuthSettings;
import dev.ossp.runtime.auth.OutboundRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code delegation} auth provider: header {@code x-agent-delegation: a -> b -> c}, the chain
 * of agents on whose behalf the call is made, oldest first. The parts come from setting {@code
 * chain} (comma-separated) followed by setting {@code agent}, the calling agent. Blank parts are
 * left out, so the header never carries a placeholder for a missing part; with no part at all no
 * header is sent. Thread-safe.
 */
public final class DelegationAuthProvider implements AuthProvider {
  /** The header this provider sets. */
  public static final String HEADER = "x-agent-delegation";

  @Override
  public String name() {
    return "delegation";
  }

  @Override
  public String description() {
    return "x-agent-delegation: the chain of agents a call is made for, from settings chain and"
        + " agent";
  }

  @Override
  public void authenticate(OutboundRequest request, AuthSettings settings) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(settings, "settings");

    List<String> parts = new ArrayList<>();
    settings
        .value("chain")
        .ifPresent(
            chain -> {
              for (String part : chain.split(",")) {
                addPart(parts, part, settings);
              }
            });
    settings.value("agent").ifPresent(agent -> addPart(parts, agent, settings));
    if (!parts.isEmpty()) {
      request.setHeader(HEADER, String.join(" -> ", parts));
    }
  }

  private static void addPart(List<String> parts, String raw, AuthSettings settings) {
    String part = raw.strip();
    if (part.isEmpty()) {
      return;
    }
    if (part.contains("->") || part.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw Secrets.invalid(
          settings, "delegation chain part must not contain '->' or control characters");
    }
    parts.add(part);
  }
}
