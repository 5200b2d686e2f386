package io.kafkacontracts.compat;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.source.SourceLocation;

/**
 * Something wrong with a contract file, found before any compatibility question is asked: a
 * syntax error, an unknown type, a bad catalogue entry. Problems are values; whoever collected
 * them decides whether to fail. Immutable.
 *
 * @param rule     stable UPPER_SNAKE id, e.g. {@code UNKNOWN_TYPE}, for tools and allow-lists
 * @param location the file, line and column the problem is at
 * @param message  plain words naming the thing and, where there is one, the fix
 */
public record Problem(String rule, SourceLocation location, String message) {

  public Problem {
    requireNonNull(rule, "rule == null");
    requireNonNull(location, "location == null");
    requireNonNull(message, "message == null");
  }

  /** {@code file:line:column: message [RULE]}, the shape compilers print. */
  @Override
  public String toString() {
    return location + ": " + message + " [" + rule + "]";
  }
}
