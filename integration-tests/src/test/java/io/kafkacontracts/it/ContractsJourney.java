package io.kafkacontracts.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.registry.ApicurioRegistry;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.serde.AvroDeserializer;
import io.kafkacontracts.serde.AvroSerializer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The everyday CI journey of a team's own contracts repository ({@link TeamRepository}), over
 * many versions, run by the real {@code ci/scripts} commit by commit against a real registry (one
 * subclass per Apicurio distribution), a real KRaft broker and a file Maven repository:
 * <ol>
 *   <li>version 1, the repository's first commit, on {@code main}: the pull request has nothing to
 *       compare; publish registers it and deploys release 1.0.1;
 *   <li>an optional field on a branch: the pull request passes; merged, publish registers version 2,
 *       exits 0, deploys 1.0.2, and a rerun registers nothing; consumers built on each jar read the
 *       other's records through the broker;
 *   <li>a required field: the pull request fails with the annotation at its line; merged by force,
 *       publish refuses before writing anything;
 *   <li>the same break accepted, with the level relaxed in the same commit: the relaxation fails
 *       until it too is accepted;
 *   <li>a third compatible version at BACKWARD_TRANSITIVE: registered, the level change printed and
 *       held, a rerun changing nothing.
 * </ol>
 * The registry's versions, ids and levels are asserted after every step. Journeys run beside the
 * other test classes: each has its own subjects, topic, repository and local Maven repository.
 */
@Execution(ExecutionMode.CONCURRENT)
abstract class ContractsJourney {

  private static final String QTY_WITHOUT_DEFAULT =
      ",\n    {\"name\": \"qty\", \"type\": \"int\", \"doc\": \"How many.\"}";
  private static final String NOTE = ",\n    {\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null, "
      + "\"doc\": \"A note, if any.\"}";
  private static final String CHANNEL = ",\n    {\"name\": \"channel\", \"type\": [\"null\", \"string\"], "
      + "\"default\": null, \"doc\": \"Where it was placed.\"}";

  @TempDir
  Path work;

  /** The registry this journey runs against. */
  abstract ApicurioRegistry.Distribution distribution();

  @Test
  void evolveGateRegisterPublishAndEvolveAgain() throws Exception {
    String registryUrl = ApicurioRegistry.url(distribution());
    String topic = "journey." + distribution().name().toLowerCase(java.util.Locale.ROOT) + ".orders";
    String value = topic + "-value";
    Path published = work.resolve("published");
    // The plugin and serdes from a repository, as a team's CI has them; a local repository of the journey's own.
    Path settings = Files.writeString(work.resolve("settings.xml"), PublishedArtifacts.settings());
    TeamRepository team = TeamRepository.create(work.resolve("myteam-contracts"), topic,
        "-s " + settings + " -Dmaven.repo.local=" + work.resolve("local-repository"));
    Map<String, String> publishing = Map.of("CONTRACTS_REGISTRY_URL", registryUrl,
        "MAVEN_REPOSITORY_URL", published.toUri().toString(), "MAVEN_REPOSITORY_ID", "published");
    try (SchemaRegistryClient registry = SchemaRegistryClient.builder().baseUrls(registryUrl)
        .cache(0, Duration.ofSeconds(1), Duration.ofSeconds(1)).build()) {  // no cache: every read asks the registry

      // 1. Version 1 on main.
      team.commit("orders, version 1");
      RepositoryCopy.Outcome firstReview = team.script("pull-request.sh", Map.of());
      assertThat(firstReview.exitCode()).as(firstReview.output()).isZero();
      assertThat(firstReview.output()).contains("git: first version of the contracts, nothing to compare");
      // publish.sh gates against the registry it registers in: the source of truth on main.
      String first = publish(team, publishing, "1");
      assertThat(first).contains("(baseline: registry " + registryUrl + ")",
          value + ": new version 1; level (none) -> BACKWARD\n", "== version 1.0.1");
      assertThat(registry.versions(value)).containsExactly(1);
      assertThat(registry.subjectCompatibility(value, false)).contains("BACKWARD");
      int firstId = registry.latestVersion(value).id();

      // 2. An optional field, through a pull request; merged, its version 2 registers and the run exits 0.
      team.git("checkout", "-q", "-b", "add-a-note");
      team.order(NOTE);
      team.commit("orders: an optional note");
      RepositoryCopy.Outcome review = team.script("pull-request.sh", Map.of("GITHUB_ACTIONS", "true"));
      assertThat(review.exitCode()).as(review.output()).isZero();
      assertThat(review.output()).contains("kafka-contracts: 0 violations").doesNotContain("::error");
      merge(team, "add-a-note");
      String second = publish(team, publishing, "2");
      assertThat(second).contains(value + ": new version 2\n", "kafka-contracts: 1 new versions, 1 unchanged, 0 refused")
          .containsPattern(value + ": new version 2 \\(id [0-9]+\\)\n");
      assertThat(registry.versions(value)).containsExactly(1, 2);
      int secondId = registry.latestVersion(value).id();
      assertThat(secondId).isNotEqualTo(firstId);
      String rerun = publish(team, publishing, "2");
      assertThat(rerun).contains(value + ": unchanged, version 2 (id " + secondId + ")",
          "kafka-contracts: 0 new versions, 2 unchanged, 0 refused, 0 levels changed");
      assertThat(registry.versions(value)).containsExactly(1, 2);
      Path jar1 = published.resolve("com/example/myteam/contracts/1.0.1/contracts-1.0.1.jar");
      Path jar2 = published.resolve("com/example/myteam/contracts/1.0.2/contracts-1.0.2.jar");
      assertThat(jar1).isRegularFile();
      assertThat(jar2).isRegularFile();
      consumersOfEachReleaseReadTheOther(registryUrl, topic, jar1, jar2);

      // 3. A required field: the pull request fails at its line; merged by force, publish writes nothing.
      team.git("checkout", "-q", "-b", "add-a-quantity");
      team.order(NOTE + QTY_WITHOUT_DEFAULT);
      String breaking = team.commit("orders: a required quantity");
      review = team.script("pull-request.sh", Map.of("GITHUB_ACTIONS", "true"));
      assertThat(review.exitCode()).as(review.output()).isNotZero();
      assertThat(review.output()).contains("\n::error file=schemas/avro/Order.avsc,line=10,col=5,"
          + "title=FIELD_ADDED_WITHOUT_DEFAULT in " + value + "::field 'qty' of record 'com.example.myteam.Order' has no "
          + "default");
      merge(team, "add-a-quantity");
      RepositoryCopy.Outcome forced = team.script("publish.sh", with(publishing, "3"));
      assertThat(forced.exitCode()).as(forced.output()).isNotZero();
      assertThat(forced.output()).contains(": FIELD_ADDED_WITHOUT_DEFAULT\n", "breaks " + value + " at /fields/qty [")
          .doesNotContain("== registration");
      assertThat(registry.versions(value)).containsExactly(1, 2);
      assertThat(registry.latestVersion(value).id()).isEqualTo(secondId);
      team.git("reset", "-q", "--hard", "HEAD~1");
      assertThat(team.git("rev-parse", "HEAD").strip()).isNotEqualTo(breaking);

      // 4. The same break accepted, and the level relaxed in the same commit: the relaxation fails until accepted.
      team.git("checkout", "-q", "-b", "relax");
      team.order(NOTE + QTY_WITHOUT_DEFAULT);
      team.catalogueLevel("BACKWARD", "NONE");
      String acceptTheBreak = """
          accepted:
            - subject: %s
              rule: FIELD_ADDED_WITHOUT_DEFAULT
              path: /fields/qty
              reason: no consumer reads orders yet (TEAM-1)
              untilVersion: 3
          """.formatted(value);
      team.write("schemas/accepted-breaks.yaml", acceptTheBreak);
      team.commit("orders: quantity required, level NONE");
      review = team.script("pull-request.sh", Map.of());
      assertThat(review.exitCode()).as(review.output()).isNotZero();
      assertThat(review.output()).contains("kafka-contracts: 1 violation from 1 cause in 1 of 1 subjects",
          "schemas/contracts.yaml:6:20: LEVEL_RELAXED\n", "breaks " + value + " at /compatibility [BACKWARD, backward against ",
          "accepted: " + value + " FIELD_ADDED_WITHOUT_DEFAULT at /fields/qty");
      team.write("schemas/accepted-breaks.yaml", acceptTheBreak + """
            - subject: %s
              rule: LEVEL_RELAXED
              path: /compatibility
              reason: orders is retired next quarter; agreed with its consumers (TEAM-2)
              untilVersion: 3
          """.formatted(value));
      team.commit("accept the relaxation");
      review = team.script("pull-request.sh", Map.of());
      assertThat(review.exitCode()).as(review.output()).isZero();
      assertThat(review.output()).contains("kafka-contracts: 0 violations",
          "accepted: " + value + " LEVEL_RELAXED at /compatibility");
      team.git("checkout", "-q", "main");
      team.git("branch", "-q", "-D", "relax");

      // 5. A third compatible version at a stricter level: registered, the level change printed and held.
      team.order(NOTE + CHANNEL);
      team.catalogueLevel("BACKWARD", "BACKWARD_TRANSITIVE");
      team.commit("orders: a channel, and every version checked");
      String third = publish(team, publishing, "4");
      assertThat(third).contains(
          "note: " + value + ": level BACKWARD -> BACKWARD_TRANSITIVE, stricter: the candidate was checked against "
              + "versions 1, 2 at BACKWARD_TRANSITIVE",
          value + ": new version 3; level BACKWARD -> BACKWARD_TRANSITIVE\n",
          "kafka-contracts: 1 new versions, 1 unchanged, 0 refused, 2 levels changed")
          .containsPattern(value + ": new version 3 \\(id [0-9]+\\); level BACKWARD -> BACKWARD_TRANSITIVE\n");
      assertThat(registry.versions(value)).containsExactly(1, 2, 3);
      assertThat(registry.subjectCompatibility(value, false)).contains("BACKWARD_TRANSITIVE");
      assertThat(registry.subjectCompatibility(topic + "-key", false)).contains("BACKWARD_TRANSITIVE");
      String again = publish(team, publishing, "4");
      assertThat(again).contains("kafka-contracts: 0 new versions, 2 unchanged, 0 refused, 0 levels changed");
      assertThat(registry.versions(value)).containsExactly(1, 2, 3);
      assertThat(published.resolve("com/example/myteam/contracts/1.0.4/contracts-1.0.4.jar")).isRegularFile();
    }
  }

  private static String publish(TeamRepository team, Map<String, String> publishing, String build) throws Exception {
    RepositoryCopy.Outcome outcome = team.script("publish.sh", with(publishing, build));
    assertThat(outcome.exitCode()).as(outcome.output()).isZero();
    return outcome.output();
  }

  private static Map<String, String> with(Map<String, String> publishing, String build) {
    Map<String, String> environment = new HashMap<>(publishing);
    environment.put("GITHUB_RUN_NUMBER", build);
    return environment;
  }

  private static void merge(TeamRepository team, String branch) throws Exception {
    team.git("checkout", "-q", "main");
    team.git("merge", "-q", "--ff-only", branch);
  }

  /**
   * A record of release 1.0.2 read by a consumer built on 1.0.1, and one of 1.0.1 read by a consumer
   * built on 1.0.2, through the broker: each jar in a class loader of its own, as in two services.
   */
  private static void consumersOfEachReleaseReadTheOther(String registryUrl, String topic, Path jar1, Path jar2)
      throws Exception {
    try (Admin admin = KafkaBroker.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    try (URLClassLoader v1 = new URLClassLoader(new URL[] {jar1.toUri().toURL()}, ContractsJourney.class.getClassLoader());
        URLClassLoader v2 = new URLClassLoader(new URL[] {jar2.toUri().toURL()}, ContractsJourney.class.getClassLoader())) {
      Class<?> order1 = v1.loadClass("com.example.myteam.Order");
      Class<?> order2 = v2.loadClass("com.example.myteam.Order");
      assertThat(order1).isNotEqualTo(order2);

      produce(registryUrl, topic, order(order2, "written-by-1.0.2", Map.of("note", "hello")));
      SpecificRecord read1 = consumeUntil(registryUrl, topic, order1, "written-by-1.0.2");
      assertThat(read1.getClass()).isEqualTo(order1);
      assertThat(read1.getSchema().getField("note")).isNull();
      assertThat(read1.get(read1.getSchema().getField("amount").pos())).isEqualTo(1234L);

      produce(registryUrl, topic, order(order1, "written-by-1.0.1", Map.of()));
      SpecificRecord read2 = consumeUntil(registryUrl, topic, order2, "written-by-1.0.1");
      assertThat(read2.getClass()).isEqualTo(order2);
      assertThat(read2.get(read2.getSchema().getField("note").pos())).isNull(); // the default
    }
  }

  private static SpecificRecord order(Class<?> type, String id, Map<String, Object> more) throws Exception {
    Schema schema = (Schema) type.getField("SCHEMA$").get(null);
    SpecificRecord record = (SpecificRecord) new SpecificData(type.getClassLoader()).newRecord(null, schema);
    record.put(schema.getField("id").pos(), id);
    record.put(schema.getField("amount").pos(), 1234L);
    more.forEach((field, fieldValue) -> record.put(schema.getField(field).pos(), fieldValue));
    return record;
  }

  private static void produce(String registryUrl, String topic, SpecificRecord order) throws Exception {
    AvroSerializer<Object> values = new AvroSerializer<>();
    // As the catalogue's serdes do: CI registered the contracts, producers only look them up.
    values.configure(Map.of("schema.registry.url", registryUrl, "auto.register.schemas", false), false);
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()), new StringSerializer(), values)) {
      producer.send(new ProducerRecord<>(topic, "key", order)).get(30, TimeUnit.SECONDS);
    }
  }

  private static SpecificRecord consumeUntil(String registryUrl, String topic, Class<?> type, String id) {
    @SuppressWarnings("unchecked")
    AvroDeserializer<Object> values = AvroDeserializer.forType((Class<Object>) type);
    values.configure(Map.of("schema.registry.url", registryUrl), false);
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "journey-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
          SpecificRecord order = (SpecificRecord) record.value();
          if (id.equals(order.get(order.getSchema().getField("id").pos()))) {
            return order;
          }
        }
      }
    }
    throw new AssertionError("no record '" + id + "' on " + topic + " within 60 s");
  }
}
