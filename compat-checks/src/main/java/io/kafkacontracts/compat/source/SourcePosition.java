package io.kafkacontracts.compat.source;

/**
 * A 1-based line and column in a text file. Immutable.
 *
 * @param line   1-based line number
 * @param column 1-based column number
 */
public record SourcePosition(int line, int column) {

  /** The position of the first character of a file, used when nothing more precise is known. */
  public static final SourcePosition START = new SourcePosition(1, 1);

  public SourcePosition {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
