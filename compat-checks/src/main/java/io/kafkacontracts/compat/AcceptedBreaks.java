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
import java.util.Optional;
import java.util.Set;

/**
 * The audited list of intentional breaks ({@code schemas/accepted-breaks.yaml}). An entry describes
 * a change, not a moment: a violation it matches (same subject, rule and path) becomes a note
 * instead of a failure while the baseline lacks the change (the entry is pending); once the
 * baseline holds it (git after the merge, the registry after registration) nothing matches and the
 * entry is spent. A spent entry, and one past its optional {@code expires} date, is a warning naming
 * the lines to delete; it never fails a build, and an expired entry lets nothing through. Because
 * "spent" is read off the baseline itself, an entry means the same against git, a directory and a
 * registry. Immutable.
 *
 * <pre>{@code
 * accepted:
 *   - subject: orders-value
 *     rule: FIELD_ADDED_WITHOUT_DEFAULT
 *     path: /fields/currency
 *     reason: every consumer reads v4 since 2026-11-01 (INC-1234)
 *     expires: 2026-12-31          # optional: the last day it may let the break through
 * }</pre>
 */
public final class AcceptedBreaks {

  /** Spent, expired and deprecated entries: warnings about the list itself, which never fail a build. */
  public static final Set<String> HOUSEKEEPING =
      Set.of("ACCEPTED_BREAK_SPENT", "ACCEPTED_BREAK_EXPIRED", "ACCEPTED_BREAKS_DEPRECATED");

  /**
   * One entry.
   *
   * @param subject  the subject (a topic's name for topic and key rules)
   * @param rule     the rule broken on purpose
   * @param path     the path by names, as reports print it
   * @param reason   why it is acceptable, for the audit trail
   * @param expires  the last day the entry may let the break through, if bounded by date
   * @param location where the entry is written
   * @param lastLine the entry's last line in the file (its first is {@code location}'s)
   */
  public record Entry(String subject, Rule rule, String path, String reason, Optional<LocalDate> expires,
      SourceLocation location, int lastLine) {
    public Entry {
      requireNonNull(subject, "subject == null");
      requireNonNull(rule, "rule == null");
      requireNonNull(path, "path == null");
      requireNonNull(reason, "reason == null");
      requireNonNull(expires, "expires == null");
      requireNonNull(location, "location == null");
    }

    boolean matches(String subject, Violation violation) {
      return this.subject.equals(subject) && rule == violation.rule() && path.equals(violation.path().toString());
    }

    boolean expiredBy(LocalDate today) {
      return expires.map(today::isAfter).orElse(false);
    }

    /** "lines 2-6 of schemas/accepted-breaks.yaml": what to delete. */
    public String lines() {
      int first = location.position().line();
      return (lastLine > first ? "lines " + first + "-" + lastLine : "line " + first) + " of " + location.file();
    }

    String describe() {
      return "the accepted break of " + rule + " at " + path + " in subject '" + subject + "'";
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
    if (list.isMissingNode() || list.isNull() || (list.isValueNode() && list.asText().isEmpty())) {
      return new AcceptedBreaks(entries, problems); // "accepted:" with every entry deleted
    }
    if (!list.isArray()) {
      problems.add(Problem.error("ACCEPTED_BREAKS_INVALID", new SourceLocation(display, SourcePosition.START),
          "the file must hold a list 'accepted' of entries with subject, rule, path, reason and optionally expires"));
      return new AcceptedBreaks(entries, problems);
    }
    List<String> lines = text.lines().toList();
    for (int i = 0; i < list.size(); i++) {
      JsonPointer at = JsonPointer.compile("/accepted/" + i);
      JsonNode node = list.get(i);
      SourceLocation location = new SourceLocation(display, tree.nearestPositionOf(at));
      int next = i + 1 < list.size()
          ? tree.nearestPositionOf(JsonPointer.compile("/accepted/" + (i + 1))).line() : lines.size() + 1;
      int lastLine = lastLine(lines, location.position().line(), next);
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
      if (!wrong.isEmpty()) {
        problems.add(Problem.error("ACCEPTED_BREAKS_INVALID", location,
            "accepted break " + (i + 1) + ": " + String.join("; ", wrong)));
        continue;
      }
      if (node.has("untilVersion")) {
        // Git counts content changes, a registry counts registrations: the same number meant two things.
        problems.add(new Problem("ACCEPTED_BREAKS_DEPRECATED", Severity.WARNING,
            new SourceLocation(display, tree.nearestPositionOf(at.appendProperty("untilVersion"))),
            "accepted break " + (i + 1) + ": 'untilVersion' is ignored: git and a registry number versions "
                + "differently, so an entry now lasts while the baseline lacks the change it accepts, and is "
                + "reported for deletion once the baseline holds it; delete this line (use 'expires' for a date)"));
      }
      entries.add(new Entry(subject, rule, path, reason, expires, location, lastLine));
    }
    return new AcceptedBreaks(entries, problems);
  }

  /** The last line of an entry starting at {@code first}, before {@code next}: trailing blanks and comments excluded. */
  private static int lastLine(List<String> lines, int first, int next) {
    int last = Math.min(next - 1, lines.size());
    while (last > first && (lines.get(last - 1).isBlank() || lines.get(last - 1).strip().startsWith("#"))) {
      last--;
    }
    return last;
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

  /** The entries a gate found spent ({@code ACCEPTED_BREAK_SPENT} at their location), to delete. */
  public List<Entry> spent(List<Problem> problems) {
    return entries.stream().filter(entry -> problems.stream().anyMatch(problem ->
        problem.rule().equals("ACCEPTED_BREAK_SPENT") && problem.location().equals(entry.location()))).toList();
  }

  /**
   * The list's text without the lines of {@code entries} (each from its first line to its last),
   * everything else as it was written: comments, order, the other entries.
   */
  public static String without(String text, List<Entry> entries) {
    List<String> lines = text.lines().toList();
    boolean[] drop = new boolean[lines.size() + 1];
    for (Entry entry : entries) {
      for (int line = entry.location().position().line(); line <= entry.lastLine(); line++) {
        drop[line] = true;
      }
    }
    StringBuilder kept = new StringBuilder();
    for (int line = 1; line <= lines.size(); line++) {
      if (!drop[line]) {
        kept.append(lines.get(line - 1)).append('\n');
      }
    }
    return kept.toString(); // with every entry gone, "accepted:" alone still reads as an empty list
  }

  /**
   * Splits the reports' violations into failing and accepted, and warns of entries that matched
   * nothing (spent: the baseline holds their change) or are past their date.
   *
   * @param reports  the subjects' reports
   * @param today    the date expiry is judged by
   * @param baseline how the baseline is named, e.g. "git origin/main (abc1234)"
   */
  public Outcome apply(List<CompatibilityReport> reports, LocalDate today, String baseline) {
    List<CompatibilityReport> failing = new ArrayList<>();
    List<Accepted> accepted = new ArrayList<>();
    List<Problem> found = new ArrayList<>(problems);
    boolean[] used = new boolean[entries.size()];
    for (CompatibilityReport report : reports) {
      List<Violation> stillFailing = new ArrayList<>();
      for (Violation violation : report.violations()) {
        Entry match = null;
        for (int i = 0; i < entries.size(); i++) {
          if (entries.get(i).matches(report.subject(), violation)) {
            used[i] = true;
            if (!entries.get(i).expiredBy(today)) {
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
      if (entry.expiredBy(today)) {
        found.add(new Problem("ACCEPTED_BREAK_EXPIRED", Severity.WARNING, entry.location(), entry.describe()
            + " expired on " + entry.expires().orElseThrow() + (used[i]
                ? ", so the violation it accepted fails again: fix it, or give the entry a later 'expires' with the "
                    + "reason it still holds"
                : " and matches no violation: delete " + entry.lines())));
      } else if (!used[i]) {
        found.add(new Problem("ACCEPTED_BREAK_SPENT", Severity.WARNING, entry.location(), entry.describe()
            + " matches no violation against " + baseline + ": the baseline already holds the change it accepted "
            + "(or it never matched one); delete " + entry.lines()));
      }
    }
    return new Outcome(failing, accepted, found);
  }
}
