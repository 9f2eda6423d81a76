package dev.ossp.runtime.a2a.internal.auth;

import dev.ossp.runtime.auth.AuthProvider;
import dev.ossp.runtime.auth.AuthSettings;
import dev.ossp.runtime.auth.OutboundRequest;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The {@code bearer} auth provider: {@code Authorization: Bearer <token>}, with the token from the
 * setting {@code token} or from the environment variable named by {@code token-env}, read on every
 * call. A missing token fails the call with an auth error before anything is sent. Thread-safe.
 */
public final class BearerAuthProvider implements AuthProvider {
  private final Function<String, @Nullable String> environment;

  /** Creates the provider over the process environment. */
  public BearerAuthProvider() {
    this(System::getenv);
  }

  /** Creates the provider over {@code environment}, a lookup of variables by name. */
  public BearerAuthProvider(Function<String, @Nullable String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public String name() {
    return "bearer";
  }

  @Override
  public String description() {
    return "Authorization: Bearer from setting token or the variable named by token-env";
  }

  @Override
  public void authenticate(OutboundRequest request, AuthSettings settings) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(settings, "settings");

    String token = Secrets.require(settings, "bearer", "token", environment);
    if (token.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw Secrets.invalid(settings, "bearer token contains control characters");
    }
    request.setHeader("Authorization", "Bearer " + token);
  }
}
