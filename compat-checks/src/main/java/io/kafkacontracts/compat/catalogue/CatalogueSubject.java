package io.kafkacontracts.compat.catalogue;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.source.SourcePosition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One subject the catalogue declares: what {@code register} writes, the gate judges and the git
 * baseline follows through history. The one list of them is {@link #of}, so that the three never
 * disagree about which subjects exist. Immutable.
 *
 * @param subject  the subject, e.g. {@code orders-value}
 * @param typeName the full name of its named type, or an Avro primitive's name for a primitive key
 *                 framed in Avro (e.g. {@code string})
 * @param level    the level it is checked at
 * @param topic    the (first) topic it belongs to
 * @param key      whether it holds the topic's key rather than its value
 */
public record CatalogueSubject(String subject, String typeName, CompatibilityLevel level, TopicContract topic,
    boolean key) {

  public CatalogueSubject {
    requireNonNull(subject, "subject == null");
    requireNonNull(typeName, "typeName == null");
    requireNonNull(level, "level == null");
    requireNonNull(topic, "topic == null");
  }

  /** Where the subject's level is written in contracts.yaml. */
  public SourcePosition levelPosition() {
    return topic.levelPosition();
  }

  /** Whether the subject's schema is an Avro primitive rather than a named type of the schema folder. */
  public boolean primitive() {
    return TopicContract.isPrimitive(typeName);
  }

  /**
   * Every subject of the topics, in catalogue order: per topic its value subject, then its key
   * subject where the key is framed in Avro (a named type, or a primitive with {@code format: avro});
   * a subject shared by several topics (record-based naming) once, with its first topic. A plain key
   * has no subject.
   */
  public static List<CatalogueSubject> of(List<TopicContract> topics) {
    Map<String, CatalogueSubject> subjects = new LinkedHashMap<>();
    for (TopicContract topic : topics) {
      subjects.putIfAbsent(topic.valueSubject(),
          new CatalogueSubject(topic.valueSubject(), topic.valueType(), topic.compatibility(), topic, false));
      topic.keySubject().ifPresent(subject -> topic.keyType().filter(type -> !type.isEmpty()).ifPresent(type ->
          subjects.putIfAbsent(subject, new CatalogueSubject(subject, type, topic.compatibility(), topic, true))));
    }
    return List.copyOf(subjects.values());
  }
}
