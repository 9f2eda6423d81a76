package dev.ossp.runtime.config;

import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.error.Violation;
import java.util.List;

/**
 * The runtime's configuration is invalid: an unknown key, a value of the wrong type or out of
 * range, or an unknown strategy name. Each {@link Violation} names the key, the value, what is
 * valid, and the closest known key for a typo. The CLI exits with status 2 on this error.
 */
public class ConfigException extends ValidationException {
  private static final long serialVersionUID = 1L;

  /** Creates the error for the given violations; the message lists them all. */
  public ConfigException(List<Violation> violations) {
    super(messageFor(violations), violations);
  }

  /** Creates the error for one violation. */
  public ConfigException(Violation violation) {
    this(List.of(violation));
  }

  private static String messageFor(List<Violation> violations) {
    if (violations.size() == 1) {
      return "invalid configuration: " + violations.get(0);
    }
    StringBuilder message =
        new StringBuilder("invalid configuration (")
            .append(violations.size())
            .append(" problems):");
    for (Violation violation : violations) {
      message.append("\n  - ").append(violation);
    }
    return message.toString();
  }
}
