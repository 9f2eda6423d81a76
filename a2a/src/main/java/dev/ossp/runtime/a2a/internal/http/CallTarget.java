package dev.ossp.runtime.a2a.internal.http;

import dev.ossp.runtime.discovery.SecurityScheme;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where one call goes: the name of its breaker, retry policy and metrics (an agent URN or a URL's
 * origin), the endpoint URLs to try in order, the matching configured target, and the security
 * schemes the agent's card declares.
 *
 * @param key the breaker, retry and metric name
 * @param candidates the full URLs to try, preferred first; never empty
 * @param override the configured target that matches, or null
 * @param securitySchemes the card's security schemes, for api-key placement
 */
public record CallTarget(
    String key,
    List<URI> candidates,
    @Nullable TargetOverride override,
    List<SecurityScheme> securitySchemes) {
  /** Copies the lists and checks that there is a URL to call. */
  public CallTarget {
    Objects.requireNonNull(key, "key");
    candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates"));
    securitySchemes = List.copyOf(Objects.requireNonNull(securitySchemes, "securitySchemes"));
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("a call needs at least one URL: " + key);
    }
  }
}
