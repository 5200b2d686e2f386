package io.kafkacontracts.compat;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.baseline.Baseline;
import io.kafkacontracts.compat.catalogue.KeySpec;
import io.kafkacontracts.compat.catalogue.TopicContract;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.compat.source.SourceLocation;
import io.kafkacontracts.compat.source.SourcePosition;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole gate as one library call, for the build and the Maven plugin to render and act on:
 * every subject of the catalogue (each value subject, and each key subject whose key is a named
 * type) is checked against its earlier versions from the baseline at its topic's level; accepted
 * breaks are applied; problems of the contracts and of the accepted-breaks list are included. A
 * subject shared by several topics (record-based naming) is checked once.
 *
 * <p>A level weaker than the baseline's ({@link Baseline#level}) is a violation of its own,
 * {@link Rule#LEVEL_RELAXED} at the catalogue's {@code compatibility:} line, and the candidate is
 * judged at both levels' guarantees combined: a relaxation takes effect after the change that
 * makes it. A stricter level judges the candidate at the new level and says so in a note. Where the
 * baseline holds a catalogue (git), the topic rules ({@link TopicRules}) compare the topics too,
 * reported under each topic's name. Stateless.
 */
public final class ContractsGate {

  /** The path of a level in findings and in accepted-breaks entries. */
  public static final SchemaPath LEVEL_PATH = SchemaPath.ROOT.then("compatibility");

  private final CompatibilityEngine engine = new CompatibilityEngine();

  /**
   * Runs the gate.
   *
   * @param contracts the loaded contracts directory; if it has problems, no subject is checked
   * @param baseline  where earlier versions come from
   * @param accepted  the accepted-breaks list
   * @param today     the date accepted breaks expire by
   * @param display   how to name files in findings
   */
  public GateReport run(ContractsDirectory contracts, Baseline baseline, AcceptedBreaks accepted, LocalDate today,
      Function<Path, Path> display) throws IOException {
    requireNonNull(contracts, "contracts == null");
    requireNonNull(baseline, "baseline == null");
    requireNonNull(accepted, "accepted == null");
    requireNonNull(today, "today == null");
    requireNonNull(display, "display == null");
    if (contracts.hasProblems()) {
      return new GateReport(baseline.describe(), List.of(), List.of(), contracts.problems(), List.of());
    }
    Path catalogue = display.apply(contracts.root().resolve(ContractsDirectory.CATALOGUE_FILE));
    List<CompatibilityReport> reports = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, Integer> latest = new HashMap<>();
    for (Map.Entry<String, Subject> entry : subjects(contracts).entrySet()) {
      String subject = entry.getKey();
      Subject s = entry.getValue();
      List<SchemaVersion> history = baseline.versions(subject, s.typeName());
      history.stream().mapToInt(SchemaVersion::version).max().ifPresent(v -> latest.put(subject, v));
      SchemaSource candidate = SchemaSource.fromFolder(contracts.schemas(), s.typeName(), display);
      Optional<CompatibilityLevel> before = history.isEmpty() ? Optional.empty() : baseline.level(subject);
      if (before.isEmpty() || before.get() == s.level()) {
        reports.add(engine.check(subject, candidate, history, s.level()));
      } else if (s.level().relaxes(before.get())) {
        // The relaxation takes effect after this change: this candidate still owes the baseline's guarantees.
        CompatibilityLevel both = s.level().combinedWith(before.get());
        CompatibilityReport report = engine.check(subject, candidate, history, both);
        List<Violation> violations = new ArrayList<>(report.violations());
        violations.add(relaxed(subject, s, before.get(), both, history.get(history.size() - 1),
            new SourceLocation(catalogue, s.levelPosition()), baseline.describe()));
        reports.add(new CompatibilityReport(subject, both, report.versionsChecked(), violations));
      } else {
        CompatibilityReport report = engine.check(subject, candidate, history, s.level());
        notes.add(subject + ": level " + before.get() + " -> " + s.level() + ", stricter: the candidate was checked "
            + "against " + versions(report.versionsChecked()) + " at " + s.level());
        reports.add(report);
      }
    }
    Optional<List<TopicContract>> earlierTopics = baseline.topics();
    if (earlierTopics.isPresent()) {
      TopicRules.check(contracts.catalogue().topics(), earlierTopics.get(), catalogue, "the catalogue of "
          + baseline.describe()).forEach((topic, violations) -> reports.add(new CompatibilityReport(topic,
              violations.get(0).level(), List.of(), violations)));
    }
    AcceptedBreaks.Outcome outcome = accepted.apply(reports, latest, today);
    List<Problem> problems = new ArrayList<>(contracts.problems());
    problems.addAll(outcome.problems());
    return new GateReport(baseline.describe(), outcome.failing(), outcome.accepted(), problems, notes);
  }

  private static Violation relaxed(String subject, Subject s, CompatibilityLevel before, CompatibilityLevel both,
      SchemaVersion latest, SourceLocation at, String baseline) {
    Direction lost = before.backward() && !s.level().backward() ? Direction.BACKWARD
        : before.forward() && !s.level().forward() ? Direction.FORWARD
        : before.backward() ? Direction.BACKWARD : Direction.FORWARD;
    String guarantee = lost == Direction.BACKWARD
        ? "new versions read the data of earlier ones" : "earlier readers read the data of new versions";
    return new Violation(Rule.LEVEL_RELAXED, both, lost, latest.version(), latest.name(), LEVEL_PATH, Optional.empty(), Optional.of(at),
        Optional.empty(),
        "subject '" + subject + "' is relaxed from " + before + " (in " + baseline + ") to " + s.level()
            + ", which no longer guarantees that " + guarantee
            + (before.transitive() && !s.level().transitive() ? " across every version" : "")
            + "; this change is still judged at " + both,
        "keep compatibility: " + before + " (or a stricter level); to relax it on purpose, add an accepted break for "
            + "rule LEVEL_RELAXED at path " + LEVEL_PATH + " of subject '" + subject + "', with the reason and who agreed");
  }

  private static String versions(List<Integer> numbers) {
    return numbers.size() == 1 ? "version " + numbers.get(0)
        : "versions " + numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  /**
   * The subjects the gate checks, in the order it checks them, with their levels: for a baseline
   * that fetches ahead what each level needs.
   */
  public static Map<String, CompatibilityLevel> levels(ContractsDirectory contracts) {
    Map<String, CompatibilityLevel> levels = new LinkedHashMap<>();
    subjects(contracts).forEach((subject, s) -> levels.put(subject, s.level()));
    return levels;
  }

  /** Each value subject, and each key subject whose key is a named type; a shared subject once. */
  private static Map<String, Subject> subjects(ContractsDirectory contracts) {
    Map<String, Subject> subjects = new LinkedHashMap<>();
    for (TopicContract topic : contracts.catalogue().topics()) {
      subjects.putIfAbsent(topic.valueSubject(),
          new Subject(topic.valueType(), topic.compatibility(), topic.levelPosition()));
      if (topic.key() instanceof KeySpec.Type key && contracts.schemas().type(key.name()).isPresent()) {
        topic.keySubject().ifPresent(s -> subjects.putIfAbsent(s,
            new Subject(key.name(), topic.compatibility(), topic.levelPosition())));
      }
    }
    return subjects;
  }

  private record Subject(String typeName, CompatibilityLevel level, SourcePosition levelPosition) {}
}
