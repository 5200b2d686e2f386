package io.kafkacontracts.serde;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.catalogue.KeyFormat;
import io.kafkacontracts.compat.catalogue.SubjectNameStrategy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One topic of the catalogue with its types: the generated {@code Topics} class holds one per entry
 * of {@code contracts.yaml}, so {@code producer.send(Topics.X.record(key, value))} cannot put the
 * wrong type on a topic. Its serdes name subjects with the catalogue's strategies (the ones CI
 * registers under) and, unless the caller says otherwise, do not register schemas: contracts are
 * registered by CI. Immutable and thread-safe.
 *
 * @param name              the Kafka topic
 * @param keyType           the key's Java type ({@link Void} when records carry no key)
 * @param valueType         the generated value class
 * @param keyField          the dotted path of the value field the key is taken from, if any
 * @param keyStrategy       how the key's schema maps to a subject
 * @param valueStrategy     how the value's schema maps to a subject
 * @param deadLetterTopic   where records that cannot be processed go, if the topic has one
 * @param partitions        partition count
 * @param replication       replication factor
 * @param retention         how long records are kept
 * @param keyFormat         how keys are written: Avro in Confluent's wire format under a key subject,
 *                          or plain, the bytes of Kafka's own serializer for the key type
 * @param keySubjectName    the key's subject named outright in the catalogue, overriding its strategy
 * @param valueSubjectName  the value's subject named outright in the catalogue, overriding its strategy
 */
public record Topic<K, V>(
    String name,
    Class<K> keyType,
    Class<V> valueType,
    Optional<String> keyField,
    SubjectNameStrategy keyStrategy,
    SubjectNameStrategy valueStrategy,
    Optional<String> deadLetterTopic,
    int partitions,
    short replication,
    Duration retention,
    KeyFormat keyFormat,
    Optional<String> keySubjectName,
    Optional<String> valueSubjectName) {

  /** Each generated class's model (its conversions), looked up by reflection once per class. */
  private static final ClassValue<SpecificData> MODELS = new ClassValue<>() {
    @Override
    protected SpecificData computeValue(Class<?> type) {
      return SpecificData.getForClass(type);
    }
  };

  public Topic {
    requireNonNull(name, "name == null");
    requireNonNull(keyType, "keyType == null");
    requireNonNull(valueType, "valueType == null");
    requireNonNull(keyField, "keyField == null");
    requireNonNull(keyStrategy, "keyStrategy == null");
    requireNonNull(valueStrategy, "valueStrategy == null");
    requireNonNull(deadLetterTopic, "deadLetterTopic == null");
    requireNonNull(retention, "retention == null");
    requireNonNull(keyFormat, "keyFormat == null");
    requireNonNull(keySubjectName, "keySubjectName == null");
    requireNonNull(valueSubjectName, "valueSubjectName == null");
    if (keyFormat == KeyFormat.PLAIN && keyType != Void.class && plainSerde(keyType) == null) {
      throw new IllegalArgumentException("topic '" + name + "': a " + keyType.getName() + " key has no plain form");
    }
  }

  /** A topic whose subjects follow its strategies (catalogues generated before subjects could be named). */
  public Topic(String name, Class<K> keyType, Class<V> valueType, Optional<String> keyField,
      SubjectNameStrategy keyStrategy, SubjectNameStrategy valueStrategy, Optional<String> deadLetterTopic,
      int partitions, short replication, Duration retention, KeyFormat keyFormat) {
    this(name, keyType, valueType, keyField, keyStrategy, valueStrategy, deadLetterTopic, partitions, replication,
        retention, keyFormat, Optional.empty(), Optional.empty());
  }

  /** A topic whose key, if any, is written in Avro (catalogues generated before key formats existed). */
  public Topic(String name, Class<K> keyType, Class<V> valueType, Optional<String> keyField,
      SubjectNameStrategy keyStrategy, SubjectNameStrategy valueStrategy, Optional<String> deadLetterTopic,
      int partitions, short replication, Duration retention) {
    this(name, keyType, valueType, keyField, keyStrategy, valueStrategy, deadLetterTopic, partitions, replication,
        retention, KeyFormat.AVRO, Optional.empty(), Optional.empty());
  }

  /** The value's subject, as CI registers it. */
  public String valueSubject() {
    return valueSubjectName.orElseGet(() ->
        valueStrategy.subject(name, false, SpecificData.get().getSchema(valueType).getFullName()));
  }

  /** The key's subject, when records carry a key written in Avro; none for plain keys. */
  public Optional<String> keySubject() {
    if (keyType == Void.class || keyFormat == KeyFormat.PLAIN) {
      return Optional.empty();
    }
    if (keySubjectName.isPresent()) {
      return keySubjectName;
    }
    Schema key = Primitives.schemaOf(keyType);
    return Optional.of(keyStrategy.subject(name, true,
        key != null ? key.getFullName() : SpecificData.get().getSchema(keyType).getFullName()));
  }

  /** A record for this topic. */
  public ProducerRecord<K, V> record(K key, V value) {
    return new ProducerRecord<>(name, key, value);
  }

  /** A record keyed as the catalogue says: by the value's key field, or without a key. */
  public ProducerRecord<K, V> record(V value) {
    return new ProducerRecord<>(name, keyOf(value), value);
  }

  /**
   * The key the catalogue gives a value: the Avro value of its key field (a uuid as its string, a
   * timestamp as its long, as the key's schema has them); null when records carry no key.
   *
   * @throws IllegalArgumentException when the topic's key is not a field of the value
   */
  public K keyOf(V value) {
    if (keyType == Void.class) {
      return null;
    }
    String path = keyField.orElseThrow(() -> new IllegalArgumentException(
        "the key of topic '" + name + "' is not a field of its value: use record(key, value)"));
    Object current = value;
    Schema schema = null;
    for (String step : path.split("\\.")) {
      GenericRecord record = (GenericRecord) current;
      schema = record.getSchema().getField(step).schema();
      current = record.get(step);
    }
    LogicalType logicalType = schema.getLogicalType();
    if (current != null && logicalType != null) {
      Conversion<Object> conversion = MODELS.get(valueType).getConversionFor(logicalType);
      if (conversion != null) {
        current = Conversions.convertToRawType(current, schema, logicalType, conversion);
      }
    }
    if (keyType == String.class && current instanceof CharSequence text) {
      current = text.toString();
    }
    return keyType.cast(current);
  }

  /**
   * The key serde: for a plain key Kafka's own ({@code Serdes.String()}, {@code Serdes.Long()}, ...),
   * which ignores the registry settings; else ours, configured with the caller's settings and the
   * catalogue's key strategy.
   */
  @SuppressWarnings("unchecked")
  public Serde<K> keySerde(Map<String, ?> config) {
    if (keyType == Void.class) {
      return (Serde<K>) Serdes.Void();
    }
    if (keyFormat == KeyFormat.PLAIN) {
      return plainSerde(keyType);
    }
    Serde<K> serde = AvroSerde.of(keyType);
    serde.configure(settings(config, SerdeConfig.KEY_SUBJECT_NAME_STRATEGY, keyStrategy,
        SerdeConfig.KEY_SUBJECT_NAME, keySubjectName), true);
    return serde;
  }

  /** The value serde, configured with the caller's settings and the catalogue's value strategy. */
  public Serde<V> valueSerde(Map<String, ?> config) {
    Serde<V> serde = AvroSerde.of(valueType);
    serde.configure(settings(config, SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, valueStrategy,
        SerdeConfig.VALUE_SUBJECT_NAME, valueSubjectName), false);
    return serde;
  }

  /** Kafka's own serde for a key type, or null when Kafka has none. */
  @SuppressWarnings("unchecked")
  private static <K> Serde<K> plainSerde(Class<K> type) {
    Serde<?> serde;
    if (type == String.class) {
      serde = Serdes.String();
    } else if (type == Long.class) {
      serde = Serdes.Long();
    } else if (type == Integer.class) {
      serde = Serdes.Integer();
    } else if (type == Double.class) {
      serde = Serdes.Double();
    } else if (type == Float.class) {
      serde = Serdes.Float();
    } else if (type == java.nio.ByteBuffer.class) {
      serde = Serdes.ByteBuffer();
    } else if (type == byte[].class) {
      serde = Serdes.ByteArray();
    } else {
      serde = null;
    }
    return (Serde<K>) serde;
  }

  /**
   * auto.register.schemas defaults to false (the caller may still set it); the strategy, and a subject
   * named outright, are the catalogue's.
   */
  private static Map<String, Object> settings(Map<String, ?> config, String strategyKey, SubjectNameStrategy strategy,
      String subjectKey, Optional<String> subject) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(SerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    settings.putAll(config);
    settings.put(strategyKey, strategy.simpleName());
    settings.put(subjectKey, subject.orElse(""));
    return settings;
  }

  /** The topic as the catalogue configures it, for an admin client to create. */
  public NewTopic newTopic() {
    return new NewTopic(name, partitions, replication)
        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis())));
  }
}
