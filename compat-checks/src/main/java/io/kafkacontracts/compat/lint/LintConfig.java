package io.kafkacontracts.compat.lint;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which lint rules a repository applies, from the {@code lint:} section of {@code contracts.yaml}:
 *
 * <pre>{@code
 * lint:
 *   use: [STANDARD]              # categories or rule ids; MINIMAL when there is no lint section
 *   except: [FIELD_DOC]          # rule ids taken out again
 *   fieldCase: snake_case        # or camelCase (the default)
 *   ignore: [legacy/]            # files or folders under avro/ that no rule checks
 *   ignoreOnly:                  # a rule not checked for some files or folders
 *     ENUM_DEFAULT: [shop/Status.avsc]
 * }</pre>
 *
 * Immutable.
 *
 * @param rules      the rules in force
 * @param fieldCase  the case field names follow
 * @param ignore     paths under {@code avro/} (a file, or a folder ending in {@code /}) no rule checks
 * @param ignoreOnly per rule, paths it does not check
 */
public record LintConfig(Set<LintRule> rules, FieldCase fieldCase, List<String> ignore,
    Map<LintRule, List<String>> ignoreOnly) {

  /** How field names are written. */
  public enum FieldCase {
    CAMEL_CASE("camelCase", "[a-z][a-zA-Z0-9]*"),
    SNAKE_CASE("snake_case", "[a-z][a-z0-9]*(_[a-z0-9]+)*");

    private final String written;
    private final String pattern;

    FieldCase(String written, String pattern) {
      this.written = written;
      this.pattern = pattern;
    }

    /** How the catalogue writes it: {@code camelCase} or {@code snake_case}. */
    public String written() {
      return written;
    }

    boolean matches(String name) {
      return name.matches(pattern);
    }
  }

  /** What a repository without a lint section gets: the MINIMAL rules. */
  public static final LintConfig DEFAULT = of(LintRule.Category.MINIMAL);

  public LintConfig {
    rules = rules.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rules));
    requireNonNull(fieldCase, "fieldCase == null");
    ignore = List.copyOf(ignore);
    ignoreOnly = Map.copyOf(ignoreOnly);
  }

  /** Every rule of a category, camelCase fields, nothing ignored. */
  public static LintConfig of(LintRule.Category category) {
    return new LintConfig(Set.copyOf(Arrays.stream(LintRule.values()).filter(r -> r.in(category)).toList()),
        FieldCase.CAMEL_CASE, List.of(), Map.of());
  }

  /** Whether a rule checks a file ({@code file} relative to {@code avro/}). */
  public boolean applies(LintRule rule, Path file) {
    String path = file.toString().replace('\\', '/');
    return rules.contains(rule) && ignore.stream().noneMatch(p -> covers(p, path))
        && ignoreOnly.getOrDefault(rule, List.of()).stream().noneMatch(p -> covers(p, path));
  }

  private static boolean covers(String ignored, String path) {
    String prefix = ignored.replace('\\', '/');
    return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
  }
}
