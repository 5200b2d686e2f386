package io.kafkacontracts.compat;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The verdict on one subject's candidate: every violation against every earlier version the level
 * required. Immutable.
 *
 * @param subject         the subject
 * @param level           the level it was checked at
 * @param versionsChecked the earlier versions the candidate was checked against, oldest first
 * @param violations      every finding, errors and warnings, by version then by position
 */
public record CompatibilityReport(
    String subject, CompatibilityLevel level, List<Integer> versionsChecked, List<Violation> violations) {

  public CompatibilityReport {
    requireNonNull(subject, "subject == null");
    requireNonNull(level, "level == null");
    versionsChecked = List.copyOf(versionsChecked);
    violations = List.copyOf(violations);
  }

  /** Whether no error was found; warnings do not make a candidate incompatible. */
  public boolean isCompatible() {
    return violations.stream().noneMatch(v -> v.severity() == Severity.ERROR);
  }

  /** The violations that fail the gate. */
  public List<Violation> errors() {
    return violations.stream().filter(v -> v.severity() == Severity.ERROR).toList();
  }
}
