package io.kafkacontracts.serde;

import io.kafkacontracts.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Confluent's {@code SpecificAvroSerde} under its name, for {@code default.value.serde} and the
 * like: reads into the generated class the writer schema names ({@code specific.avro.reader} is
 * always true here), or into the one class {@code specific.avro.key.type} /
 * {@code specific.avro.value.type} names. Thread-safe once configured.
 */
public class SpecificAvroSerde<T extends SpecificRecord> extends AvroSerde<T> {

  /** For Kafka's config-driven construction. */
  public SpecificAvroSerde() {}

  /** With a registry of the caller's. */
  public SpecificAvroSerde(SchemaRegistryClient registry) {
    super(registry);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Map<String, Object> specific = new HashMap<>(configs);
    specific.put(SerdeConfig.SPECIFIC_AVRO_READER, true);
    super.configure(specific, isKey);
  }
}
