package dev.ossp.runtime.a2a.internal.auth;

import dev.ossp.runtime.auth.AuthProvider;
import dev.ossp.runtime.auth.AuthSettings;
import dev.ossp.runtime.auth.OutboundRequest;
import java.util.Objects;

/** The {@code none} auth provider: adds nothing. Thread-safe. */
public final class NoneAuthProvider implements AuthProvider {
  @Override
  public String name() {
    return "none";
  }

  @Override
  public String description() {
    return "sends no credentials";
  }

  @Override
  public void authenticate(OutboundRequest request, AuthSettings settings) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(settings, "settings");
  }
}
