package io.kafkacontracts.registry;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A schema as the registry sees it: text, type and references. Format-agnostic: this client never
 * parses the text. Immutable.
 *
 * @param schema     the schema text, registered exactly as given
 * @param schemaType {@code AVRO} (the registry's default), {@code JSON} or {@code PROTOBUF}
 * @param references the registered schemas this one refers to
 */
public record RegistrySchema(String schema, String schemaType, List<SchemaReference> references) {

  public static final String AVRO = "AVRO";

  public RegistrySchema {
    requireNonNull(schema, "schema == null");
    requireNonNull(schemaType, "schemaType == null");
    references = List.copyOf(requireNonNull(references, "references == null"));
  }

  /** An Avro schema without references. */
  public static RegistrySchema avro(String schema) {
    return new RegistrySchema(schema, AVRO, List.of());
  }
}
