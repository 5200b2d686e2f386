package io.kafkacontracts.compat.lint;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The known name nearest a misspelled one, for "did you mean" hints: by edit distance on full
 * names, and on simple names when the written name has no namespace (or the right simple name in
 * the wrong namespace). A name further than a third of its length (at least 2 edits) is no hint.
 */
public final class NearestName {

  private NearestName() {}

  public static Optional<String> of(String written, Collection<String> known) {
    String simple = simpleName(written);
    return known.stream()
        .filter(name -> !name.equals(written))
        .map(name -> new Scored(name, Math.min(distance(written, name), distance(simple, simpleName(name)))))
        .filter(s -> s.distance() <= Math.max(2, simple.length() / 3))
        .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
        .map(Scored::name);
  }

  private record Scored(String name, int distance) {}

  private static String simpleName(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** Levenshtein distance, case-insensitive. */
  static int distance(String a, String b) {
    String x = a.toLowerCase(java.util.Locale.ROOT);
    String y = b.toLowerCase(java.util.Locale.ROOT);
    int[] previous = new int[y.length() + 1];
    int[] current = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[y.length()];
  }
}
