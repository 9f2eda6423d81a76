package dev.ossp.runtime.a2a.internal.auth;

import dev.ossp.runtime.auth.AuthProvider;
import dev.ossp.runtime.auth.AuthSettings;
import dev.ossp.runtime.auth.OutboundRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The {@code basic} auth provider (RFC 7617): {@code Authorization: Basic base64(user:password)},
 * UTF-8 encoded, from the settings {@code username} and {@code password} (or {@code password-env}).
 * Thread-safe.
 */
public final class BasicAuthProvider implements AuthProvider {
  private final Function<String, @Nullable String> environment;

  /** Creates the provider over the process environment. */
  public BasicAuthProvider() {
    this(System::getenv);
  }

  /** Creates the provider over {@code environment}, a lookup of variables by name. */
  public BasicAuthProvider(Function<String, @Nullable String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public String name() {
    return "basic";
  }

  @Override
  public String description() {
    return "Authorization: Basic from settings username and password (or password-env)";
  }

  @Override
  public void authenticate(OutboundRequest request, AuthSettings settings) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(settings, "settings");

    String username = Secrets.require(settings, "basic", "username", environment);
    if (username.indexOf(':') >= 0) {
      throw Secrets.invalid(settings, "basic auth username must not contain ':'");
    }
    String password = Secrets.require(settings, "basic", "password", environment);
    String encoded =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    request.setHeader("Authorization", "Basic " + encoded);
  }
}
