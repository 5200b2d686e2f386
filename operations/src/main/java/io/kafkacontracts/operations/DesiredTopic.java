package io.kafkacontracts.operations;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.catalogue.Catalogue;
import io.kafkacontracts.compat.catalogue.TopicContract;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A topic as the catalogue wants it on the cluster: a topic of {@code contracts.yaml}, or the
 * dead-letter topic one of them asks for (same partitions, replication and key, its own retention).
 * Immutable.
 *
 * @param name                   the topic
 * @param partitions             partition count
 * @param replication            replication factor
 * @param configs                the topic configs the catalogue names, and only those
 * @param keyed                  whether records carry a key (its partition depends on the count)
 * @param allowPartitionIncrease whether the catalogue acknowledges that more partitions move keys
 * @param source                 the catalogue topic it comes from, for messages and positions
 */
public record DesiredTopic(String name, int partitions, int replication, Map<String, String> configs, boolean keyed,
    boolean allowPartitionIncrease, TopicContract source) {

  public DesiredTopic {
    requireNonNull(name, "name == null");
    configs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configs));
    requireNonNull(source, "source == null");
  }

  /** Every topic of the catalogue and its dead-letter topic, in catalogue order. */
  public static List<DesiredTopic> of(Catalogue catalogue) {
    List<DesiredTopic> topics = new ArrayList<>();
    for (TopicContract topic : catalogue.topics()) {
      topics.add(new DesiredTopic(topic.name(), topic.partitions(), topic.replication(), topic.topicConfigs(),
          topic.keyed(), topic.allowPartitionIncrease(), topic));
      topic.deadLetter().ifPresent(dlq -> topics.add(new DesiredTopic(dlq.name(), topic.partitions(),
          topic.replication(), Map.of(TopicContract.RETENTION_MS, Long.toString(dlq.retention().toMillis())),
          topic.keyed(), topic.allowPartitionIncrease(), topic)));
    }
    return List.copyOf(topics);
  }

  /** The same topic with another replication factor: for a development cluster of fewer brokers. */
  public DesiredTopic withReplication(int factor) {
    return new DesiredTopic(name, partitions, factor, configs, keyed, allowPartitionIncrease, source);
  }
}
