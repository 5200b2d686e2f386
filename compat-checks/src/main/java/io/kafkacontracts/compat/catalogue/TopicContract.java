package io.kafkacontracts.compat.catalogue;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.lint.SchemaNames;
import io.kafkacontracts.compat.source.SourcePosition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One topic of the catalogue: its name, what its records carry, how its subjects are named and
 * checked, and how the topic is configured. Immutable.
 *
 * @param name                 the Kafka topic name
 * @param description          what flows on the topic, for people
 * @param valueType            full name of the value's record schema
 * @param key                  what the record key is
 * @param subjectNameStrategy  how the value (and a record key) map to subjects
 * @param compatibility        the level every subject of the topic is checked at
 * @param partitions           partition count
 * @param replication          replication factor
 * @param retention            how long records are kept ({@link Duration#ZERO} never happens;
 *                             {@code null} is not allowed: use the catalogue's default)
 * @param deadLetter           the dead-letter topic, when failed records are routed to one
 * @param consumerGroups       consumer groups known to read the topic, for documentation
 * @param config               further topic configs passed to the broker, e.g. compression.type
 * @param allowPartitionIncrease whether the entry acknowledges that adding partitions moves keys to
 *                             other partitions (a keyed topic's per-key order is broken across the change)
 * @param position             where the entry starts in contracts.yaml
 * @param positions            where each property the entry writes is, by name (e.g. {@code partitions})
 * @param levelPosition        where its level is written: its own {@code compatibility:}, else the
 *                             defaults', else (the built-in BACKWARD) where the entry starts
 * @param valueSubjectName     the value's subject named outright ({@code valueSubject:}), for a subject
 *                             no strategy names (hand-named subjects of older registries); empty: the strategy's
 * @param keySubjectName       the same for an Avro-framed key ({@code keySubject:})
 */
public record TopicContract(
    String name,
    String description,
    String valueType,
    KeySpec key,
    SubjectNameStrategy subjectNameStrategy,
    CompatibilityLevel compatibility,
    int partitions,
    int replication,
    Duration retention,
    Optional<DeadLetterTopic> deadLetter,
    List<String> consumerGroups,
    Map<String, String> config,
    boolean allowPartitionIncrease,
    SourcePosition position,
    Map<String, SourcePosition> positions,
    SourcePosition levelPosition,
    Optional<String> valueSubjectName,
    Optional<String> keySubjectName) {

  public TopicContract {
    requireNonNull(name, "name == null");
    requireNonNull(description, "description == null");
    requireNonNull(valueType, "valueType == null");
    requireNonNull(key, "key == null");
    requireNonNull(subjectNameStrategy, "subjectNameStrategy == null");
    requireNonNull(compatibility, "compatibility == null");
    requireNonNull(retention, "retention == null");
    requireNonNull(deadLetter, "deadLetter == null");
    requireNonNull(position, "position == null");
    requireNonNull(levelPosition, "levelPosition == null");
    requireNonNull(valueSubjectName, "valueSubjectName == null");
    requireNonNull(keySubjectName, "keySubjectName == null");
    consumerGroups = List.copyOf(consumerGroups);
    config = Map.copyOf(config);
    positions = Map.copyOf(positions);
  }

  /** Where a property of the entry is written; where the entry starts when it is not (a default applies). */
  public SourcePosition positionOf(String property) {
    return positions.getOrDefault(property, position);
  }

  /** Whether records carry a key: then the partition a key lands on, and so its order, depends on the count. */
  public boolean keyed() {
    return !(key instanceof KeySpec.None);
  }

  /**
   * The key's type: an Avro primitive's name ({@code string}, {@code long}...) or a named type's full
   * name; empty for a topic without a key, or a key field that did not resolve.
   */
  public Optional<String> keyType() {
    if (key instanceof KeySpec.Field field) {
      return field.type().isEmpty() ? Optional.empty() : Optional.of(field.type());
    }
    if (key instanceof KeySpec.Type type) {
      return Optional.of(type.name());
    }
    return Optional.empty();
  }

  /** The topic configs the catalogue sets on the broker: retention.ms from {@code retention}, then {@code config}. */
  public Map<String, String> topicConfigs() {
    Map<String, String> configs = new java.util.LinkedHashMap<>();
    configs.put(RETENTION_MS, Long.toString(retention.toMillis()));
    configs.putAll(new java.util.TreeMap<>(config));
    return java.util.Collections.unmodifiableMap(configs);
  }

  /** Kafka's topic config for how long records are kept. */
  public static final String RETENTION_MS = "retention.ms";

  /** The value's subject: the one named outright, else the strategy's, e.g. {@code orders-value}. */
  public String valueSubject() {
    return valueSubjectName.orElseGet(() -> subjectNameStrategy.subject(name, false, valueType));
  }

  /**
   * How the key maps to a subject. A key taken from a field, or of a primitive type, is named by
   * TopicNameStrategy ({@code <topic>-key}) since record-based strategies name records; a key with
   * its own named type follows the topic's strategy.
   */
  public SubjectNameStrategy keySubjectNameStrategy() {
    return key instanceof KeySpec.Type type && !isPrimitive(type.name())
        ? subjectNameStrategy
        : SubjectNameStrategy.TOPIC_NAME;
  }

  /**
   * The key's subject when the key has a schema to register (the one named outright, else the
   * strategy's); none for a plain key.
   */
  public Optional<String> keySubject() {
    if (key.format() == KeyFormat.PLAIN || key instanceof KeySpec.None) {
      return Optional.empty();
    }
    if (keySubjectName.isPresent()) {
      return keySubjectName;
    }
    if (key instanceof KeySpec.Field) {
      return Optional.of(keySubjectNameStrategy().subject(name, true, ""));
    }
    if (key instanceof KeySpec.Type type) {
      return Optional.of(keySubjectNameStrategy().subject(name, true, type.name()));
    }
    return Optional.empty();
  }

  static boolean isPrimitive(String typeName) {
    return SchemaNames.PRIMITIVES.contains(typeName);
  }
}
