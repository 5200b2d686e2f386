package io.kafkacontracts.compat.catalogue;

import static java.util.Objects.requireNonNull;

/**
 * What a topic's record key is. A closed set: a field of the value, a schema, or no key; a key
 * that is there has a {@link KeyFormat}.
 */
public sealed interface KeySpec {

  /** How the key is written; {@link KeyFormat#AVRO} when there is no key. */
  default KeyFormat format() {
    return KeyFormat.AVRO;
  }

  /**
   * The key is the value of a field of the value record, reached by a dotted path such as
   * {@code metadata.org_id}; its schema is that field's schema, which must be a primitive.
   *
   * @param type the field's primitive type name (e.g. {@code string}), empty where the field did not resolve
   */
  record Field(String path, KeyFormat format, String type) implements KeySpec {
    public Field {
      requireNonNull(path, "path == null");
      requireNonNull(format, "format == null");
      requireNonNull(type, "type == null");
    }
  }

  /** The key has its own schema: an Avro primitive type name or a named type's full name. */
  record Type(String name, KeyFormat format) implements KeySpec {
    public Type {
      requireNonNull(name, "name == null");
      requireNonNull(format, "format == null");
    }
  }

  /** Records carry no key: the producer spreads them over partitions (round-robin / sticky). */
  record None() implements KeySpec {}
}
