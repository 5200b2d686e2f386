package io.kafkacontracts.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.events.Topics;
import io.kafkacontracts.events.machine.MachineEventType;
import io.kafkacontracts.events.machine.MachinePinotMessage;
import io.kafkacontracts.registry.ApicurioRegistry;
import io.kafkacontracts.serde.MockSchemaRegistry;
import io.kafkacontracts.serde.SpecificAvroSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka Streams with the catalogue's serdes: machine telemetry counted per event type, an
 * aggregation whose re-keying goes through a repartition topic (the key serde and the value serde
 * both exercised on internal topics). The value serde of the repartition is the one Streams builds
 * from config ({@code default.value.serde} = our {@code SpecificAvroSerde}). The logic runs on
 * {@code TopologyTestDriver} with {@code mock://}, and once on the real KRaft broker with the real
 * registry.
 */
@ExtendWith({KafkaBroker.class, ApicurioRegistry.class})
class StreamsTest {

  @TempDir
  Path state;

  /** Counts each event type's records; re-keys by type, so Streams repartitions. */
  static Topology countsByEventType(String input, String output, Map<String, Object> serdes) {
    Serde<String> keys = Topics.MACHINE_TELEMETRY.keySerde(serdes);
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(keys, Topics.MACHINE_TELEMETRY.valueSerde(serdes)))
        // null: the value serde Streams builds from default.value.serde
        .groupBy((machine, message) -> message.getEventType().name(), Grouped.with("by-type", keys, null))
        .count(Materialized.with(keys, Serdes.Long()))
        .toStream()
        .to(output, Produced.with(keys, Serdes.Long()));
    return builder.build();
  }

  private Properties streamsConfig(String application, Map<String, Object> serdes) {
    Properties properties = new Properties();
    properties.putAll(serdes);
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, application);
    properties.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    properties.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, SpecificAvroSerde.class.getName());
    properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    return properties;
  }

  private static List<MachinePinotMessage> telemetry() {
    MachineEventType[] types = {MachineEventType.ALERT, MachineEventType.HEARTBEAT, MachineEventType.ALERT,
        MachineEventType.STATE_CHANGE, MachineEventType.ALERT, MachineEventType.HEARTBEAT};
    List<MachinePinotMessage> messages = new java.util.ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      messages.add(MachinePinotMessage.newBuilder().setMachineId("press-" + (i % 3))
          .setTimestamp(Instant.ofEpochMilli(1_764_000_000_000L + i)).setEventType(types[i])
          .setPayload(Map.of("celsius", 60.0 + i)).build());
    }
    return messages;
  }

  private static final Map<String, Long> EXPECTED = Map.of("ALERT", 3L, "HEARTBEAT", 2L, "STATE_CHANGE", 1L);

  @Test
  void theTopologyCountsWithTheCatalogueSerdesOnTheTestDriver() {
    String scope = "streams-" + UUID.randomUUID();
    Map<String, Object> serdes = Map.of("schema.registry.url", "mock://" + scope, "auto.register.schemas", true);
    Serde<String> keys = Topics.MACHINE_TELEMETRY.keySerde(serdes);
    try (TopologyTestDriver driver = new TopologyTestDriver(
        countsByEventType("telemetry", "counts", serdes), streamsConfig("counts-driver", serdes))) {
      TestInputTopic<String, MachinePinotMessage> input = driver.createInputTopic("telemetry",
          keys.serializer(), Topics.MACHINE_TELEMETRY.valueSerde(serdes).serializer());
      TestOutputTopic<String, Long> output = driver.createOutputTopic("counts", keys.deserializer(),
          new LongDeserializer());

      telemetry().forEach(message -> input.pipeInput(Topics.MACHINE_TELEMETRY.keyOf(message), message));

      assertThat(output.readKeyValuesToMap()).isEqualTo(EXPECTED);
      // The repartition topic's value went through the serde built from config, registered like any
      // other; its key is plain (the catalogue's key serde for a string key), so it has no subject.
      assertThat(MockSchemaRegistry.forScope(scope).subjects(false, java.util.Optional.empty()))
          .contains("counts-driver-by-type-repartition-value")
          .doesNotContain("counts-driver-by-type-repartition-key");
    } finally {
      MockSchemaRegistry.dropScope(scope);
    }
  }

  @Test
  void theTopologyCountsOnTheRealBrokerThroughARepartitionTopic() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String input = "streams.telemetry." + suffix;
    String output = "streams.counts." + suffix;
    try (Admin admin = KafkaBroker.admin()) {
      admin.createTopics(List.of(new NewTopic(input, 2, (short) 1), new NewTopic(output, 1, (short) 1)))
          .all().get(30, TimeUnit.SECONDS);
    }
    Map<String, Object> serdes = new HashMap<>(Ci.serdeConfig(ApicurioRegistry.url()));
    serdes.put("auto.register.schemas", true);
    Serde<String> keys = Topics.MACHINE_TELEMETRY.keySerde(serdes);
    Properties config = streamsConfig("counts-" + suffix, serdes);
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
    Map<String, Object> broker = Map.of("bootstrap.servers", KafkaBroker.bootstrapServers());

    try (KafkaStreams streams = new KafkaStreams(countsByEventType(input, output, serdes), config)) {
      streams.start();
      try (KafkaProducer<String, MachinePinotMessage> producer = new KafkaProducer<>(broker, keys.serializer(),
          Topics.MACHINE_TELEMETRY.valueSerde(serdes).serializer())) {
        for (MachinePinotMessage message : telemetry()) {
          producer.send(new ProducerRecord<>(input, Topics.MACHINE_TELEMETRY.keyOf(message), message));
        }
      }
      Map<String, Object> consumerConfig = new HashMap<>(broker);
      consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "counts-reader-" + suffix);
      consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      Map<String, Long> counts = new HashMap<>();
      try (KafkaConsumer<String, Long> consumer = new KafkaConsumer<>(consumerConfig, keys.deserializer(),
          new LongDeserializer())) {
        consumer.subscribe(List.of(output));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!counts.equals(EXPECTED) && System.nanoTime() < deadline) {
          for (ConsumerRecord<String, Long> record : consumer.poll(Duration.ofMillis(500))) {
            counts.put(record.key(), record.value());
          }
        }
      }
      assertThat(counts).isEqualTo(EXPECTED);
    }
  }
}
