package dev.ossp.runtime.a2a.internal.auth;

import dev.ossp.runtime.auth.AuthProvider;
import dev.ossp.runtime.auth.AuthSettings;
import dev.ossp.runtime.auth.OutboundRequest;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The {@code api-key} auth provider: the key from setting {@code key} (or {@code key-env}) sent
 * where setting {@code in} says ({@code header}, {@code query} or {@code cookie}; default header)
 * under the name in setting {@code name} (default {@code X-API-Key}). The client fills {@code in}
 * and {@code name} from the agent card's {@code apiKey} security scheme when the configuration
 * leaves them out. Thread-safe.
 */
public final class ApiKeyAuthProvider implements AuthProvider {
  /** The header name used when neither configuration nor card names one. */
  public static final String DEFAULT_NAME = "X-API-Key";

  private final Function<String, @Nullable String> environment;

  /** Creates the provider over the process environment. */
  public ApiKeyAuthProvider() {
    this(System::getenv);
  }

  /** Creates the provider over {@code environment}, a lookup of variables by name. */
  public ApiKeyAuthProvider(Function<String, @Nullable String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public String name() {
    return "api-key";
  }

  @Override
  public String description() {
    return "an API key in a header, query parameter or cookie, as settings in and name say";
  }

  @Override
  public void authenticate(OutboundRequest request, AuthSettings settings) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(settings, "settings");

    String key = Secrets.require(settings, "api-key", "key", environment);
    String name = settings.value("name").map(String::strip).orElse(DEFAULT_NAME);
    if (name.isEmpty() || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
      throw Secrets.invalid(settings, "api-key setting 'name' must be a header or parameter name");
    }
    String location = settings.value("in").map(String::strip).orElse("header");
    switch (location.toLowerCase(Locale.ROOT)) {
      case "header" -> request.setHeader(name, key);
      case "query" -> request.addQueryParameter(name, key);
      case "cookie" -> request.addCookie(name, key);
      default ->
          throw Secrets.invalid(
              settings,
              "api-key setting 'in' must be header, query or cookie, was '" + location + "'");
    }
  }
}
