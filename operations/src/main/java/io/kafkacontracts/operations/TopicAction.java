package io.kafkacontracts.operations;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/** One step of a {@link TopicPlan} for one topic. Immutable values; a closed set. */
public sealed interface TopicAction {

  /** The topic it is about. */
  String topic();

  /** Whether applying it changes the cluster. */
  default boolean changes() {
    return this instanceof Create || this instanceof AddPartitions || this instanceof SetConfig;
  }

  /** The topic is missing: create it with the catalogue's partitions, replication and configs. */
  record Create(String topic, int partitions, int replication, Map<String, String> configs) implements TopicAction {
    public Create {
      requireNonNull(topic, "topic == null");
      configs = Map.copyOf(configs);
    }
  }

  /** More partitions: Kafka can add partitions, never remove them. */
  record AddPartitions(String topic, int from, int to) implements TopicAction {
    public AddPartitions {
      requireNonNull(topic, "topic == null");
    }
  }

  /** A config the catalogue names differs on the cluster (or is the broker's default there): set it. */
  record SetConfig(String topic, String key, Optional<String> from, String to) implements TopicAction {
    public SetConfig {
      requireNonNull(topic, "topic == null");
      requireNonNull(key, "key == null");
      requireNonNull(from, "from == null");
      requireNonNull(to, "to == null");
    }
  }

  /** What Kafka cannot do, or what would lose data or ordering: nothing is applied while one is planned. */
  record Refusal(String topic, String reason, String fix) implements TopicAction {
    public Refusal {
      requireNonNull(topic, "topic == null");
      requireNonNull(reason, "reason == null");
      requireNonNull(fix, "fix == null");
    }
  }

  /** A config set on the cluster that the catalogue does not name: reported, left alone. */
  record Drift(String topic, String key, String value) implements TopicAction {
    public Drift {
      requireNonNull(topic, "topic == null");
      requireNonNull(key, "key == null");
      requireNonNull(value, "value == null");
    }
  }

  /** The topic is as the catalogue says. */
  record Unchanged(String topic) implements TopicAction {
    public Unchanged {
      requireNonNull(topic, "topic == null");
    }
  }
}
