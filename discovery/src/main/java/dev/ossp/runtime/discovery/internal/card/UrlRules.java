package dev.ossp.runtime.discovery.internal.card;

import dev.ossp.runtime.error.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules for URLs an agent card gives as endpoints: absolute {@code http} or {@code https}, with
 * a host, no credentials, and no template placeholders left in.
 *
 * <p>Messages never repeat a whole URL, because a rejected URL may carry credentials.
 */
final class UrlRules {
  private static final Pattern PLACEHOLDER = Pattern.compile("<[^>]*>|\\$\\{[^}]*}|\\{[^}]*}");

  private UrlRules() {}

  /**
   * Returns the URL, or null after adding a violation for {@code field} to {@code violations}.
   *
   * @param base the URL a relative path resolves against, or null when relative paths are invalid
   */
  static @Nullable URI check(
      String field, String text, @Nullable URI base, List<Violation> violations) {
    Matcher placeholder = PLACEHOLDER.matcher(text);
    if (placeholder.find()) {
      violations.add(
          new Violation(
              field,
              "URL contains the template placeholder '"
                  + placeholder.group()
                  + "'; replace it with the agent's real address"));
      return null;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      violations.add(new Violation(field, "URL is not valid: " + e.getReason()));
      return null;
    }
    if (uri.getRawUserInfo() != null) {
      violations.add(
          new Violation(field, "URL must not contain credentials; send them in a request header"));
      return null;
    }
    if (!uri.isAbsolute()) {
      if (base == null) {
        violations.add(new Violation(field, "URL must be absolute, with http or https"));
        return null;
      }
      if (uri.getRawAuthority() != null || !text.startsWith("/")) {
        violations.add(
            new Violation(field, "relative URL must be a path starting with '/', such as /health"));
        return null;
      }
      uri = base.resolve(uri);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      violations.add(
          new Violation(field, "URL scheme '" + scheme + "' is not allowed; use http or https"));
      return null;
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      violations.add(new Violation(field, "URL has no host"));
      return null;
    }
    return uri;
  }
}
