package io.kafkacontracts.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The contract jar as a consumer gets it: a separate consumer project, with an empty local
 * repository, resolves {@code contracts} from a repository holding this build's artifacts
 * ({@link PublishedArtifacts}; that {@code mvn deploy} publishes them is CiScriptsTest's), sends a
 * record through the real broker and reads it back with the {@code Topics} serdes (on
 * {@code mock://}), once per Kafka client and Avro line the contract jar supports: the application
 * brings its own {@code kafka-clients}, and may pin Avro 1.11 (the jar's classes, generated for 1.12,
 * run on it). Runs beside the other test classes: its topics and folders are its own.
 */
@ExtendWith(KafkaBroker.class)
@Execution(ExecutionMode.CONCURRENT)
class PublishTest {

  /**
   * The Kafka clients and Avro runtimes the consumer project is built with: each Avro line the jar
   * supports (1.11 as Spark 3.5, Flink and Confluent 7.x clients pin it; ours, 1.12) with a 3.x client
   * (the oldest supported and the last) and with ours, 4.x.
   */
  record Runtime(String clients, String avro) {}

  static final List<Runtime> RUNTIMES = List.of(
      new Runtime("3.7.2", System.getProperty("contracts.avro.legacy.version")),
      new Runtime("3.9.1", System.getProperty("contracts.avro.version")),
      new Runtime(System.getProperty("contracts.kafka.version"), System.getProperty("contracts.avro.legacy.version")),
      new Runtime(System.getProperty("contracts.kafka.version"), System.getProperty("contracts.avro.version")));

  @TempDir
  Path work;

  @Test
  void theContractJarServesAConsumerProjectOnEachSupportedKafkaClient() throws Exception {
    Path published = PublishedArtifacts.repository();
    Path outerRepository = RepositoryCopy.outerRepository();

    assertThat(published.resolve("io/kafkacontracts/contracts/0.1.0-SNAPSHOT")).isDirectory();
    assertThat(published.resolve("io/kafkacontracts/contracts-maven-plugin/0.1.0-SNAPSHOT")).isDirectory();
    assertThat(published.resolve("io/kafkacontracts/integration-tests")).doesNotExist();

    Path consumer = work.resolve("consumer");
    writeConsumer(consumer);
    Path consumerRepository = work.resolve("consumer-local-repository");
    Path settings = work.resolve("settings.xml");
    Files.writeString(settings, RepositoryCopy.settings(published, outerRepository));

    try (Admin admin = KafkaBroker.admin()) {
      for (Runtime runtime : RUNTIMES) {
        String topic = "published.telemetry." + (runtime.clients() + "_" + runtime.avro()).replace('.', '_');
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        String consumerLog = maven(consumer, List.of("-s", settings.toString(),
            "-Dmaven.repo.local=" + consumerRepository, "-Dkafka.clients.version=" + runtime.clients(),
            "-Davro.version=" + runtime.avro(), "-Dbootstrap.servers=" + KafkaBroker.bootstrapServers(),
            "-Dtopic=" + topic, "test"));

        assertThat(consumerLog).as(runtime.toString())
            .contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0", "BUILD SUCCESS");
      }
    }
    // The jar came from the published repository: Maven records where each file came from.
    assertThat(consumerRepository.resolve("io/kafkacontracts/contracts/0.1.0-SNAPSHOT/_remote.repositories"))
        .content().contains("contracts-0.1.0-SNAPSHOT.jar>published=");
  }

  private static void writeConsumer(Path project) throws IOException {
    Path test = project.resolve("src/test/java/com/example/ConsumerTest.java");
    Files.createDirectories(test.getParent());
    Files.writeString(project.resolve("pom.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>consumer</artifactId>
          <version>1.0</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencies>
            <dependency>
              <groupId>io.kafkacontracts</groupId>
              <artifactId>contracts</artifactId>
              <version>0.1.0-SNAPSHOT</version>
            </dependency>
            <dependency>
              <groupId>org.apache.kafka</groupId>
              <artifactId>kafka-clients</artifactId>
              <version>${kafka.clients.version}</version>
            </dependency>
            <!-- The Avro the application's classpath pins (Spark 3.5 and Flink pin 1.11), over the jar's. -->
            <dependency>
              <groupId>org.apache.avro</groupId>
              <artifactId>avro</artifactId>
              <version>${avro.version}</version>
            </dependency>
            <dependency>
              <groupId>org.junit.jupiter</groupId>
              <artifactId>junit-jupiter</artifactId>
              <version>5.14.1</version>
              <scope>test</scope>
            </dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
              <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
              <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
            </plugins>
          </build>
        </project>
        """);
    Files.writeString(test, """
        package com.example;

        import static org.junit.jupiter.api.Assertions.assertEquals;

        import io.kafkacontracts.events.Topics;
        import io.kafkacontracts.events.machine.MachineEventType;
        import io.kafkacontracts.events.machine.MachinePinotMessage;
        import java.time.Duration;
        import java.time.Instant;
        import java.util.List;
        import java.util.Map;
        import java.util.concurrent.TimeUnit;
        import org.apache.kafka.clients.consumer.ConsumerRecords;
        import org.apache.kafka.clients.consumer.KafkaConsumer;
        import org.apache.kafka.clients.producer.KafkaProducer;
        import org.apache.kafka.clients.producer.ProducerRecord;
        import org.apache.kafka.common.TopicPartition;
        import org.apache.kafka.common.serialization.Serde;
        import org.apache.kafka.common.utils.AppInfoParser;
        import org.junit.jupiter.api.Test;

        class ConsumerTest {
          @Test
          void aRecordGoesThroughTheBrokerWithTheCatalogueSerdes() throws Exception {
            assertEquals(System.getProperty("kafka.clients.version"), AppInfoParser.getVersion());
            assertEquals(System.getProperty("avro.version"),
                org.apache.avro.Schema.class.getPackage().getImplementationVersion());
            String topic = System.getProperty("topic");
            Map<String, Object> config = Map.of("schema.registry.url", "mock://consumer", "auto.register.schemas", true);
            Serde<String> keys = Topics.MACHINE_TELEMETRY.keySerde(config);
            Serde<MachinePinotMessage> values = Topics.MACHINE_TELEMETRY.valueSerde(config);
            MachinePinotMessage message = MachinePinotMessage.newBuilder()
                .setMachineId("press-7").setTimestamp(Instant.ofEpochMilli(1_763_900_000_000L))
                .setEventType(MachineEventType.values()[0]).setPayload(Map.of("celsius", 71.5)).build();
            Map<String, Object> broker = Map.of("bootstrap.servers", System.getProperty("bootstrap.servers"));

            try (KafkaProducer<String, MachinePinotMessage> producer =
                new KafkaProducer<>(broker, keys.serializer(), values.serializer())) {
              producer.send(new ProducerRecord<>(topic, Topics.MACHINE_TELEMETRY.keyOf(message), message))
                  .get(30, TimeUnit.SECONDS);
            }
            try (KafkaConsumer<String, MachinePinotMessage> consumer =
                new KafkaConsumer<>(broker, keys.deserializer(), values.deserializer())) {
              TopicPartition partition = new TopicPartition(topic, 0);
              consumer.assign(List.of(partition));
              consumer.seekToBeginning(List.of(partition));
              ConsumerRecords<String, MachinePinotMessage> records = ConsumerRecords.empty();
              for (long deadline = System.nanoTime() + 30_000_000_000L; records.isEmpty() && System.nanoTime() < deadline; ) {
                records = consumer.poll(Duration.ofMillis(500));
              }
              assertEquals(1, records.count());
              assertEquals("press-7", records.iterator().next().key());
              assertEquals(message, records.iterator().next().value());
            }
          }
        }
        """);
  }

  private String maven(Path project, List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(RepositoryCopy.mvn(), "-B", "-f", project.resolve("pom.xml").toString()));
    command.addAll(arguments);
    return RepositoryCopy.run(project, Map.of(), command);
  }
}
