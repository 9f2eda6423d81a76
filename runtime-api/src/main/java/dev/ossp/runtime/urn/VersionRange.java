package dev.ossp.runtime.urn;

import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.error.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A set of SemVer versions, written in the range syntax that npm and Cargo users know.
 *
 * <p>Supported forms, combinable with spaces (AND) and {@code ||} (OR):
 *
 * <ul>
 *   <li>{@code *}, {@code x} or an empty string: every release;
 *   <li>{@code 1.2.3} or {@code =1.2.3}: exactly that version;
 *   <li>{@code 1.2} or {@code 1.2.x}: {@code >=1.2.0 <1.3.0}; {@code 1} or {@code 1.x}: {@code
 *       >=1.0.0 <2.0.0};
 *   <li>{@code ^1.2.3}: {@code >=1.2.3 <2.0.0}, and for 0.x {@code ^0.2.3}: {@code >=0.2.3 <0.3.0},
 *       {@code ^0.0.3}: {@code >=0.0.3 <0.0.4}; {@code ^1.2}: {@code >=1.2.0 <2.0.0};
 *   <li>{@code ~1.2.3}: {@code >=1.2.3 <1.3.0}; {@code ~1.2}: {@code >=1.2.0 <1.3.0}; {@code ~1}:
 *       {@code >=1.0.0 <2.0.0};
 *   <li>{@code >}, {@code >=}, {@code <}, {@code <=} followed by a full or partial version.
 * </ul>
 *
 * <p>Pre-releases: as in npm, a pre-release version such as {@code 1.3.0-rc.1} is in the range only
 * if some comparator of the same alternative names a pre-release of 1.3.0, so {@code ^1.2.0} never
 * admits unstable versions by accident while {@code >=1.3.0-rc.1} does.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class VersionRange {
  /** The maximum length of a range string. */
  public static final int MAX_LENGTH = 256;

  private static final String FORMS =
      "use *, 1.2.3, =1.2.3, 1.2, 1.x, ^1.2.3, ~1.2.3, >=1.0.0 <2.0.0 or alternatives joined by ||";

  private static final VersionRange ANY = new VersionRange("*", List.of(List.of()));

  private final String text;
  private final List<List<Bound>> alternatives;

  private VersionRange(String text, List<List<Bound>> alternatives) {
    this.text = text;
    this.alternatives = alternatives;
  }

  /** Returns the range that contains every release. */
  public static VersionRange any() {
    return ANY;
  }

  /** Returns the range that contains exactly {@code version}. */
  public static VersionRange exactly(SemVer version) {
    Objects.requireNonNull(version, "version");

    return new VersionRange(
        "=" + version, List.of(List.of(new Bound(Operator.EQUAL, version, version))));
  }

  /**
   * Parses a range.
   *
   * @throws ValidationException with field {@code versionRange} when the text is not a range
   */
  public static VersionRange parse(String text) {
    Objects.requireNonNull(text, "text");

    String trimmed = text.strip();
    if (trimmed.length() > MAX_LENGTH) {
      throw invalid(text, "range is longer than " + MAX_LENGTH + " characters");
    }
    List<List<Bound>> alternatives = new ArrayList<>();
    for (String alternative : trimmed.split("\\|\\|", -1)) {
      alternatives.add(parseAlternative(text, alternative.strip()));
    }
    return new VersionRange(trimmed.isEmpty() ? "*" : trimmed, List.copyOf(alternatives));
  }

  private static List<Bound> parseAlternative(String text, String alternative) {
    if (alternative.isEmpty() || alternative.equals("*") || alternative.equalsIgnoreCase("x")) {
      return List.of();
    }
    List<Bound> bounds = new ArrayList<>();
    for (String comparator : alternative.split("\\s+")) {
      addBounds(text, comparator, bounds);
    }
    return List.copyOf(bounds);
  }

  private static void addBounds(String text, String comparator, List<Bound> bounds) {
    String operator = leadingOperator(comparator);
    String versionText = comparator.substring(operator.length());
    if (versionText.isEmpty()) {
      throw invalid(text, "operator '" + operator + "' has no version after it");
    }
    Partial partial = Partial.parse(text, versionText);
    switch (operator) {
      case "" -> addXRange(partial, bounds);
      case "=" -> addXRange(partial, bounds);
      case "^" -> addCaret(partial, bounds);
      case "~" -> addTilde(partial, bounds);
      case ">=" -> bounds.add(new Bound(Operator.AT_LEAST, partial.floor(), partial.exact));
      case ">" -> {
        if (partial.exact != null) {
          bounds.add(new Bound(Operator.ABOVE, partial.exact, partial.exact));
        } else {
          bounds.add(new Bound(Operator.AT_LEAST, partial.nextAfterGiven(), null));
        }
      }
      case "<" -> bounds.add(new Bound(Operator.BELOW, partial.floor(), partial.exact));
      case "<=" -> {
        if (partial.exact != null) {
          bounds.add(new Bound(Operator.AT_MOST, partial.exact, partial.exact));
        } else {
          bounds.add(new Bound(Operator.BELOW, partial.nextAfterGiven(), null));
        }
      }
      default -> throw invalid(text, "unknown operator '" + operator + "'");
    }
  }

  private static String leadingOperator(String comparator) {
    for (String operator : List.of(">=", "<=", ">", "<", "=", "^", "~")) {
      if (comparator.startsWith(operator)) {
        return operator;
      }
    }
    return "";
  }

  private static void addXRange(Partial partial, List<Bound> bounds) {
    if (partial.exact != null) {
      bounds.add(new Bound(Operator.EQUAL, partial.exact, partial.exact));
    } else if (partial.given > 0) {
      bounds.add(new Bound(Operator.AT_LEAST, partial.floor(), null));
      bounds.add(new Bound(Operator.BELOW, partial.nextAfterGiven(), null));
    }
  }

  private static void addCaret(Partial partial, List<Bound> bounds) {
    if (partial.given == 0) {
      return;
    }
    SemVer floor = partial.exact != null ? partial.exact : partial.floor();
    bounds.add(new Bound(Operator.AT_LEAST, floor, partial.exact));
    SemVer ceiling;
    if (partial.major > 0 || partial.given == 1) {
      ceiling = SemVer.of(partial.major + 1, 0, 0);
    } else if (partial.minor > 0 || partial.given == 2) {
      ceiling = SemVer.of(0, partial.minor + 1, 0);
    } else {
      ceiling = SemVer.of(0, 0, partial.patch + 1);
    }
    bounds.add(new Bound(Operator.BELOW, ceiling, null));
  }

  private static void addTilde(Partial partial, List<Bound> bounds) {
    if (partial.given == 0) {
      return;
    }
    SemVer floor = partial.exact != null ? partial.exact : partial.floor();
    bounds.add(new Bound(Operator.AT_LEAST, floor, partial.exact));
    SemVer ceiling =
        partial.given == 1
            ? SemVer.of(partial.major + 1, 0, 0)
            : SemVer.of(partial.major, partial.minor + 1, 0);
    bounds.add(new Bound(Operator.BELOW, ceiling, null));
  }

  private static ValidationException invalid(String text, String problem) {
    String message = problem + "; " + FORMS;
    return new ValidationException(
        "invalid version range '" + text + "': " + message, new Violation("versionRange", message));
  }

  /** Returns whether {@code version} is in this range. */
  public boolean contains(SemVer version) {
    Objects.requireNonNull(version, "version");

    for (List<Bound> bounds : alternatives) {
      if (matches(bounds, version)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(List<Bound> bounds, SemVer version) {
    for (Bound bound : bounds) {
      if (!bound.admits(version)) {
        return false;
      }
    }
    if (!version.isPreRelease()) {
      return true;
    }
    for (Bound bound : bounds) {
      if (bound.preReleaseAnchor != null
          && bound.preReleaseAnchor.isPreRelease()
          && bound.preReleaseAnchor.sameCore(version)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the highest version of {@code versions} in this range, by SemVer precedence. */
  public Optional<SemVer> highest(Collection<SemVer> versions) {
    Objects.requireNonNull(versions, "versions");

    SemVer best = null;
    for (SemVer version : versions) {
      if (contains(version) && (best == null || version.compareTo(best) > 0)) {
        best = version;
      }
    }
    return Optional.ofNullable(best);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof VersionRange that && alternatives.equals(that.alternatives);
  }

  @Override
  public int hashCode() {
    return alternatives.hashCode();
  }

  /** Returns the range as written, without surrounding whitespace; {@code *} for any. */
  @Override
  public String toString() {
    return text;
  }

  private enum Operator {
    EQUAL,
    ABOVE,
    AT_LEAST,
    BELOW,
    AT_MOST
  }

  /**
   * One comparison. {@code preReleaseAnchor} is the full version the user wrote when it carried a
   * pre-release, which lets pre-releases of that same core version into the range.
   */
  private record Bound(Operator operator, SemVer version, @Nullable SemVer preReleaseAnchor) {
    boolean admits(SemVer candidate) {
      int order = SemVer.PRECEDENCE.compare(candidate, version);
      return switch (operator) {
        case EQUAL -> order == 0;
        case ABOVE -> order > 0;
        case AT_LEAST -> order >= 0;
        case BELOW -> order < 0;
        case AT_MOST -> order <= 0;
      };
    }
  }

  /** A version with 0 to 3 parts given; missing or wildcard parts are open. */
  private static final class Partial {
    final int given;
    final long major;
    final long minor;
    final long patch;
    final @Nullable SemVer exact;

    private Partial(int given, long major, long minor, long patch, @Nullable SemVer exact) {
      this.given = given;
      this.major = major;
      this.minor = minor;
      this.patch = patch;
      this.exact = exact;
    }

    static Partial parse(String text, String versionText) {
      if (SemVer.isValid(versionText)) {
        SemVer version = SemVer.parse(versionText);
        return new Partial(3, version.major(), version.minor(), version.patch(), version);
      }
      String[] parts = versionText.split("\\.", -1);
      if (parts.length > 3) {
        throw invalid(text, "'" + versionText + "' is not a version");
      }
      long[] numbers = new long[3];
      int given = 0;
      boolean wildcardSeen = false;
      for (String part : parts) {
        if (part.equals("*") || part.equalsIgnoreCase("x")) {
          wildcardSeen = true;
          continue;
        }
        if (wildcardSeen || !part.matches("0|[1-9][0-9]{0,17}")) {
          throw invalid(text, "'" + versionText + "' is not a version or partial version");
        }
        numbers[given++] = Long.parseLong(part);
      }
      return new Partial(given, numbers[0], numbers[1], numbers[2], null);
    }

    SemVer floor() {
      return exact != null ? exact : SemVer.of(major, minor, patch);
    }

    /** The first release past every version that matches the given parts. */
    SemVer nextAfterGiven() {
      return switch (given) {
        case 0 -> SemVer.of(Long.MAX_VALUE, 0, 0);
        case 1 -> SemVer.of(major + 1, 0, 0);
        case 2 -> SemVer.of(major, minor + 1, 0);
        default -> SemVer.of(major, minor, patch + 1);
      };
    }
  }
}
