package io.kafkacontracts.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.compat.catalogue.KeyFormat;
import io.kafkacontracts.compat.catalogue.SubjectNameStrategy;
import io.kafkacontracts.serde.MockSchemaRegistry;
import io.kafkacontracts.serde.TestRecords;
import io.kafkacontracts.serde.Topic;
import io.kafkacontracts.serde.test.v1.Order;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plain catalogue key on the real broker: each record lands on the partition Kafka's
 * StringSerializer and default partitioner give the same key, and a consumer with
 * StringDeserializer reads the key as it was.
 */
@ExtendWith(KafkaBroker.class)
class PlainKeysTest {

  @Test
  void plainKeysLandWhereStringSerializerPutsThemAndReadBackAsStrings() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String ours = "plain.orders." + suffix;
    String kafkas = "plain.reference." + suffix;
    try (Admin admin = KafkaBroker.admin()) {
      admin.createTopics(List.of(new NewTopic(ours, 6, (short) 1), new NewTopic(kafkas, 6, (short) 1)))
          .all().get(30, TimeUnit.SECONDS);
    }
    Topic<String, Order> topic = new Topic<>(ours, String.class, Order.class, Optional.of("id"),
        SubjectNameStrategy.TOPIC_NAME, SubjectNameStrategy.TOPIC_NAME, Optional.empty(), 6, (short) 1,
        Duration.ofDays(1), KeyFormat.PLAIN);
    String scope = "plain-" + suffix;
    Map<String, Object> serdes = Map.of("schema.registry.url", "mock://" + scope, "auto.register.schemas", true);
    Map<String, Object> broker = Map.of("bootstrap.servers", KafkaBroker.bootstrapServers());
    Map<String, Integer> oursPartitions = new HashMap<>();
    Map<String, Integer> kafkasPartitions = new HashMap<>();
    List<String> keys = new ArrayList<>();
    try (KafkaProducer<String, Order> producer = new KafkaProducer<>(broker, topic.keySerde(serdes).serializer(),
        topic.valueSerde(serdes).serializer());
        KafkaProducer<String, String> reference = new KafkaProducer<>(broker, new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < 24; i++) {
        Order order = TestRecords.orderV1(i);
        ProducerRecord<String, Order> record = topic.record(order);
        keys.add(record.key());
        oursPartitions.put(record.key(), producer.send(record).get(30, TimeUnit.SECONDS).partition());
        kafkasPartitions.put(record.key(),
            reference.send(new ProducerRecord<>(kafkas, record.key(), "x")).get(30, TimeUnit.SECONDS).partition());
      }
    } finally {
      MockSchemaRegistry.dropScope(scope);
    }

    assertThat(oursPartitions).isEqualTo(kafkasPartitions);
    assertThat(new java.util.HashSet<>(oursPartitions.values())).as("the keys spread over partitions")
        .hasSizeGreaterThan(1);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(broker, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (int p = 0; p < 6; p++) {
        partitions.add(new TopicPartition(ours, p));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<String> read = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (read.size() < keys.size() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          read.add(record.key());
        }
      }
      assertThat(read).containsExactlyInAnyOrderElementsOf(keys);
    }
  }
}
