package io.kafkacontracts.serde;

import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import org.apache.avro.Schema;

/** Avro schemas as a registry holds them: a text that may name types registered in other subjects. */
final class RegistryAvro {

  private RegistryAvro() {}

  /**
   * Parses a registry's Avro schema with the schemas it references, and theirs, read first into the
   * same parser so their names resolve (as Confluent's serdes do).
   *
   * @throws org.apache.avro.SchemaParseException when a text does not parse or names a type none defines
   */
  static Schema parse(SchemaRegistryClient registry, RegistrySchema schema) {
    Schema.Parser parser = new Schema.Parser();
    for (RegistrySchema referenced : registry.referencedSchemas(schema)) {
      parser.parse(referenced.schema());
    }
    return parser.parse(schema.schema());
  }
}
