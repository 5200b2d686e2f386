package io.kafkacontracts.compat;

import io.kafkacontracts.compat.catalogue.KeyFormat;
import io.kafkacontracts.compat.catalogue.KeySpec;
import io.kafkacontracts.compat.catalogue.TopicContract;
import io.kafkacontracts.compat.source.SourceLocation;
import io.kafkacontracts.compat.source.SourcePosition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The topic rules: a catalogue against its baseline's catalogue, offline, the unsafe changes that
 * {@code topics-apply} would refuse or that lose data or order. Each finding is a {@link Violation}
 * at its line of {@code contracts.yaml}, reported under the topic's name as its subject and path
 * {@code /topics/<name>/<property>}, so an accepted break names the topic as its subject. Topic
 * rules use the BACKWARD direction: they protect the consumers of data already written. Keys are
 * part of the contract: a key added, removed, reframed, retyped or taken from another field moves
 * every key's bytes and partition. Stateless.
 */
final class TopicRules {

  private TopicRules() {}

  /**
   * The violations per topic, in catalogue order; topics without any are left out.
   *
   * @param now      the catalogue's topics
   * @param before   the baseline catalogue's topics
   * @param file     contracts.yaml as findings name it
   * @param baseline how findings name the baseline
   */
  static Map<String, List<Violation>> check(List<TopicContract> now, List<TopicContract> before, Path file,
      String baseline) {
    Map<String, TopicContract> earlier = new LinkedHashMap<>();
    before.forEach(topic -> earlier.put(topic.name(), topic));
    Map<String, List<Violation>> found = new LinkedHashMap<>();
    for (TopicContract topic : now) {
      TopicContract then = earlier.remove(topic.name());
      if (then == null) {
        continue;
      }
      List<Violation> violations = new ArrayList<>();
      Finder at = new Finder(topic, file, baseline, violations);
      if (topic.partitions() < then.partitions()) {
        at.add(Rule.TOPIC_PARTITIONS_DECREASED, "partitions", "topic '" + topic.name() + "' has " + topic.partitions()
            + " partitions in the candidate but " + then.partitions() + " in " + baseline
            + "; Kafka cannot remove partitions, so topics-apply would refuse it",
            "keep partitions: " + then.partitions() + "; for fewer partitions, create a new topic and move its "
                + "producers and consumers to it");
      } else if (topic.partitions() > then.partitions() && topic.keyed() && !topic.allowPartitionIncrease()) {
        at.add(Rule.TOPIC_PARTITIONS_INCREASED_KEYED, "partitions", "topic '" + topic.name() + "' is keyed and goes "
            + "from " + then.partitions() + " to " + topic.partitions() + " partitions: each key's new records land "
            + "on another partition than its old ones, so consumers may read them out of order",
            "if that is acceptable, add allowPartitionIncrease: true to the topic's entry; else keep partitions: "
                + then.partitions());
      }
      if (topic.replication() != then.replication()) {
        at.add(Rule.TOPIC_REPLICATION_CHANGED, "replication", "topic '" + topic.name() + "' has replication "
            + topic.replication() + " in the candidate but " + then.replication() + " in " + baseline
            + "; creating or altering a topic cannot change it, so topics-apply would refuse it",
            "reassign the partitions' replicas first (kafka-reassign-partitions.sh), then change replication: in "
                + "the same change as an accepted break");
      }
      Optional<Duration> dlq = topic.deadLetter().map(d -> d.retention());
      if (dlq.isPresent() && shorter(topic.retention(), then.retention()) && shorter(topic.retention(), dlq.get())) {
        at.add(Rule.TOPIC_RETENTION_BELOW_DEAD_LETTER, "retention", "topic '" + topic.name() + "' keeps records for "
            + days(topic.retention()) + " in the candidate, " + days(then.retention()) + " in " + baseline
            + ", less than its dead-letter topic's " + days(dlq.get()) + ": failed records would outlive the "
            + "records they must be replayed beside", "keep retention: " + days(then.retention())
                + " or at least the dead-letter retention " + days(dlq.get()));
      }
      key(topic, then, baseline, at);
      if (!violations.isEmpty()) {
        found.put(topic.name(), violations);
      }
    }
    // What is left was removed from the catalogue.
    earlier.values().stream().filter(t -> !t.consumerGroups().isEmpty()).forEach(removed ->
        found.put(removed.name(), List.of(new Violation(Rule.TOPIC_REMOVED_WITH_CONSUMERS, removed.compatibility(),
            Direction.BACKWARD, 0, baseline, path(removed.name(), "consumerGroups"), Optional.empty(),
            Optional.of(new SourceLocation(file, SourcePosition.START)), Optional.empty(),
            "topic '" + removed.name() + "' is gone from the catalogue, but " + baseline + " lists its consumer groups "
                + removed.consumerGroups() + "; the contract jar would drop its Topics constant under them",
            "keep the topic until its consumers are gone, then remove it with an accepted break naming them"))));
    return found;
  }

  /**
   * The key rules: a key added, removed, framed otherwise, of another plain type, or taken from
   * another field. An Avro-framed key's schema is judged as a subject of its own by the engine.
   */
  private static void key(TopicContract topic, TopicContract then, String baseline, Finder at) {
    String now = describe(topic.key());
    String before = describe(then.key());
    String keep = "keep key: " + written(then.key()) + " to keep each key's bytes and partition; for the new key, "
        + "publish on a new topic and move producers and consumers to it, or accept the change in "
        + "accepted-breaks.yaml with the reason and who agreed";
    if (then.keyed() && !topic.keyed()) {
      at.add(Rule.KEY_REMOVED, "key", "topic '" + topic.name() + "' has no key in the candidate but " + before
          + " in " + baseline + ": consumers relying on keys, per-key order or compaction lose them", keep);
    } else if (!then.keyed() && topic.keyed()) {
      at.add(Rule.KEY_ADDED, "key", "topic '" + topic.name() + "' has " + now + " in the candidate but no key in "
          + baseline + ": keyed records land on other partitions than keyless ones, and older records have no key",
          "keep the topic keyless, or publish the keyed records on a new topic; or accept the change in "
              + "accepted-breaks.yaml with the reason and who agreed");
    } else if (topic.keyed() && topic.key().format() != then.key().format()) {
      at.add(Rule.KEY_FORMAT_CHANGED, "key", "topic '" + topic.name() + "' has " + now + " in the candidate but "
          + before + " in " + baseline + ": every key's bytes change, so each key lands on another partition and "
          + "consumers of the old format misread the new keys", keep);
    } else if (topic.keyed() && (topic.key().format() == KeyFormat.PLAIN
        ? topic.keyType().isPresent() && then.keyType().isPresent() && !topic.keyType().equals(then.keyType())
        // An Avro key under another subject has no history there for the engine to judge it against.
        : !topic.keySubject().equals(then.keySubject()))) {
      at.add(Rule.KEY_TYPE_CHANGED, "key", "topic '" + topic.name() + "' has " + now + " in the candidate but "
          + before + " in " + baseline + ": every key's bytes change, so each key lands on another partition and "
          + "consumers deserialize it as the old type", keep);
    } else if (topic.keyed() && !fieldOf(topic.key()).equals(fieldOf(then.key()))) {
      at.add(Rule.KEY_FIELD_CHANGED, "key", "topic '" + topic.name() + "' has " + now + " in the candidate but "
          + before + " in " + baseline + ": records of one entity get another key, land on another partition, and "
          + "their order across the change is lost", keep);
    }
  }

  /** "a plain string key from field 'id'", "an Avro-framed key of type com.example.OrderKey". */
  static String describe(KeySpec key) {
    if (key instanceof KeySpec.None) {
      return "no key";
    }
    String format = key.format() == KeyFormat.PLAIN ? "a plain " : "an Avro-framed ";
    if (key instanceof KeySpec.Field field) {
      return format + (field.type().isEmpty() ? "" : field.type() + " ") + "key from field '" + field.path() + "'";
    }
    return format + "key of type " + ((KeySpec.Type) key).name();
  }

  /** The key as contracts.yaml writes it, e.g. {@code {field: id, format: avro}}. */
  private static String written(KeySpec key) {
    if (key instanceof KeySpec.Field field) {
      return "{field: " + field.path() + ", format: " + field.format().name().toLowerCase(Locale.ROOT) + "}";
    }
    if (key instanceof KeySpec.Type type) {
      return "{type: " + type.name() + ", format: " + type.format().name().toLowerCase(Locale.ROOT) + "}";
    }
    return "(none)";
  }

  private static String fieldOf(KeySpec key) {
    return key instanceof KeySpec.Field field ? field.path() : "";
  }

  /** Whether a retention keeps records for less time than another; -1 ms is infinite. */
  private static boolean shorter(Duration a, Duration b) {
    return !a.isNegative() && (b.isNegative() || a.compareTo(b) < 0);
  }

  private static String days(Duration retention) {
    if (retention.isNegative()) {
      return "infinite";
    }
    return retention.toMillis() % Duration.ofDays(1).toMillis() == 0 ? retention.toDays() + "d"
        : retention.toHours() + "h";
  }

  private static SchemaPath path(String topic, String property) {
    return SchemaPath.ROOT.then("topics", topic, property);
  }

  /** Adds one topic's violations at the lines of its entry. */
  private record Finder(TopicContract topic, Path file, String baseline, List<Violation> into) {
    void add(Rule rule, String property, String message, String fix) {
      into.add(new Violation(rule, topic.compatibility(), Direction.BACKWARD, 0, baseline, path(topic.name(), property),
          Optional.empty(), Optional.of(new SourceLocation(file, topic.positionOf(property))), Optional.empty(),
          message, fix));
    }
  }
}
