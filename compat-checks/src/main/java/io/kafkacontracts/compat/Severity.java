package io.kafkacontracts.compat;

/**
 * How much a finding matters. An error fails the gate; a warning is printed in every report format
 * and fails only when the build asks for it ({@code contracts.failOnWarning}).
 */
public enum Severity {
  /** Breaks consumers or Avro itself: the gate fails. */
  ERROR,
  /** Compatible, but data may silently change meaning, or a convention is not followed. */
  WARNING
}
