package io.kafkacontracts.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.contracts.ExampleValues;
import io.kafkacontracts.events.Topics;
import io.kafkacontracts.events.config.ConfigChangeEvent;
import io.kafkacontracts.registry.ApicurioRegistry;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.serde.AvroDeserializer;
import io.kafkacontracts.serde.AvroSerde;
import io.kafkacontracts.serde.DeadLetters;
import io.kafkacontracts.serde.TestRecords;
import io.kafkacontracts.serde.Topic;
import io.kafkacontracts.serde.test.v1.Order;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The contract jar on a real KRaft broker and a real registry (Apicurio 3.3, or 2.6 where no
 * Java 21 exists), both started by the tests: typed catalogue producers, a consumer group, schema
 * evolution across versions, and a poison record routed to the dead-letter topic.
 */
@ExtendWith({KafkaBroker.class, ApicurioRegistry.class})
@ResourceLock(KafkaBroker.SEED_TOPICS)
class EndToEndTest {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private final Map<String, Object> serdes = Ci.serdeConfig(ApicurioRegistry.url());
  private final SchemaRegistryClient registry = SchemaRegistryClient.builder().baseUrls(ApicurioRegistry.url()).build();

  private static Map<String, Object> clientConfig(Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
    return config;
  }

  private static Map<String, Object> consumerConfig(String group) {
    return clientConfig(Map.of(ConsumerConfig.GROUP_ID_CONFIG, group,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
  }

  @Test
  void typedProducersAndAConsumerGroupOfTwoKeepEveryRecordAndItsKeyOrder() throws Exception {
    List<Topic<?, ?>> topics = List.of(Topics.CONNECTOR_DATA_RAW, Topics.MACHINE_TELEMETRY, Topics.CUSTOMER_USER_EVENTS);
    Ci.createTopics(topics);
    Ci.registerContracts(registry, topics);

    // Two members of one group; each polls in its own thread (consumers are single-threaded).
    Map<String, Object> readerSettings = new HashMap<>(serdes);
    readerSettings.put("specific.avro.reader", true);
    Map<String, List<Object>> consumedByKey = new ConcurrentHashMap<>();
    AtomicInteger consumed = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    List<AtomicInteger> assigned = List.of(new AtomicInteger(), new AtomicInteger());
    ExecutorService members = Executors.newFixedThreadPool(2);
    List<Future<?>> running = new ArrayList<>();
    String group = "it-" + UUID.randomUUID();
    for (AtomicInteger partitions : assigned) {
      running.add(members.submit(() -> {
        // Each topic's keys as its catalogue entry writes them (plain here: Kafka's own serializers).
        Map<String, org.apache.kafka.common.serialization.Deserializer<?>> keyReaders = new HashMap<>();
        topics.forEach(topic -> keyReaders.put(topic.name(), topic.keySerde(readerSettings).deserializer()));
        org.apache.kafka.common.serialization.Deserializer<Object> keys =
            (topic, data) -> keyReaders.get(topic).deserialize(topic, data);
        AvroDeserializer<Object> values = new AvroDeserializer<>();
        values.configure(readerSettings, false);
        try (KafkaConsumer<Object, Object> consumer = new KafkaConsumer<>(consumerConfig(group), keys, values)) {
          consumer.subscribe(topics.stream().map(Topic::name).toList());
          while (!stop.get()) {
            for (ConsumerRecord<Object, Object> record : consumer.poll(Duration.ofMillis(100))) {
              consumedByKey.computeIfAbsent(record.topic() + "/" + record.key(), k -> new CopyOnWriteArrayList<>())
                  .add(record.value());
              consumed.incrementAndGet();
            }
            partitions.set(consumer.assignment().size());
          }
        }
        return null;
      }));
    }
    int totalPartitions = topics.stream().mapToInt(Topic::partitions).sum();
    await(() -> assigned.get(0).get() > 0 && assigned.get(1).get() > 0
        && assigned.get(0).get() + assigned.get(1).get() == totalPartitions, "both members have partitions");

    Map<String, List<Object>> producedByKey = new HashMap<>();
    int produced = produce(Topics.CONNECTOR_DATA_RAW, List.of(11L, 12L, 13L, 14L), producedByKey)
        + produce(Topics.MACHINE_TELEMETRY, List.of("press-1", "press-2", "lathe-9"), producedByKey)
        + produce(Topics.CUSTOMER_USER_EVENTS, List.of(new UUID(1, 1).toString(), new UUID(1, 2).toString()),
            producedByKey);

    await(() -> consumed.get() >= produced, produced + " records consumed");
    stop.set(true);
    for (Future<?> member : running) {
      member.get(30, TimeUnit.SECONDS);
    }
    members.shutdown();
    assertThat(consumed.get()).isEqualTo(produced);
    assertThat(consumedByKey).isEqualTo(producedByKey);
  }

  /** Sends 5 records per key through the topic's own serdes; returns how many were sent. */
  private <K, V> int produce(Topic<K, V> topic, List<K> keys, Map<String, List<Object>> producedByKey)
      throws Exception {
    Serde<K> keySerde = topic.keySerde(serdes);
    Serde<V> valueSerde = topic.valueSerde(serdes);
    ExampleValues examples = Ci.examples(topic);
    int sent = 0;
    try (KafkaProducer<K, V> producer = new KafkaProducer<>(clientConfig(Map.of()), keySerde.serializer(),
        valueSerde.serializer())) {
      for (int round = 0; round < 5; round++) {
        for (K key : keys) {
          V value = Ci.example(topic, examples, key);
          ProducerRecord<K, V> record = topic.record(value);
          assertThat(record.key()).isEqualTo(key);
          producer.send(record).get();
          producedByKey.computeIfAbsent(topic.name() + "/" + key, k -> new ArrayList<>()).add(value);
          sent++;
        }
      }
    }
    return sent;
  }

  @Test
  void consumersOfEitherVersionReadDataOfTheOther() throws Exception {
    String topic = "orders.evolution." + UUID.randomUUID();
    try (var admin = KafkaBroker.admin()) {
      admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1))).all().get();
    }
    // Producers register here (auto.register.schemas defaults to true): v1, then v2 adds a field with a default.
    List<Object> sent = new ArrayList<>();
    try (KafkaProducer<String, Order> v1 = new KafkaProducer<>(clientConfig(Map.of()),
            AvroSerde.of(String.class).serializer(), configured(AvroSerde.of(Order.class)).serializer());
        KafkaProducer<String, io.kafkacontracts.serde.test.v2.Order> v2 = new KafkaProducer<>(clientConfig(Map.of()),
            AvroSerde.of(String.class).serializer(),
            configured(AvroSerde.of(io.kafkacontracts.serde.test.v2.Order.class)).serializer())) {
      for (int i = 0; i < 3; i++) {
        Order order = TestRecords.orderV1(i);
        v1.send(new ProducerRecord<>(topic, order)).get();
        sent.add(order);
      }
      for (int i = 3; i < 6; i++) {
        io.kafkacontracts.serde.test.v2.Order order = TestRecords.orderV2(i, "app");
        v2.send(new ProducerRecord<>(topic, order)).get();
        sent.add(order);
      }
    }
    assertThat(registry.versions(topic + "-value")).containsExactly(1, 2);

    List<Order> readByV1 = consumeAll(topic, Order.class, 6);
    List<io.kafkacontracts.serde.test.v2.Order> readByV2 = consumeAll(topic, io.kafkacontracts.serde.test.v2.Order.class, 6);

    assertThat(readByV1.subList(0, 3)).isEqualTo(sent.subList(0, 3));
    assertThat(readByV1.get(4).getId()).isEqualTo(TestRecords.orderV2(4, "app").getId());
    assertThat(readByV2.subList(0, 3)).extracting(io.kafkacontracts.serde.test.v2.Order::getChannel)
        .containsOnly("web");
    assertThat(readByV2.subList(3, 6)).isEqualTo(sent.subList(3, 6));
  }

  private <T> Serde<T> configured(Serde<T> serde) {
    serde.configure(serdes, false);
    return serde;
  }

  private <T> List<T> consumeAll(String topic, Class<T> type, int count) throws InterruptedException {
    AvroDeserializer<T> values = AvroDeserializer.forType(type);
    values.configure(serdes, false);
    List<T> read = new ArrayList<>();
    try (KafkaConsumer<byte[], T> consumer = new KafkaConsumer<>(consumerConfig("it-" + UUID.randomUUID()),
        new ByteArrayDeserializer(), values)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (read.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> read.add(record.value()));
      }
    }
    assertThat(read).hasSize(count);
    return read;
  }

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicAndTheRecordsAfterItAreRead() throws Exception {
    Topic<Long, ConfigChangeEvent> topic = Topics.CONFIG_CHANGES;
    Ci.createTopics(List.of(topic));
    Ci.registerContracts(registry, List.of(topic));
    ExampleValues examples = Ci.examples(topic);
    ConfigChangeEvent before = Ci.example(topic, examples, 7L);
    ConfigChangeEvent after = Ci.example(topic, examples, 7L);
    int id = registry.latestVersion(topic.valueSubject()).id();
    // The right header, then a string length of -2^31 where the record's first field begins.
    byte[] poison = {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id,
        (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
    try (KafkaProducer<Long, ConfigChangeEvent> typed = new KafkaProducer<>(clientConfig(Map.of()),
            topic.keySerde(serdes).serializer(), topic.valueSerde(serdes).serializer());
        KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(clientConfig(Map.of()), new ByteArraySerializer(),
            new ByteArraySerializer())) {
      // The poison lands between the two records, in their partition.
      int partition = typed.send(topic.record(before)).get().partition();
      raw.send(new ProducerRecord<>(topic.name(), partition, null, poison)).get();
      typed.send(topic.record(after)).get();
    }

    List<ConfigChangeEvent> read = new ArrayList<>();
    List<RecordDeserializationException> poisoned = new ArrayList<>();
    Serde<ConfigChangeEvent> values = topic.valueSerde(serdes);
    try (KafkaConsumer<Long, ConfigChangeEvent> consumer = new KafkaConsumer<>(consumerConfig("it-" + UUID.randomUUID()),
            topic.keySerde(serdes).deserializer(), values.deserializer());
        KafkaProducer<byte[], byte[]> deadLetters = new KafkaProducer<>(clientConfig(Map.of()),
            new ByteArraySerializer(), new ByteArraySerializer())) {
      consumer.subscribe(List.of(topic.name()));
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (read.size() < 2 && System.nanoTime() < deadline) {
        try {
          consumer.poll(Duration.ofMillis(200)).forEach(record -> read.add(record.value()));
        } catch (RecordDeserializationException failure) {
          poisoned.add(failure);
          deadLetters.send(DeadLetters.recordFor(topic, failure)).get();
          DeadLetters.skip(consumer, failure);
        }
      }
    }

    assertThat(read).containsExactly(before, after);
    assertThat(poisoned).singleElement().satisfies(failure -> {
      assertThat(failure.offset()).isEqualTo(1);
      assertThat(failure.getCause()).hasMessage("Cannot deserialize a record of topic 'config.changes' with schema id "
          + id + ": malformed Avro data: AvroRuntimeException negative string length -2147483648");
    });
    ConsumerRecord<byte[], byte[]> dead = readOne(topic.deadLetterTopic().orElseThrow());
    assertThat(dead.value()).isEqualTo(poison);
    assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo("config.changes");
    assertThat(header(dead, DeadLetters.SOURCE_OFFSET)).isEqualTo("1");
    assertThat(header(dead, DeadLetters.ERROR)).startsWith("Cannot deserialize a record of topic 'config.changes'");
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static ConsumerRecord<byte[], byte[]> readOne(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig("it-" + UUID.randomUUID()),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          return record;
        }
      }
    }
    throw new AssertionError("nothing arrived on " + topic);
  }

  private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(50);
    }
  }
}
