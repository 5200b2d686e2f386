package io.kafkacontracts.compat;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkacontracts.compat.source.LocatedTree;
import io.kafkacontracts.compat.source.SourceLocation;
import io.kafkacontracts.compat.source.SourcePosition;
import io.kafkacontracts.compat.source.SyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The audited list of intentional breaks ({@code schemas/accepted-breaks.yaml}). A violation that
 * an entry matches (same subject, rule and path) becomes a note instead of a failure, while the
 * entry is in force: until its {@code expires} date (inclusive), or while the subject's latest
 * earlier version is below {@code untilVersion} (the entry accepts the break for the candidate that
 * becomes that version). An entry that matches nothing, or that has run out, is itself reported,
 * so the list cannot rot. Immutable.
 *
 * <pre>{@code
 * accepted:
 *   - subject: orders-value
 *     rule: FIELD_ADDED_WITHOUT_DEFAULT
 *     path: /fields/currency
 *     reason: every consumer reads v4 since 2026-11-01 (INC-1234)
 *     expires: 2026-12-31          # or: untilVersion: 5
 * }</pre>
 */
public final class AcceptedBreaks {

  /**
   * One entry.
   *
   * @param subject      the subject
   * @param rule         the rule broken on purpose
   * @param path         the path by names, as reports print it
   * @param reason       why it is acceptable, for the audit trail
   * @param expires      last day the entry applies, if bounded by date
   * @param untilVersion the version the break is accepted for, if bounded by version
   * @param location     where the entry is written
   */
  public record Entry(String subject, Rule rule, String path, String reason, Optional<LocalDate> expires,
      Optional<Integer> untilVersion, SourceLocation location) {
    public Entry {
      requireNonNull(subject, "subject == null");
      requireNonNull(rule, "rule == null");
      requireNonNull(path, "path == null");
      requireNonNull(reason, "reason == null");
      requireNonNull(expires, "expires == null");
      requireNonNull(untilVersion, "untilVersion == null");
      requireNonNull(location, "location == null");
    }

    boolean matches(String subject, Violation violation) {
      return this.subject.equals(subject) && rule == violation.rule() && path.equals(violation.path().toString());
    }

    boolean inForce(LocalDate today, int latestVersion) {
      return expires.map(day -> !today.isAfter(day)).orElse(true)
          && untilVersion.map(version -> latestVersion < version).orElse(true);
    }
  }

  /** A violation accepted by an entry. */
  public record Accepted(String subject, Violation violation, Entry entry) {}

  /** What applying the list gave. */
  public record Outcome(List<CompatibilityReport> failing, List<Accepted> accepted, List<Problem> problems) {
    public Outcome {
      failing = List.copyOf(failing);
      accepted = List.copyOf(accepted);
      problems = List.copyOf(problems);
    }
  }

  private static final Set<String> PROPERTIES = Set.of("subject", "rule", "path", "reason", "expires", "untilVersion");

  private final List<Entry> entries;
  private final List<Problem> problems;

  private AcceptedBreaks(List<Entry> entries, List<Problem> problems) {
    this.entries = List.copyOf(entries);
    this.problems = List.copyOf(problems);
  }

  /** No accepted breaks. */
  public static AcceptedBreaks none() {
    return new AcceptedBreaks(List.of(), List.of());
  }

  /** Reads the list; a missing file is an empty list. Problems in it are kept, with their lines. */
  public static AcceptedBreaks read(Path file, Path display) throws IOException {
    if (!Files.isRegularFile(file)) {
      return none();
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8), display);
  }

  public static AcceptedBreaks parse(String text, Path display) {
    List<Problem> problems = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    LocatedTree tree;
    try {
      tree = LocatedTree.parseYaml(text);
    } catch (SyntaxException e) {
      problems.add(Problem.error("ACCEPTED_BREAKS_INVALID", new SourceLocation(display, e.position()),
          "invalid YAML: " + e.getMessage()));
      return new AcceptedBreaks(entries, problems);
    }
    JsonNode list = tree.root().path("accepted");
    if (!list.isArray()) {
      problems.add(Problem.error("ACCEPTED_BREAKS_INVALID", new SourceLocation(display, SourcePosition.START),
          "the file must hold a list 'accepted' of entries with subject, rule, path, reason and expires or untilVersion"));
      return new AcceptedBreaks(entries, problems);
    }
    for (int i = 0; i < list.size(); i++) {
      JsonPointer at = JsonPointer.compile("/accepted/" + i);
      JsonNode node = list.get(i);
      SourceLocation location = new SourceLocation(display, tree.nearestPositionOf(at));
      List<String> wrong = new ArrayList<>();
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!PROPERTIES.contains(name)) {
          wrong.add("unknown property '" + name + "'");
        }
      }
      String subject = text(node, "subject", wrong);
      String ruleName = text(node, "rule", wrong);
      String path = text(node, "path", wrong);
      String reason = text(node, "reason", wrong);
      Rule rule = null;
      if (ruleName != null) {
        try {
          rule = Rule.valueOf(ruleName);
        } catch (IllegalArgumentException e) {
          wrong.add("unknown rule '" + ruleName + "'");
        }
      }
      Optional<LocalDate> expires = Optional.empty();
      if (node.has("expires")) {
        try {
          expires = Optional.of(LocalDate.parse(node.get("expires").asText()));
        } catch (DateTimeParseException e) {
          wrong.add("'expires' must be a date such as 2026-12-31");
        }
      }
      Optional<Integer> untilVersion = Optional.empty();
      if (node.has("untilVersion")) {
        if (node.get("untilVersion").canConvertToInt() && node.get("untilVersion").intValue() > 1) {
          untilVersion = Optional.of(node.get("untilVersion").intValue());
        } else {
          wrong.add("'untilVersion' must be a version number above 1");
        }
      }
      if (!node.has("expires") && !node.has("untilVersion")) {
        wrong.add("give the entry a bound: 'expires' (a date) or 'untilVersion' (a version number)");
      }
      if (!wrong.isEmpty()) {
        problems.add(Problem.error("ACCEPTED_BREAKS_INVALID", location,
            "accepted break " + (i + 1) + ": " + String.join("; ", wrong)));
        continue;
      }
      entries.add(new Entry(subject, rule, path, reason, expires, untilVersion, location));
    }
    return new AcceptedBreaks(entries, problems);
  }

  private static String text(JsonNode node, String name, List<String> wrong) {
    JsonNode value = node.get(name);
    if (value == null || !value.isValueNode() || value.asText().isBlank()) {
      wrong.add("missing '" + name + "'");
      return null;
    }
    return value.asText();
  }

  public List<Entry> entries() {
    return entries;
  }

  /**
   * Splits the reports' violations into failing and accepted, and reports entries that matched
   * nothing or have run out.
   *
   * @param reports        the subjects' reports
   * @param latestVersions each subject's latest earlier version number (absent: no history)
   * @param today          the date expiry is judged by
   */
  public Outcome apply(List<CompatibilityReport> reports, Map<String, Integer> latestVersions, LocalDate today) {
    List<CompatibilityReport> failing = new ArrayList<>();
    List<Accepted> accepted = new ArrayList<>();
    List<Problem> found = new ArrayList<>(problems);
    boolean[] used = new boolean[entries.size()];
    for (CompatibilityReport report : reports) {
      int latest = latestVersions.getOrDefault(report.subject(), 0);
      List<Violation> stillFailing = new ArrayList<>();
      for (Violation violation : report.violations()) {
        Entry match = null;
        for (int i = 0; i < entries.size(); i++) {
          if (entries.get(i).matches(report.subject(), violation)) {
            used[i] = true;
            if (entries.get(i).inForce(today, latest)) {
              match = entries.get(i);
            }
          }
        }
        if (match == null) {
          stillFailing.add(violation);
        } else {
          accepted.add(new Accepted(report.subject(), violation, match));
        }
      }
      failing.add(new CompatibilityReport(report.subject(), report.level(), report.versionsChecked(), stillFailing));
    }
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      int latest = latestVersions.getOrDefault(entry.subject(), 0);
      if (!entry.inForce(today, latest)) {
        found.add(Problem.error("ACCEPTED_BREAK_EXPIRED", entry.location(), "the accepted break of " + entry.rule()
            + " at " + entry.path() + " in subject '" + entry.subject() + "' has run out ("
            + entry.expires().map(d -> "expired " + d).orElse("the subject reached version " + entry.untilVersion().orElseThrow())
            + "); remove it" + (used[i] ? ", and fix the violation it was hiding" : "")));
      } else if (!used[i]) {
        found.add(Problem.error("ACCEPTED_BREAK_UNUSED", entry.location(), "the accepted break of " + entry.rule()
            + " at " + entry.path() + " in subject '" + entry.subject() + "' matches no violation; remove it"));
      }
    }
    return new Outcome(failing, accepted, found);
  }
}
