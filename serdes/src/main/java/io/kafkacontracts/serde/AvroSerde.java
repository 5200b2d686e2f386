package io.kafkacontracts.serde;

import io.kafkacontracts.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serde} of an {@link AvroSerializer} and an {@link AvroDeserializer}, configured
 * together with Confluent's keys ({@link SerdeConfig}). Thread-safe.
 */
public final class AvroSerde<T> implements Serde<T> {

  private final AvroSerializer<T> serializer;
  private final AvroDeserializer<T> deserializer;

  private AvroSerde(AvroSerializer<T> serializer, AvroDeserializer<T> deserializer) {
    this.serializer = serializer;
    this.deserializer = deserializer;
  }

  /** For a generated class or a Java primitive (String, Integer, Long, ...). */
  public static <T> AvroSerde<T> of(Class<T> type) {
    return new AvroSerde<>(new AvroSerializer<>(), AvroDeserializer.forType(type));
  }

  /** For a generated class or a Java primitive, with a registry of the caller's. */
  public static <T> AvroSerde<T> of(Class<T> type, SchemaRegistryClient registry) {
    return new AvroSerde<>(new AvroSerializer<>(registry), AvroDeserializer.forType(type, registry));
  }

  /** For generic records (the deserializer honours specific.avro.reader). */
  public static AvroSerde<GenericRecord> generic() {
    return new AvroSerde<>(new AvroSerializer<>(), new AvroDeserializer<>());
  }

  /** For generic records, with a registry of the caller's. */
  public static AvroSerde<GenericRecord> generic(SchemaRegistryClient registry) {
    return new AvroSerde<>(new AvroSerializer<>(registry), new AvroDeserializer<>(registry));
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
