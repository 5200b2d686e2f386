package io.kafkacontracts.compat.catalogue;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a topic's schema maps to a registry subject, as Confluent's serializers name it. The
 * catalogue, the serdes and the registration all derive subjects from here, so they cannot
 * disagree.
 */
public enum SubjectNameStrategy {
  /** {@code <topic>-key} / {@code <topic>-value}: one schema lineage per topic (Confluent's default). */
  TOPIC_NAME("TopicNameStrategy"),
  /** {@code <record full name>}: one lineage per record type, shared by every topic that carries it. */
  RECORD_NAME("RecordNameStrategy"),
  /** {@code <topic>-<record full name>}: one lineage per record type within each topic. */
  TOPIC_RECORD_NAME("TopicRecordNameStrategy");

  private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

  private final String simpleName;

  SubjectNameStrategy(String simpleName) {
    this.simpleName = simpleName;
  }

  /** The name users write: Confluent's class name without its package. */
  public String simpleName() {
    return simpleName;
  }

  /**
   * The subject for a key or value schema of a topic.
   *
   * @param topic      the topic
   * @param isKey      true for the key's subject
   * @param schemaName the schema's full name (a record's full name, or a primitive's type name)
   */
  public String subject(String topic, boolean isKey, String schemaName) {
    return switch (this) {
      case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
      case RECORD_NAME -> schemaName;
      case TOPIC_RECORD_NAME -> topic + "-" + schemaName;
    };
  }

  /**
   * Parses a strategy as Confluent users write it: the simple class name ({@code TopicNameStrategy})
   * or Confluent's fully qualified class name.
   */
  public static Optional<SubjectNameStrategy> named(String name) {
    String simple = name.startsWith(CONFLUENT_PACKAGE) ? name.substring(CONFLUENT_PACKAGE.length()) : name;
    return Arrays.stream(values()).filter(s -> s.simpleName.equals(simple)).findFirst();
  }
}
