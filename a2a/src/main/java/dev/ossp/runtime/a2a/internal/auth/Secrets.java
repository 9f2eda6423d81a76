package dev.ossp.runtime.a2a.internal.auth;

import dev.ossp.runtime.auth.AuthSettings;
import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads a credential from a provider's settings: the value itself ({@code <name>}) or the name of
 * an environment variable that holds it ({@code <name>-env}), read on every call so a rotated value
 * takes effect at once. Errors name the setting and the variable, never a value.
 */
final class Secrets {
  private Secrets() {}

  static Optional<String> read(
      AuthSettings settings, String name, Function<String, @Nullable String> environment) {
    Objects.requireNonNull(settings, "settings");

    Optional<String> direct = settings.value(name).filter(value -> !value.isBlank());
    if (direct.isPresent()) {
      return direct.map(String::strip);
    }
    Optional<String> variable = settings.value(name + "-env").filter(value -> !value.isBlank());
    if (variable.isEmpty()) {
      return Optional.empty();
    }
    String value = environment.apply(variable.get().strip());
    if (value == null || value.isBlank()) {
      throw missing(
          settings,
          "environment variable "
              + variable.get().strip()
              + " named by setting '"
              + name
              + "-env' is not set or empty");
    }
    return Optional.of(value.strip());
  }

  static String require(
      AuthSettings settings,
      String provider,
      String name,
      Function<String, @Nullable String> environment) {
    return read(settings, name, environment)
        .orElseThrow(
            () ->
                missing(
                    settings,
                    provider
                        + " auth needs setting '"
                        + name
                        + "' or '"
                        + name
                        + "-env' (a2a.targets.<name>.auth."
                        + name
                        + ")"));
  }

  static OsspException missing(AuthSettings settings, String message) {
    return new OsspException(
        ErrorKind.AUTH,
        message + " for target " + settings.target(),
        null,
        ErrorContext.builder().target(settings.target()).detail("outcome", "not-sent").build(),
        false);
  }

  static OsspException invalid(AuthSettings settings, String message) {
    return new OsspException(
        ErrorKind.VALIDATION,
        message + " for target " + settings.target(),
        null,
        ErrorContext.builder().target(settings.target()).detail("outcome", "not-sent").build(),
        false);
  }
}
