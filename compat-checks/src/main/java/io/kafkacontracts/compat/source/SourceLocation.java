package io.kafkacontracts.compat.source;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A position in a named file, rendered as {@code file:line:column} the way compilers print it so
 * that IDEs and CI annotate the right line. Immutable.
 *
 * @param file     the file, as the caller named it (usually relative to the project)
 * @param position where in the file
 */
public record SourceLocation(Path file, SourcePosition position) {

  public SourceLocation {
    requireNonNull(file, "file == null");
    requireNonNull(position, "position == null");
  }

  public static SourceLocation startOf(Path file) {
    return new SourceLocation(file, SourcePosition.START);
  }

  @Override
  public String toString() {
    return file + ":" + position;
  }
}
