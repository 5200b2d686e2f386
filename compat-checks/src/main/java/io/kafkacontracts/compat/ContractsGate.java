package io.kafkacontracts.compat;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.baseline.Baseline;
import io.kafkacontracts.compat.catalogue.CatalogueSubject;
import io.kafkacontracts.compat.catalogue.SubjectNameStrategy;
import io.kafkacontracts.compat.catalogue.TopicContract;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.compat.source.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole gate as one library call, for the build and the Maven plugin to render and act on:
 * every subject of the catalogue ({@link CatalogueSubject#of}: each value subject, and each key
 * subject framed in Avro, named or primitive; the subjects {@code register} writes) is checked
 * against its earlier versions from the baseline at its topic's level; accepted breaks are applied;
 * problems of the contracts and of the accepted-breaks list are included. A subject shared by
 * several topics (record-based naming) is checked once.
 *
 * <p>A level weaker than the baseline's ({@link Baseline#level}) is a violation of its own,
 * {@link Rule#LEVEL_RELAXED} at the catalogue's {@code compatibility:} line, and the candidate is
 * judged at both levels' guarantees combined: a relaxation takes effect after the change that
 * makes it. A stricter level judges the candidate at the new level and says so in a note. Where the
 * baseline holds a catalogue (git), the topic rules ({@link TopicRules}, keys among them) compare
 * the topics too, reported under each topic's name; where it holds none (a registry, a directory),
 * each key's format is compared with the key subjects the baseline holds.
 *
 * <p>An accepted break that the registry would still refuse, because the subject's level in the
 * candidate still checks that version in that direction, is a problem of its own
 * ({@code ACCEPTED_BREAK_REFUSED_AT_LEVEL}): the pull request learns what registration would meet.
 *
 * <p>Several baselines may judge one candidate (the history, and the working tree's HEAD): each
 * later one adds only the findings the earlier ones did not make. Stateless.
 */
public final class ContractsGate {

  /** The path of a level in findings and in accepted-breaks entries. */
  public static final SchemaPath LEVEL_PATH = SchemaPath.ROOT.then("compatibility");

  private final CompatibilityEngine engine = new CompatibilityEngine();

  /**
   * Runs the gate against one baseline.
   *
   * @param contracts the loaded contracts directory; if it has problems, no subject is checked
   * @param baseline  where earlier versions come from
   * @param accepted  the accepted-breaks list
   * @param today     the date accepted breaks expire by
   * @param display   how to name files in findings
   */
  public GateReport run(ContractsDirectory contracts, Baseline baseline, AcceptedBreaks accepted, LocalDate today,
      Function<Path, Path> display) throws IOException {
    return run(contracts, List.of(baseline), accepted, today, display);
  }

  /**
   * Runs the gate against several baselines, the first being the history the change is judged
   * against; each further one adds only findings (same subject, rule, path and direction) the
   * earlier ones did not make.
   */
  public GateReport run(ContractsDirectory contracts, List<Baseline> baselines, AcceptedBreaks accepted,
      LocalDate today, Function<Path, Path> display) throws IOException {
    requireNonNull(contracts, "contracts == null");
    requireNonNull(accepted, "accepted == null");
    requireNonNull(today, "today == null");
    requireNonNull(display, "display == null");
    if (baselines.isEmpty()) {
      throw new IllegalArgumentException("no baseline to judge against");
    }
    String described = baselines.stream().map(Baseline::describe).collect(Collectors.joining(" and "));
    if (contracts.hasProblems()) {
      return new GateReport(described, List.of(), List.of(), contracts.problems(), List.of());
    }
    Path catalogue = display.apply(contracts.root().resolve(ContractsDirectory.CATALOGUE_FILE));
    Found found = new Found();
    List<String> notes = new ArrayList<>();
    Map<String, CatalogueSubject> subjects = new LinkedHashMap<>();
    for (CatalogueSubject s : CatalogueSubject.of(contracts.catalogue().topics())) {
      subjects.put(s.subject(), s);
      SchemaSource candidate = candidate(contracts, s, display);
      for (Baseline baseline : baselines) {
        judge(s, candidate, baseline, catalogue, found, notes);
      }
    }
    for (Baseline baseline : baselines) {
      Optional<List<TopicContract>> earlierTopics = baseline.topics();
      if (earlierTopics.isPresent()) {
        TopicRules.check(contracts.catalogue().topics(), earlierTopics.get(), catalogue, "the catalogue of "
            + baseline.describe()).forEach((topic, violations) -> found.add(topic, violations.get(0).level(),
                List.of(), violations, 0));
      } else {
        keysAgainstSubjects(contracts.catalogue().topics(), baseline, catalogue, found);
      }
    }
    AcceptedBreaks.Outcome outcome = accepted.apply(found.reports(), today, described);
    List<Problem> problems = new ArrayList<>(contracts.problems());
    problems.addAll(outcome.problems());
    problems.addAll(refusedAtLevel(outcome.accepted(), subjects, found.latest, catalogue));
    return new GateReport(described, outcome.failing(), outcome.accepted(), problems,
        notes.stream().distinct().toList());
  }

  /** One subject against one baseline, as the level before and now ask. */
  private void judge(CatalogueSubject s, SchemaSource candidate, Baseline baseline, Path catalogue, Found found,
      List<String> notes) throws IOException {
    String subject = s.subject();
    List<SchemaVersion> history = baseline.versions(subject, s.typeName());
    int latest = history.stream().mapToInt(SchemaVersion::version).max().orElse(0);
    Optional<CompatibilityLevel> before = history.isEmpty() ? Optional.empty() : baseline.level(subject);
    if (before.isEmpty() || before.get() == s.level()) {
      CompatibilityReport report = engine.check(subject, candidate, history, s.level());
      found.add(subject, s.level(), report.versionsChecked(), report.violations(), latest);
    } else if (s.level().relaxes(before.get())) {
      // The relaxation takes effect after this change: this candidate still owes the baseline's guarantees.
      CompatibilityLevel both = s.level().combinedWith(before.get());
      CompatibilityReport report = engine.check(subject, candidate, history, both);
      List<Violation> violations = new ArrayList<>(report.violations());
      violations.add(relaxed(subject, s, before.get(), both, history.get(history.size() - 1),
          new SourceLocation(catalogue, s.levelPosition()), baseline.describe()));
      found.add(subject, both, report.versionsChecked(), violations, latest);
    } else {
      CompatibilityReport report = engine.check(subject, candidate, history, s.level());
      notes.add(subject + ": level " + before.get() + " -> " + s.level() + ", stricter: the candidate was checked "
          + "against " + versions(report.versionsChecked()) + " at " + s.level());
      found.add(subject, s.level(), report.versionsChecked(), report.violations(), latest);
    }
  }

  /** A subject's candidate: its named type from the schema folder, or a primitive key's schema. */
  private static SchemaSource candidate(ContractsDirectory contracts, CatalogueSubject s, Function<Path, Path> display) {
    return s.primitive() ? SchemaSource.of(contracts.schemas().typeOrPrimitive(s.typeName()).orElseThrow())
        : SchemaSource.fromFolder(contracts.schemas(), s.typeName(), display);
  }

  /** The findings so far, per subject in the order first found, each finding once across baselines. */
  private static final class Found {
    private final Map<String, CompatibilityReport> reports = new LinkedHashMap<>();
    /** Each violation's baseline's latest version of its subject: what a registry checks a non-transitive level against. */
    final Map<Violation, Integer> latest = new IdentityHashMap<>();

    void add(String subject, CompatibilityLevel level, List<Integer> checked, List<Violation> violations,
        int latestVersion) {
      CompatibilityReport earlier = reports.get(subject);
      List<Violation> before = earlier == null ? List.of() : earlier.violations();
      List<Violation> all = new ArrayList<>(before);
      for (Violation violation : violations) {
        // Only against the earlier baselines' findings: one baseline may break a path against several versions.
        boolean known = before.stream().anyMatch(v -> v.rule() == violation.rule() && v.path().equals(violation.path())
            && v.direction() == violation.direction());
        if (!known) {
          all.add(violation);
          latest.put(violation, latestVersion);
        }
      }
      reports.put(subject, earlier == null ? new CompatibilityReport(subject, level, checked, all)
          : new CompatibilityReport(subject, earlier.level(), earlier.versionsChecked(), all));
    }

    List<CompatibilityReport> reports() {
      return List.copyOf(reports.values());
    }
  }

  /**
   * Keys against a baseline without a catalogue (a registry, a directory): a plain key where the
   * baseline holds a key subject (producers framed keys in Avro), and an Avro key where the baseline
   * holds the value's versions but no key subject (keys were plain, or absent).
   */
  private static void keysAgainstSubjects(List<TopicContract> topics, Baseline baseline, Path catalogue, Found found)
      throws IOException {
    for (TopicContract topic : topics) {
      if (!topic.keyed()) {
        continue;
      }
      SourceLocation at = new SourceLocation(catalogue, topic.positionOf("key"));
      SchemaPath path = SchemaPath.ROOT.then("topics", topic.name(), "key");
      Optional<String> keySubject = topic.keySubject();
      String message;
      String fix;
      if (keySubject.isEmpty()) {
        String framed = SubjectNameStrategy.TOPIC_NAME.subject(topic.name(), true, "");
        List<SchemaVersion> held = baseline.versions(framed, topic.keyType().orElse(""));
        if (held.isEmpty()) {
          continue;
        }
        message = "topic '" + topic.name() + "' has " + TopicRules.describe(topic.key()) + " in the candidate, but "
            + baseline.describe() + " holds key subject '" + framed + "' (" + versions(held.stream()
                .map(SchemaVersion::version).toList()) + "): its producers framed keys in Avro (a magic byte and a "
            + "schema id before the key), so a plain deserializer reads those keys as wrong values without an error, "
            + "and each key now lands on another partition";
        fix = "keep the old bytes with format: avro in the topic's key; or publish plain keys on a new topic; or "
            + "accept the change in accepted-breaks.yaml with the reason and who agreed";
      } else {
        if (!baseline.versions(keySubject.get(), topic.keyType().orElse("")).isEmpty()) {
          continue;
        }
        List<SchemaVersion> values = baseline.versions(topic.valueSubject(), topic.valueType());
        if (values.isEmpty()) {
          continue; // a new topic: nothing was written yet
        }
        message = "topic '" + topic.name() + "' has " + TopicRules.describe(topic.key()) + " in the candidate, but "
            + baseline.describe() + " holds " + versions(values.stream().map(SchemaVersion::version).toList())
            + " of '" + topic.valueSubject() + "' and no key subject '" + keySubject.get() + "': its keys were written "
            + "plain (or not at all), so an Avro deserializer refuses them and each key now lands on another partition";
        fix = "keep the old bytes with format: plain in the topic's key; or publish Avro keys on a new topic; or "
            + "accept the change in accepted-breaks.yaml with the reason and who agreed";
      }
      found.add(topic.name(), topic.compatibility(), List.of(), List.of(new Violation(Rule.KEY_FORMAT_CHANGED,
          topic.compatibility(), Direction.BACKWARD, 0, baseline.describe(), path, Optional.empty(), Optional.of(at),
          Optional.empty(), message, fix)), 0);
    }
  }

  /**
   * An accepted schema break that the registry would refuse all the same: the subject's level in the
   * candidate (set before its schema is registered) checks the version it breaks in its direction.
   */
  private static List<Problem> refusedAtLevel(List<AcceptedBreaks.Accepted> accepted,
      Map<String, CatalogueSubject> subjects, Map<Violation, Integer> latest, Path catalogue) {
    Map<AcceptedBreaks.Entry, Problem> refused = new LinkedHashMap<>();
    for (AcceptedBreaks.Accepted a : accepted) {
      CatalogueSubject s = subjects.get(a.subject());
      Violation v = a.violation();
      if (s == null || v.rule() == Rule.LEVEL_RELAXED || refused.containsKey(a.entry())) {
        continue;
      }
      CompatibilityLevel level = s.level();
      boolean checked = v.direction() == Direction.BACKWARD ? level.backward() : level.forward();
      if (!checked || !(level.transitive() || v.version() == latest.getOrDefault(v, v.version()))) {
        continue;
      }
      String weaker = v.direction() == Direction.BACKWARD ? "FORWARD or NONE" : "BACKWARD or NONE";
      refused.put(a.entry(), Problem.error("ACCEPTED_BREAK_REFUSED_AT_LEVEL", a.entry().location(),
          "the registry would still refuse " + "the break this entry accepts (" + v.rule() + " at " + v.path()
              + " in subject '" + a.subject() + "'): the subject stays at " + level + " in "
              + new SourceLocation(catalogue, s.levelPosition()) + ", which checks the candidate " + 
              v.direction().name().toLowerCase(Locale.ROOT) + " against " + v.versionName()
              + ", so registration would fail after the merge. Relax its compatibility (to " + weaker
              + ") in the same change and accept its LEVEL_RELAXED too, or publish the break on a new topic"));
    }
    return List.copyOf(refused.values());
  }

  private static Violation relaxed(String subject, CatalogueSubject s, CompatibilityLevel before, CompatibilityLevel both,
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
    CatalogueSubject.of(contracts.catalogue().topics()).forEach(s -> levels.put(s.subject(), s.level()));
    return levels;
  }
}
