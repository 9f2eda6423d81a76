package dev.ossp.runtime.urn;

import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.error.Violation;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The identity of an agent: {@code urn:agent:<domain>:<name>[@<version>]}, for example {@code
 * urn:agent:ai:ml-agent@1.0.0}.
 *
 * <p>Grammar:
 *
 * <ul>
 *   <li>{@code urn} and {@code agent} are case-insensitive, as RFC 8141 says of the scheme and
 *       namespace identifier; the canonical form writes them in lower case;
 *   <li>domain: {@code [a-z0-9][a-z0-9-]{0,49}}; ASCII upper case in the input is folded;
 *   <li>name: {@code [A-Za-z0-9][A-Za-z0-9._-]{0,99}}, case-sensitive;
 *   <li>version: a {@link SemVer} 2.0.0 string, or absent, which means "the latest release".
 * </ul>
 *
 * <p>Whitespace anywhere is rejected, not trimmed. Equality and hashing use the canonical form, so
 * {@code URN:Agent:AI:x@1.0.0} equals {@code urn:agent:ai:x@1.0.0}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AgentUrn implements Comparable<AgentUrn> {
  /** The canonical prefix, {@code urn:agent:}. */
  public static final String PREFIX = "urn:agent:";

  /** The maximum length of a domain. */
  public static final int MAX_DOMAIN_LENGTH = 50;

  /** The maximum length of a name. */
  public static final int MAX_NAME_LENGTH = 100;

  /** The maximum length of a whole URN string, with the longest domain, name and version. */
  public static final int MAX_LENGTH =
      PREFIX.length() + MAX_DOMAIN_LENGTH + 1 + MAX_NAME_LENGTH + 1 + SemVer.MAX_LENGTH;

  private final String domain;
  private final String name;
  private final @Nullable SemVer version;
  private final String canonical;

  private AgentUrn(String domain, String name, @Nullable SemVer version) {
    this.domain = domain;
    this.name = name;
    this.version = version;
    this.canonical = PREFIX + domain + ':' + name + (version == null ? "" : "@" + version);
  }

  /**
   * Parses and canonicalizes a URN.
   *
   * @throws ValidationException whose message names the input and the part that is wrong, for
   *     example {@code invalid URN 'urn:agent::x': domain is empty}; the violation's field is the
   *     part: {@code urn}, {@code domain}, {@code name} or {@code version}
   */
  public static AgentUrn parse(String text) {
    Objects.requireNonNull(text, "text");

    Object result = parseOrProblem(text);
    if (result instanceof Violation violation) {
      throw new ValidationException(
          "invalid URN '" + printable(text) + "': " + violation.message(), violation);
    }
    return (AgentUrn) result;
  }

  /** Returns whether {@code text} is a valid agent URN. */
  public static boolean isValid(String text) {
    return parseOrProblem(text) instanceof AgentUrn;
  }

  /**
   * Returns the URN with the given parts, validated as {@link #parse} validates them.
   *
   * @param version the version, or null for "latest"
   * @throws ValidationException naming the part that is wrong
   */
  public static AgentUrn of(String domain, String name, @Nullable SemVer version) {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(name, "name");

    String text = PREFIX + domain + ':' + name + (version == null ? "" : "@" + version);
    return parse(text);
  }

  /** Returns the parsed URN, or a {@link Violation} that says what is wrong. */
  private static Object parseOrProblem(String text) {
    if (text.isEmpty()) {
      return new Violation("urn", "URN is empty");
    }
    if (text.length() > MAX_LENGTH) {
      return new Violation("urn", "URN is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i))) {
        return new Violation("urn", "URN contains whitespace at index " + i);
      }
    }
    if (!text.regionMatches(true, 0, "urn:", 0, 4)) {
      return new Violation("urn", "URN must start with 'urn:agent:'");
    }
    int namespaceEnd = text.indexOf(':', 4);
    String namespace = namespaceEnd < 0 ? text.substring(4) : text.substring(4, namespaceEnd);
    if (!namespace.equalsIgnoreCase("agent") || !isAscii(namespace)) {
      return new Violation("urn", "namespace must be 'agent', was '" + namespace + "'");
    }
    if (namespaceEnd < 0) {
      return new Violation("domain", "domain is missing after 'urn:agent:'");
    }
    String rest = text.substring(namespaceEnd + 1);
    int domainEnd = rest.indexOf(':');
    if (domainEnd < 0) {
      return rest.isEmpty()
          ? new Violation("domain", "domain is empty")
          : new Violation("name", "name is missing: expected ':' and a name after the domain");
    }
    String domainText = rest.substring(0, domainEnd);
    Violation domainProblem = domainProblem(domainText);
    if (domainProblem != null) {
      return domainProblem;
    }
    String nameAndVersion = rest.substring(domainEnd + 1);
    int at = nameAndVersion.indexOf('@');
    String nameText = at < 0 ? nameAndVersion : nameAndVersion.substring(0, at);
    Violation nameProblem = nameProblem(nameText);
    if (nameProblem != null) {
      return nameProblem;
    }
    SemVer version = null;
    if (at >= 0) {
      String versionText = nameAndVersion.substring(at + 1);
      if (versionText.indexOf('@') >= 0) {
        return new Violation("version", "URN contains more than one '@'");
      }
      if (versionText.isEmpty()) {
        return new Violation("version", "version is empty after '@'");
      }
      String versionProblem = SemVer.problemWith(versionText);
      if (versionProblem != null) {
        return new Violation(
            "version",
            "version '" + versionText + "' is not a SemVer 2.0.0 version: " + versionProblem);
      }
      version = SemVer.parse(versionText);
    }
    return new AgentUrn(domainText.toLowerCase(Locale.ROOT), nameText, version);
  }

  private static @Nullable Violation domainProblem(String domain) {
    if (domain.isEmpty()) {
      return new Violation("domain", "domain is empty");
    }
    if (domain.length() > MAX_DOMAIN_LENGTH) {
      return new Violation("domain", "domain is longer than " + MAX_DOMAIN_LENGTH + " characters");
    }
    for (int i = 0; i < domain.length(); i++) {
      char c = domain.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && (c != '-' || i == 0)) {
        return new Violation(
            "domain",
            "domain '"
                + domain
                + "' must match [a-z0-9][a-z0-9-]{0,"
                + (MAX_DOMAIN_LENGTH - 1)
                + "}");
      }
    }
    return null;
  }

  private static @Nullable Violation nameProblem(String name) {
    if (name.isEmpty()) {
      return new Violation("name", "name is empty");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return new Violation("name", "name is longer than " + MAX_NAME_LENGTH + " characters");
    }
    if (name.indexOf(':') >= 0) {
      return new Violation("name", "name '" + name + "' contains ':'");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      boolean punctuation = c == '.' || c == '_' || c == '-';
      if (!alphanumeric && (!punctuation || i == 0)) {
        return new Violation(
            "name",
            "name '"
                + name
                + "' must match [A-Za-z0-9][A-Za-z0-9._-]{0,"
                + (MAX_NAME_LENGTH - 1)
                + "}");
      }
    }
    return null;
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** Escapes control characters so an error message stays on one line. */
  private static String printable(String text) {
    StringBuilder result = new StringBuilder(Math.min(text.length(), 200));
    for (int i = 0; i < text.length() && i < 200; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        result.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        result.append(c);
      }
    }
    return text.length() > 200 ? result + "..." : result.toString();
  }

  /** The domain, in lower case. */
  public String domain() {
    return domain;
  }

  /** The name, with its case preserved. */
  public String name() {
    return name;
  }

  /** The version; empty means "the latest release". */
  public Optional<SemVer> version() {
    return Optional.ofNullable(version);
  }

  /** Returns whether this URN names a version. */
  public boolean isVersioned() {
    return version != null;
  }

  /** Returns this URN with {@code version}. */
  public AgentUrn withVersion(SemVer version) {
    Objects.requireNonNull(version, "version");

    return version.equals(this.version) ? this : new AgentUrn(domain, name, version);
  }

  /** Returns this URN without a version: the "latest release" form. */
  public AgentUrn withoutVersion() {
    return version == null ? this : new AgentUrn(domain, name, null);
  }

  /** Orders by domain, then name, then version (SemVer order, unversioned first). */
  @Override
  public int compareTo(AgentUrn other) {
    int result = domain.compareTo(other.domain);
    if (result == 0) {
      result = name.compareTo(other.name);
    }
    if (result == 0 && !Objects.equals(version, other.version)) {
      if (version == null || other.version == null) {
        return version == null ? -1 : 1;
      }
      result = version.compareTo(other.version);
    }
    return result;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof AgentUrn that && canonical.equals(that.canonical);
  }

  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  /** Returns the canonical form, for example {@code urn:agent:ai:ml-agent@1.0.0}. */
  @Override
  public String toString() {
    return canonical;
  }
}
