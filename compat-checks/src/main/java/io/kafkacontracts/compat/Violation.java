package io.kafkacontracts.compat;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.source.SourceLocation;
import java.util.Optional;

/**
 * One reason a candidate may not follow an earlier version. Immutable.
 *
 * @param rule              which rule is broken
 * @param level             the level the subject is checked at
 * @param direction         which way the data would fail to flow
 * @param version           the earlier version the candidate was checked against
 * @param versionName       how to name it, e.g. "version 2" or "a1b2c3d (version 2 in git)"
 * @param path              where, by names, e.g. {@code /fields/currency/type}
 * @param avroLocation      Avro's own index pointer for the same element, e.g. {@code /fields/3/type}, where the
 *                          finding is Avro's; absent for this engine's own rules (decimals, ambiguous aliases,
 *                          warnings, levels), which Avro does not report
 * @param candidateLocation file:line:column in the candidate, when it came from a file
 * @param baselineLocation  file:line:column in the earlier version, when it came from a file
 * @param message           what is wrong, in plain words
 * @param fix               what to do about it
 */
public record Violation(
    Rule rule,
    CompatibilityLevel level,
    Direction direction,
    int version,
    String versionName,
    SchemaPath path,
    Optional<String> avroLocation,
    Optional<SourceLocation> candidateLocation,
    Optional<SourceLocation> baselineLocation,
    String message,
    String fix) {

  public Violation {
    requireNonNull(rule, "rule == null");
    requireNonNull(level, "level == null");
    requireNonNull(direction, "direction == null");
    requireNonNull(versionName, "versionName == null");
    requireNonNull(path, "path == null");
    requireNonNull(avroLocation, "avroLocation == null");
    requireNonNull(candidateLocation, "candidateLocation == null");
    requireNonNull(baselineLocation, "baselineLocation == null");
    requireNonNull(message, "message == null");
    requireNonNull(fix, "fix == null");
  }

  /** The rule's severity: whether this finding fails the gate. */
  public Severity severity() {
    return rule.severity();
  }
}
