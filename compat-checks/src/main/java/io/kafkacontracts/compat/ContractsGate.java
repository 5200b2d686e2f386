package io.kafkacontracts.compat;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.baseline.Baseline;
import io.kafkacontracts.compat.catalogue.KeySpec;
import io.kafkacontracts.compat.catalogue.TopicContract;
import io.kafkacontracts.compat.report.GateReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The whole gate as one library call, for the build and the Maven plugin to render and act on:
 * every subject of the catalogue (each value subject, and each key subject whose key is a named
 * type) is checked against its earlier versions from the baseline at its topic's level; accepted
 * breaks are applied; problems of the contracts and of the accepted-breaks list are included. A
 * subject shared by several topics (record-based naming) is checked once. Stateless.
 */
public final class ContractsGate {

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
      return new GateReport(baseline.describe(), List.of(), List.of(), contracts.problems());
    }
    List<CompatibilityReport> reports = new ArrayList<>();
    Map<String, Integer> latest = new HashMap<>();
    for (Map.Entry<String, Subject> entry : subjects(contracts).entrySet()) {
      String subject = entry.getKey();
      Subject s = entry.getValue();
      List<SchemaVersion> history = baseline.versions(subject, s.typeName());
      history.stream().mapToInt(SchemaVersion::version).max().ifPresent(v -> latest.put(subject, v));
      SchemaSource candidate = SchemaSource.fromFolder(contracts.schemas(), s.typeName(), display);
      reports.add(engine.check(subject, candidate, history, s.level()));
    }
    AcceptedBreaks.Outcome outcome = accepted.apply(reports, latest, today);
    List<Problem> problems = new ArrayList<>(contracts.problems());
    problems.addAll(outcome.problems());
    return new GateReport(baseline.describe(), outcome.failing(), outcome.accepted(), problems);
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
      subjects.putIfAbsent(topic.valueSubject(), new Subject(topic.valueType(), topic.compatibility()));
      if (topic.key() instanceof KeySpec.Type key && contracts.schemas().type(key.name()).isPresent()) {
        topic.keySubject().ifPresent(s -> subjects.putIfAbsent(s, new Subject(key.name(), topic.compatibility())));
      }
    }
    return subjects;
  }

  private record Subject(String typeName, CompatibilityLevel level) {}
}
