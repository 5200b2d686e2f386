package io.kafkacontracts.serde;

import io.kafkacontracts.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * Confluent's {@code GenericAvroSerde} under its name, for {@code default.value.serde} and the
 * like: always reads {@link GenericRecord}s, whatever {@code specific.avro.*} settings the same
 * config holds for other serdes. Thread-safe once configured.
 */
public class GenericAvroSerde extends AvroSerde<GenericRecord> {

  /** For Kafka's config-driven construction. */
  public GenericAvroSerde() {}

  /** With a registry of the caller's. */
  public GenericAvroSerde(SchemaRegistryClient registry) {
    super(registry);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Map<String, Object> generic = new HashMap<>(configs);
    generic.put(SerdeConfig.SPECIFIC_AVRO_READER, false);
    generic.remove(SerdeConfig.SPECIFIC_AVRO_KEY_TYPE);
    generic.remove(SerdeConfig.SPECIFIC_AVRO_VALUE_TYPE);
    super.configure(generic, isKey);
  }
}
