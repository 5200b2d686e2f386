package io.kafkacontracts.registry;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entry of a registry's schema listing ({@code GET /schemas}). Confluent's registry names the
 * subject and version of each; Apicurio's lists schemas without them, which is why both are
 * optional: a caller that needs them checks. Immutable.
 *
 * @param subject the subject, where the registry says
 * @param version the version within it, where the registry says
 * @param id      the schema's global id
 * @param schema  the schema
 */
public record ListedSchema(Optional<String> subject, OptionalInt version, int id, RegistrySchema schema) {
  public ListedSchema {
    requireNonNull(subject, "subject == null");
    requireNonNull(version, "version == null");
    requireNonNull(schema, "schema == null");
  }

  /** Whether the entry says which subject and version it is. */
  public boolean located() {
    return subject.isPresent() && version.isPresent();
  }
}
