package dev.ossp.runtime.core.internal.config;

import java.util.Collection;
import java.util.Optional;

/** Finds the closest known name to a misspelled one, by optimal string alignment distance. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * Returns the candidate closest to {@code name}, if it is close enough to be a likely typo: at
   * most one edit per four characters of {@code name}, at least one and at most three edits. An
   * adjacent transposition counts as one edit. Ties go to the candidate listed first.
   */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    int allowed = Math.max(1, Math.min(3, name.length() / 4));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (candidate.equals(name)) {
        continue;
      }
      int distance = distance(name, candidate);
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Returns the optimal string alignment distance (Levenshtein plus adjacent transpositions). */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          value = Math.min(value, d[i - 2][j - 2] + 1);
        }
        d[i][j] = value;
      }
    }
    return d[a.length()][b.length()];
  }
}
