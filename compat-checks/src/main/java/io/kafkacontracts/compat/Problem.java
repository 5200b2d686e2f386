package io.kafkacontracts.compat;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.source.SourceLocation;

/**
 * Something wrong with a contract file, found before any compatibility question is asked: a
 * syntax error, an unknown type, a bad catalogue entry. Problems are values; whoever collected
 * them decides whether to fail. Immutable.
 *
 * @param rule     stable UPPER_SNAKE id, e.g. {@code UNKNOWN_TYPE}, for tools and allow-lists
 * @param severity an error fails the build; a warning is printed (lint conventions, silent data changes)
 * @param location the file, line and column the problem is at
 * @param message  plain words naming the thing and, where there is one, the fix
 */
public record Problem(String rule, Severity severity, SourceLocation location, String message) {

  public Problem {
    requireNonNull(rule, "rule == null");
    requireNonNull(severity, "severity == null");
    requireNonNull(location, "location == null");
    requireNonNull(message, "message == null");
  }

  /** An error: the build fails. */
  public static Problem error(String rule, SourceLocation location, String message) {
    return new Problem(rule, Severity.ERROR, location, message);
  }

  /** {@code file:line:column: message [RULE]}, the shape compilers print; warnings say so. */
  @Override
  public String toString() {
    return location + ": " + (severity == Severity.WARNING ? "warning: " : "") + message + " [" + rule + "]";
  }
}
