package io.kafkacontracts.compat.source;

import static java.util.Objects.requireNonNull;

/** A JSON or YAML text could not be read; carries where the reader stopped. */
public final class SyntaxException extends Exception {

  private final SourcePosition position;

  public SyntaxException(String message, SourcePosition position) {
    super(message);
    this.position = requireNonNull(position, "position == null");
  }

  public SourcePosition position() {
    return position;
  }
}
