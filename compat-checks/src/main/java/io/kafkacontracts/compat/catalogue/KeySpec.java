package io.kafkacontracts.compat.catalogue;

import static java.util.Objects.requireNonNull;

/** What a topic's record key is. A closed set: a field of the value, a schema, or no key. */
public sealed interface KeySpec {

  /**
   * The key is the value of a field of the value record, reached by a dotted path such as
   * {@code metadata.org_id}; its schema is that field's schema, which must be a primitive.
   */
  record Field(String path) implements KeySpec {
    public Field {
      requireNonNull(path, "path == null");
    }
  }

  /** The key has its own schema: an Avro primitive type name or a named type's full name. */
  record Type(String name) implements KeySpec {
    public Type {
      requireNonNull(name, "name == null");
    }
  }

  /** Records carry no key: the producer spreads them over partitions (round-robin / sticky). */
  record None() implements KeySpec {}
}
