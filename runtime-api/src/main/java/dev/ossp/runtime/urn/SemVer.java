package dev.ossp.runtime.urn;

import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.error.Violation;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A SemVer 2.0.0 version: {@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}.
 *
 * <p>Parsing is strict: three numeric parts without leading zeros, pre-release and build
 * identifiers of {@code [0-9A-Za-z-]}, numeric pre-release identifiers without leading zeros, at
 * most {@value #MAX_LENGTH} characters in all.
 *
 * <p>{@link #compareTo} orders by SemVer precedence (1.9.0 &lt; 1.10.0, 1.0.0-alpha &lt; 1.0.0)
 * and, where precedence is equal, by build metadata as text, so that it is consistent with {@link
 * #equals}. Use {@link #PRECEDENCE} for precedence alone, which ignores build metadata as the
 * specification requires.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SemVer implements Comparable<SemVer> {
  /** The maximum length of a version string. */
  public static final int MAX_LENGTH = 128;

  /** Orders versions by SemVer precedence alone; versions differing only in build compare equal. */
  public static final Comparator<SemVer> PRECEDENCE = SemVer::comparePrecedence;

  private final long major;
  private final long minor;
  private final long patch;
  private final List<String> preRelease;
  private final List<String> build;
  private final String text;

  private SemVer(long major, long minor, long patch, List<String> preRelease, List<String> build) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.preRelease = List.copyOf(preRelease);
    this.build = List.copyOf(build);
    StringBuilder builder = new StringBuilder().append(major).append('.').append(minor);
    builder.append('.').append(patch);
    if (!preRelease.isEmpty()) {
      builder.append('-').append(String.join(".", preRelease));
    }
    if (!build.isEmpty()) {
      builder.append('+').append(String.join(".", build));
    }
    this.text = builder.toString();
  }

  /**
   * Returns the release version {@code major.minor.patch}.
   *
   * @throws IllegalArgumentException if a part is negative
   */
  public static SemVer of(long major, long minor, long patch) {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException(
          "version parts must be >= 0, were " + major + "." + minor + "." + patch);
    }
    return new SemVer(major, minor, patch, List.of(), List.of());
  }

  /**
   * Parses a SemVer 2.0.0 string.
   *
   * @throws ValidationException naming the part that is wrong, with field {@code version}
   */
  public static SemVer parse(String text) {
    Objects.requireNonNull(text, "text");

    String problem = problemWith(text);
    if (problem != null) {
      throw new ValidationException(
          "invalid version '" + text + "': " + problem, new Violation("version", problem));
    }
    return parseChecked(text);
  }

  /** Returns whether {@code text} is a valid SemVer 2.0.0 string. */
  public static boolean isValid(String text) {
    return problemWith(text) == null;
  }

  /** Returns what is wrong with {@code text} as a version, or null when it is valid. */
  static @Nullable String problemWith(String text) {
    if (text.isEmpty()) {
      return "version is empty";
    }
    if (text.length() > MAX_LENGTH) {
      return "version is longer than " + MAX_LENGTH + " characters";
    }
    int plus = text.indexOf('+');
    String withoutBuild = plus < 0 ? text : text.substring(0, plus);
    if (plus >= 0) {
      String problem = identifiersProblem(text.substring(plus + 1), "build metadata", false);
      if (problem != null) {
        return problem;
      }
    }
    int dash = withoutBuild.indexOf('-');
    String core = dash < 0 ? withoutBuild : withoutBuild.substring(0, dash);
    if (dash >= 0) {
      String problem = identifiersProblem(withoutBuild.substring(dash + 1), "pre-release", true);
      if (problem != null) {
        return problem;
      }
    }
    String[] parts = core.split("\\.", -1);
    if (parts.length != 3) {
      return "expected MAJOR.MINOR.PATCH but found '" + core + "'";
    }
    String[] names = {"major", "minor", "patch"};
    for (int i = 0; i < 3; i++) {
      String problem = numberProblem(parts[i], names[i]);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static @Nullable String numberProblem(String part, String name) {
    if (part.isEmpty()) {
      return name + " version is empty";
    }
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c < '0' || c > '9') {
        return name + " version '" + part + "' is not a number";
      }
    }
    if (part.length() > 1 && part.charAt(0) == '0') {
      return name + " version '" + part + "' has a leading zero";
    }
    if (part.length() > 18) {
      return name + " version '" + part + "' is too large";
    }
    return null;
  }

  private static @Nullable String identifiersProblem(
      String identifiers, String what, boolean numericRules) {
    if (identifiers.isEmpty()) {
      return what + " is empty";
    }
    for (String identifier : identifiers.split("\\.", -1)) {
      if (identifier.isEmpty()) {
        return what + " '" + identifiers + "' has an empty identifier";
      }
      boolean numeric = true;
      for (int i = 0; i < identifier.length(); i++) {
        char c = identifier.charAt(i);
        boolean digit = c >= '0' && c <= '9';
        boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!digit && !letter && c != '-') {
          return what + " identifier '" + identifier + "' may contain only [0-9A-Za-z-]";
        }
        numeric &= digit;
      }
      if (numericRules && numeric && identifier.length() > 1 && identifier.charAt(0) == '0') {
        return what + " identifier '" + identifier + "' has a leading zero";
      }
    }
    return null;
  }

  private static SemVer parseChecked(String text) {
    int plus = text.indexOf('+');
    String withoutBuild = plus < 0 ? text : text.substring(0, plus);
    List<String> build = plus < 0 ? List.of() : List.of(text.substring(plus + 1).split("\\."));
    int dash = withoutBuild.indexOf('-');
    String core = dash < 0 ? withoutBuild : withoutBuild.substring(0, dash);
    List<String> preRelease =
        dash < 0 ? List.of() : List.of(withoutBuild.substring(dash + 1).split("\\."));
    String[] parts = core.split("\\.");
    return new SemVer(
        Long.parseLong(parts[0]),
        Long.parseLong(parts[1]),
        Long.parseLong(parts[2]),
        preRelease,
        build);
  }

  /** The major version. */
  public long major() {
    return major;
  }

  /** The minor version. */
  public long minor() {
    return minor;
  }

  /** The patch version. */
  public long patch() {
    return patch;
  }

  /** The pre-release identifiers, empty for a release. */
  public List<String> preRelease() {
    return preRelease;
  }

  /** The build metadata identifiers, empty when there are none. */
  public List<String> build() {
    return build;
  }

  /** Returns whether this is a pre-release such as {@code 1.0.0-rc.1}. */
  public boolean isPreRelease() {
    return !preRelease.isEmpty();
  }

  /** Returns this version without pre-release identifiers and build metadata. */
  public SemVer toRelease() {
    return preRelease.isEmpty() && build.isEmpty() ? this : of(major, minor, patch);
  }

  /** Returns whether major, minor and patch equal those of {@code other}. */
  public boolean sameCore(SemVer other) {
    return major == other.major && minor == other.minor && patch == other.patch;
  }

  private static int comparePrecedence(SemVer a, SemVer b) {
    int result = Long.compare(a.major, b.major);
    if (result == 0) {
      result = Long.compare(a.minor, b.minor);
    }
    if (result == 0) {
      result = Long.compare(a.patch, b.patch);
    }
    if (result == 0) {
      result = comparePreRelease(a.preRelease, b.preRelease);
    }
    return result;
  }

  private static int comparePreRelease(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      // A release has higher precedence than any of its pre-releases.
      return Boolean.compare(a.isEmpty(), b.isEmpty());
    }
    int common = Math.min(a.size(), b.size());
    for (int i = 0; i < common; i++) {
      int result = compareIdentifier(a.get(i), b.get(i));
      if (result != 0) {
        return result;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareIdentifier(String a, String b) {
    boolean aNumeric = isNumeric(a);
    boolean bNumeric = isNumeric(b);
    if (aNumeric && bNumeric) {
      // No leading zeros, so the longer number is the larger; this never overflows.
      int byLength = Integer.compare(a.length(), b.length());
      return byLength != 0 ? byLength : a.compareTo(b);
    }
    if (aNumeric != bNumeric) {
      return aNumeric ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private static boolean isNumeric(String identifier) {
    for (int i = 0; i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public int compareTo(SemVer other) {
    int result = comparePrecedence(this, other);
    if (result != 0) {
      return result;
    }
    return String.join(".", build).compareTo(String.join(".", other.build));
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof SemVer that && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** Returns the version in SemVer form, for example {@code 1.2.3-rc.1+build.5}. */
  @Override
  public String toString() {
    return text;
  }
}
