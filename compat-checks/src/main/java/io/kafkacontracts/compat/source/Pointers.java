package io.kafkacontracts.compat.source;

/**
 * JSON pointers built as strings while walking a tree. Jackson's {@code JsonPointer.appendProperty}
 * re-parses the whole pointer on every step, which made walking a deep schema quadratic (it was
 * most of the time a 500-subject git baseline took); walks build strings and compile a
 * {@code JsonPointer} only for what they report. Stateless.
 */
public final class Pointers {

  private Pointers() {}

  /** The pointer to property {@code name} under {@code base} ("" is the root), escaped per RFC 6901. */
  public static String property(String base, String name) {
    return base + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  /** The pointer to element {@code index} under {@code base}. */
  public static String index(String base, int index) {
    return base + "/" + index;
  }
}
