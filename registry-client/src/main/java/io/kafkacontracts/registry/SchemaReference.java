package io.kafkacontracts.registry;

import static java.util.Objects.requireNonNull;

/**
 * A reference from one schema to another registered schema, as the registry stores it.
 *
 * @param name    the name the referring schema uses (an Avro full name, a JSON Schema URL, a .proto import)
 * @param subject the subject the referenced schema is registered under
 * @param version its version in that subject
 */
public record SchemaReference(String name, String subject, int version) {
  public SchemaReference {
    requireNonNull(name, "name == null");
    requireNonNull(subject, "subject == null");
  }
}
