package io.kafkacontracts.compat.report;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.CompatibilityReport;
import io.kafkacontracts.compat.Direction;
import io.kafkacontracts.compat.Rule;
import io.kafkacontracts.compat.SchemaPath;
import io.kafkacontracts.compat.Severity;
import io.kafkacontracts.compat.Violation;
import io.kafkacontracts.compat.source.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One cause, reported once: the violations that share a rule, a direction, a place in the
 * candidate and their words (but for the version they name), with every subject and version they
 * break. A change to a type shared by eight subjects is one finding naming eight subjects; a
 * transitive break against three versions is one finding naming three versions. Immutable.
 *
 * @param rule        the rule
 * @param direction   which way data would fail to flow
 * @param at          where the cause is: the candidate's file:line, else the earlier version's
 * @param message     what is wrong, naming the versions of all occurrences
 * @param fix         what to do about it
 * @param occurrences each subject and path the cause breaks, with its versions
 */
public record Finding(Rule rule, Direction direction, Optional<SourceLocation> at, String message, String fix,
    List<Occurrence> occurrences) {

  /**
   * The cause in one subject at one path.
   *
   * @param subject    the subject
   * @param level      the level it was judged at
   * @param path       where, by names, in that subject's schema
   * @param violations the violations there, one per earlier version, oldest first
   */
  public record Occurrence(String subject, CompatibilityLevel level, SchemaPath path, List<Violation> violations) {
    public Occurrence {
      requireNonNull(subject, "subject == null");
      requireNonNull(level, "level == null");
      requireNonNull(path, "path == null");
      violations = List.copyOf(violations);
    }

    /** "version 1", "versions 1, 2" or the names of git versions: what this occurrence was judged against. */
    public String against() {
      List<String> names = violations.stream().map(Violation::versionName).distinct().toList();
      boolean plain = names.stream().allMatch(name -> name.matches("version \\d+"));
      if (names.size() > 1 && plain) {
        return "versions " + violations.stream().map(v -> String.valueOf(v.version())).distinct()
            .collect(Collectors.joining(", "));
      }
      return String.join(", ", names);
    }
  }

  public Finding {
    requireNonNull(rule, "rule == null");
    requireNonNull(direction, "direction == null");
    requireNonNull(at, "at == null");
    requireNonNull(message, "message == null");
    requireNonNull(fix, "fix == null");
    occurrences = List.copyOf(occurrences);
  }

  public Severity severity() {
    return rule.severity();
  }

  /** Every violation of every occurrence. */
  public List<Violation> violations() {
    return occurrences.stream().flatMap(o -> o.violations().stream()).toList();
  }

  /** The subjects it breaks, in report order. */
  public List<String> subjects() {
    return occurrences.stream().map(Occurrence::subject).distinct().toList();
  }

  /**
   * Groups the violations of the reports by cause: errors first, then warnings, each in the order
   * the reports first met them.
   */
  public static List<Finding> group(List<CompatibilityReport> reports) {
    record Cause(Rule rule, Direction direction, String at, String message, String fix) {}
    record Place(String subject, CompatibilityLevel level, SchemaPath path) {}
    Map<Cause, Map<Place, List<Violation>>> causes = new LinkedHashMap<>();
    for (CompatibilityReport report : reports) {
      for (Violation v : report.violations()) {
        Cause cause = new Cause(v.rule(), v.direction(), where(v).map(Object::toString).orElse(v.path().toString()),
            withoutVersion(v.message(), v), withoutVersion(v.fix(), v));
        causes.computeIfAbsent(cause, c -> new LinkedHashMap<>())
            .computeIfAbsent(new Place(report.subject(), v.level(), v.path()), p -> new ArrayList<>())
            .add(v);
      }
    }
    List<Finding> findings = new ArrayList<>();
    causes.forEach((cause, places) -> {
      List<Occurrence> occurrences = new ArrayList<>();
      places.forEach((place, violations) -> occurrences.add(new Occurrence(place.subject(), place.level(),
          place.path(), violations.stream().sorted(Comparator.comparingInt(Violation::version)).toList())));
      Violation first = occurrences.get(0).violations().get(0);
      String versions = versions(occurrences);
      findings.add(new Finding(cause.rule(), cause.direction(), where(first),
          cause.message().replace(VERSION, versions), cause.fix().replace(VERSION, versions), occurrences));
    });
    findings.sort(Comparator.comparing(Finding::severity)); // stable: errors first, each in order met
    return List.copyOf(findings);
  }

  /** Marks where a message names the version it was judged against, to compare words across versions. */
  private static final String VERSION = "\u0000version\u0000";

  private static String withoutVersion(String text, Violation v) {
    return text.replace(v.versionName(), VERSION);
  }

  /** How the words name the versions: one version by its name; several of one subject by number; else in general. */
  private static String versions(List<Occurrence> occurrences) {
    List<String> names = occurrences.stream().flatMap(o -> o.violations().stream()).map(Violation::versionName)
        .distinct().toList();
    if (names.size() == 1) {
      return names.get(0);
    }
    if (occurrences.stream().map(Occurrence::subject).distinct().count() == 1) {
      List<String> numbers = occurrences.stream().flatMap(o -> o.violations().stream())
          .map(v -> String.valueOf(v.version())).distinct().toList();
      return "versions " + String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and "
          + numbers.get(numbers.size() - 1);
    }
    return "their earlier versions";
  }

  private static Optional<SourceLocation> where(Violation v) {
    return v.candidateLocation().or(v::baselineLocation);
  }
}
