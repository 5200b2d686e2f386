package io.kafkacontracts.serde;

import io.kafkacontracts.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serde} of an {@link AvroSerializer} and an {@link AvroDeserializer}, configured
 * together with Confluent's keys ({@link SerdeConfig}).
 *
 * <p>Kafka and Kafka Streams can build it from config ({@code default.value.serde=
 * io.kafkacontracts.serde.AvroSerde}): it then reads generic records, or generated classes when
 * {@code specific.avro.reader} is true, or one generated class when
 * {@code specific.avro.key.type} / {@code specific.avro.value.type} names it, as Confluent's
 * {@code SpecificAvroSerde} and {@code GenericAvroSerde} do (those names exist here too:
 * {@link SpecificAvroSerde}, {@link GenericAvroSerde}). Thread-safe once configured.
 */
public class AvroSerde<T> implements Serde<T> {

  private final AvroSerializer<T> serializer;
  /** Chosen at configure when the serde was built from config; fixed otherwise. */
  private volatile AvroDeserializer<T> deserializer;
  private final boolean fromConfig;
  private final SchemaRegistryClient registry;

  /** For Kafka's config-driven construction; see the class comment for what it reads into. */
  public AvroSerde() {
    this.serializer = new AvroSerializer<>();
    this.deserializer = new AvroDeserializer<>();
    this.fromConfig = true;
    this.registry = null;
  }

  /** Config-driven, with a registry of the caller's (tests, or one client shared by several serdes). */
  public AvroSerde(SchemaRegistryClient registry) {
    this.serializer = new AvroSerializer<>(registry);
    this.deserializer = new AvroDeserializer<>(registry);
    this.fromConfig = true;
    this.registry = registry;
  }

  private AvroSerde(AvroSerializer<T> serializer, AvroDeserializer<T> deserializer) {
    this.serializer = serializer;
    this.deserializer = deserializer;
    this.fromConfig = false;
    this.registry = null;
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
    if (fromConfig) {
      Class<?> readerClass = SerdeConfig.parse(configs).readerClass(isKey).orElse(null);
      if (readerClass != null) {
        deserializer = typed(readerClass);
      }
    }
    deserializer.configure(configs, isKey);
  }

  @SuppressWarnings("unchecked")
  private AvroDeserializer<T> typed(Class<?> readerClass) {
    return (AvroDeserializer<T>) (registry == null ? AvroDeserializer.forType(readerClass)
        : AvroDeserializer.forType(readerClass, registry));
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
