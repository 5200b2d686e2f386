package io.kafkacontracts.operations;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a cluster holds for {@link Import}: each topic's partitions, replication and own configs,
 * and what the first records of each topic show about their framing: the schema ids in front of
 * keys and values (Confluent's wire format: byte 0, then a 4-byte id), and whether unframed keys
 * are text. Reads records with a consumer that assigns partitions itself (no group, no commits):
 * the cluster is left as it was. Immutable once read.
 *
 * @param topics every topic read, by name
 */
record ClusterSample(Map<String, Topic> topics) {

  ClusterSample {
    topics = Map.copyOf(topics);
  }

  /**
   * One topic.
   *
   * @param configs     the configs set on the topic itself (not the broker's defaults)
   * @param records     how many records were read
   * @param valueIds    the schema ids framing the values read
   * @param unframedValues how many values were not framed (or empty)
   * @param nullKeys    how many records had no key
   * @param keyIds      the schema ids framing the keys read
   * @param textKeys    how many unframed keys were UTF-8 text
   * @param otherKeys   the lengths of the unframed keys that were not text
   */
  record Topic(String name, int partitions, int replication, Map<String, String> configs, int records,
      Set<Integer> valueIds, int unframedValues, int nullKeys, Set<Integer> keyIds, int textKeys,
      List<Integer> otherKeys) {

    Topic {
      requireNonNull(name, "name == null");
      configs = Map.copyOf(configs);
      valueIds = Set.copyOf(valueIds);
      keyIds = Set.copyOf(keyIds);
      otherKeys = List.copyOf(otherKeys);
    }
  }

  /**
   * Reads the descriptions and configs of the cluster's topics that {@code wanted} keeps, and up to
   * {@code records} records of each from its start, waiting at most {@code wait} per topic for them.
   */
  static ClusterSample read(KafkaSettings settings, Predicate<String> wanted, int records, Duration wait)
      throws IOException {
    Set<String> names;
    Map<String, TopicDescription> descriptions;
    Map<ConfigResource, Config> configs;
    try (Admin admin = settings.admin()) {
      names = new TreeSet<>(TopicPlan.await(admin.listTopics().names(), settings.toString(), "list the topics"));
      names.removeIf(wanted.negate());
      if (names.isEmpty()) {
        return new ClusterSample(Map.of());
      }
      descriptions = TopicPlan.await(admin.describeTopics(names).allTopicNames(), settings.toString(),
          "describe the topics");
      configs = TopicPlan.await(admin.describeConfigs(names.stream()
          .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all(), settings.toString(),
          "describe the topics' configs");
    }
    Map<String, Topic> topics = new TreeMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(settings)) {
      for (String name : names) {
        TopicDescription description = descriptions.get(name);
        Map<String, String> own = new TreeMap<>();
        configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)).entries().stream()
            .filter(e -> e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG && !e.isSensitive())
            .forEach(e -> own.put(e.name(), e.value()));
        topics.put(name, sample(consumer, description, own, records, wait));
      }
    }
    return new ClusterSample(topics);
  }

  private static Topic sample(KafkaConsumer<byte[], byte[]> consumer, TopicDescription description,
      Map<String, String> configs, int limit, Duration wait) {
    List<TopicPartition> partitions = description.partitions().stream()
        .map(p -> new TopicPartition(description.name(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    Set<Integer> valueIds = new TreeSet<>();
    Set<Integer> keyIds = new TreeSet<>();
    List<Integer> otherKeys = new ArrayList<>();
    int read = 0;
    int unframedValues = 0;
    int nullKeys = 0;
    int textKeys = 0;
    long deadline = System.nanoTime() + wait.toNanos();
    while (read < limit && !atEnd(consumer, ends) && System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        if (read++ >= limit) {
          break;
        }
        int valueId = schemaId(record.value());
        if (valueId >= 0) {
          valueIds.add(valueId);
        } else {
          unframedValues++;
        }
        byte[] key = record.key();
        int keyId = schemaId(key);
        if (key == null) {
          nullKeys++;
        } else if (keyId >= 0) {
          keyIds.add(keyId);
        } else if (text(key)) {
          textKeys++;
        } else {
          otherKeys.add(key.length);
        }
      }
    }
    consumer.unsubscribe();
    int replication = description.partitions().isEmpty() ? 0 : description.partitions().get(0).replicas().size();
    return new Topic(description.name(), partitions.size(), replication, configs, Math.min(read, limit), valueIds,
        unframedValues, nullKeys, keyIds, textKeys, otherKeys);
  }

  private static boolean atEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** The schema id of Confluent's framing (magic byte 0, a 4-byte id, then the data), or -1. */
  static int schemaId(byte[] bytes) {
    if (bytes == null || bytes.length < 5 || bytes[0] != 0) {
      return -1;
    }
    return ByteBuffer.wrap(bytes, 1, 4).getInt();
  }

  /** Whether the bytes are UTF-8 text without control characters: what StringSerializer writes for a name or id. */
  static boolean text(byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      return !text.isEmpty() && text.chars().noneMatch(Character::isISOControl);
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(KafkaSettings settings) {
    Map<String, Object> config = new HashMap<>(settings.properties());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "kafka-contracts-import");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
