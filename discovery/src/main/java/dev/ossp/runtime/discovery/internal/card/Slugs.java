package dev.ossp.runtime.discovery.internal.card;

import dev.ossp.runtime.urn.AgentUrn;
import java.text.Normalizer;
import java.util.Locale;

/** Turns a card's display name into the name part of a URN. */
final class Slugs {
  private Slugs() {}

  /**
   * Returns {@code name} as a URN name: accents removed, lower case, each run of characters outside
   * {@code [a-z0-9._-]} replaced by one dash, leading and trailing punctuation dropped, at most
   * {@value AgentUrn#MAX_NAME_LENGTH} characters. Returns an empty string when nothing is left.
   */
  static String slugify(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
    StringBuilder slug = new StringBuilder(Math.min(decomposed.length(), 128));
    boolean pendingDash = false;
    for (int i = 0; i < decomposed.length(); i++) {
      char c = Character.toLowerCase(decomposed.charAt(i));
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      boolean allowed =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
      if (!allowed) {
        pendingDash = true;
        continue;
      }
      if (pendingDash && slug.length() > 0) {
        slug.append('-');
      }
      pendingDash = false;
      slug.append(c);
    }
    int start = 0;
    while (start < slug.length() && !Character.isLetterOrDigit(slug.charAt(start))) {
      start++;
    }
    String trimmed = slug.substring(start);
    if (trimmed.length() > AgentUrn.MAX_NAME_LENGTH) {
      trimmed = trimmed.substring(0, AgentUrn.MAX_NAME_LENGTH);
    }
    int end = trimmed.length();
    while (end > 0 && !Character.isLetterOrDigit(trimmed.charAt(end - 1))) {
      end--;
    }
    return trimmed.substring(0, end).toLowerCase(Locale.ROOT);
  }
}
