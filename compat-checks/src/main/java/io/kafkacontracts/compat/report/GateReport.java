package io.kafkacontracts.compat.report;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.AcceptedBreaks;
import io.kafkacontracts.compat.CompatibilityReport;
import io.kafkacontracts.compat.Problem;
import io.kafkacontracts.compat.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one run of the gate found, ready to render. Immutable.
 *
 * @param baseline what the candidates were checked against, e.g. "git HEAD^1 (abc1234)"
 * @param subjects one report per subject, holding only the violations not accepted
 * @param accepted violations accepted by the accepted-breaks list
 * @param problems problems outside any subject: lint, catalogue, accepted-breaks list
 * @param notes    what a reader should know that is not a failure, e.g. a level made stricter
 */
public record GateReport(String baseline, List<CompatibilityReport> subjects, List<AcceptedBreaks.Accepted> accepted,
    List<Problem> problems, List<String> notes) {

  public GateReport {
    requireNonNull(baseline, "baseline == null");
    subjects = List.copyOf(subjects);
    accepted = List.copyOf(accepted);
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  /** The violations that fail the gate (errors), counting each subject and version. */
  public int violationCount() {
    return subjects.stream().mapToInt(s -> s.errors().size()).sum();
  }

  /** Every violation and warning grouped by cause: what reports print, each cause once. */
  public List<Finding> findings() {
    return Finding.group(subjects);
  }

  /** The problems that fail the gate. */
  public List<Problem> errorProblems() {
    return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
  }

  /** Warnings: causes of warning violations, and warning problems. */
  public int warningCount() {
    return (int) (findings().stream().filter(f -> f.severity() == Severity.WARNING).count()
        + problems.stream().filter(p -> p.severity() == Severity.WARNING).count());
  }

  /** Whether the gate fails: an error violation or an error problem; warnings do not fail. */
  public boolean fails() {
    return violationCount() > 0 || !errorProblems().isEmpty();
  }

  /** Whether the gate fails when warnings fail too ({@code contracts.failOnWarning}). */
  public boolean fails(boolean failOnWarning) {
    return fails() || (failOnWarning && failingWarningCount() > 0);
  }

  /**
   * The warnings that {@code contracts.failOnWarning} fails on: all but the accepted-breaks list's
   * own housekeeping (spent and expired entries), which never fail a pull request that does not
   * touch them.
   */
  public int failingWarningCount() {
    return warningCount() - (int) problems.stream()
        .filter(p -> p.severity() == Severity.WARNING && AcceptedBreaks.HOUSEKEEPING.contains(p.rule())).count();
  }

  /**
   * What fixes this report's failures, for the closing line of a failed build: each finding's own
   * fix, an accepted break only where a violation fails, and the problems' own words.
   *
   * @param acceptedBreaks the accepted-breaks file as the build names it
   */
  public String howToFix(String acceptedBreaks) {
    List<String> ways = new ArrayList<>();
    if (violationCount() > 0) {
      ways.add("fix each violation as its 'fix:' line says, or, for an intentional break, add an entry with a reason "
          + "to " + acceptedBreaks);
    }
    if (!errorProblems().isEmpty()) {
      ways.add("fix each problem as its message says");
    }
    if (ways.isEmpty()) {
      ways.add("fix each warning as it says, or build without contracts.failOnWarning");
    }
    String joined = String.join("; ", ways);
    return Character.toUpperCase(joined.charAt(0)) + joined.substring(1) + ".";
  }

  /**
   * "3 compatibility violations in 2 subjects and 1 problem": what fails, for a failure message;
   * with {@code failOnWarning}, the warnings too.
   */
  public String failureCount(boolean failOnWarning) {
    int count = violationCount();
    long failing = subjects.stream().filter(s -> !s.isCompatible()).count();
    int problemCount = errorProblems().size();
    int warnings = failingWarningCount();
    return count + (count == 1 ? " compatibility violation" : " compatibility violations")
        + " in " + failing + (failing == 1 ? " subject" : " subjects")
        + (problemCount == 0 ? "" : " and " + problemCount + (problemCount == 1 ? " problem" : " problems"))
        + (failOnWarning && warnings > 0
            ? ", and " + warnings + (warnings == 1 ? " warning" : " warnings") + " (contracts.failOnWarning)" : "");
  }

  /** {@link #failureCount(boolean)} without warnings. */
  public String failureCount() {
    return failureCount(false);
  }
}
