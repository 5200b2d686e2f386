package io.kafkacontracts.compat.report;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.AcceptedBreaks;
import io.kafkacontracts.compat.CompatibilityReport;
import io.kafkacontracts.compat.Problem;
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

  public int violationCount() {
    return subjects.stream().mapToInt(s -> s.violations().size()).sum();
  }

  /** Whether the gate fails: a violation or a problem. */
  public boolean fails() {
    return violationCount() > 0 || !problems.isEmpty();
  }

  /** "3 compatibility violations in 2 subjects and 1 problems": what fails, for a failure message. */
  public String failureCount() {
    int count = violationCount();
    long failing = subjects.stream().filter(s -> !s.isCompatible()).count();
    return count + (count == 1 ? " compatibility violation" : " compatibility violations")
        + " in " + failing + (failing == 1 ? " subject" : " subjects")
        + (problems.isEmpty() ? "" : " and " + problems.size() + " problems");
  }
}
