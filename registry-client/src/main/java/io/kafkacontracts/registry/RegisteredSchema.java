package io.kafkacontracts.registry;

import static java.util.Objects.requireNonNull;

/**
 * A schema registered under a subject. Immutable.
 *
 * @param subject the subject
 * @param id      the schema's global id (what the wire format carries)
 * @param version its version within the subject
 * @param schema  the schema
 */
public record RegisteredSchema(String subject, int id, int version, RegistrySchema schema) {
  public RegisteredSchema {
    requireNonNull(subject, "subject == null");
    requireNonNull(schema, "schema == null");
  }
}
