package io.kafkacontracts.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.operations.DesiredTopic;
import io.kafkacontracts.operations.TopicAction;
import io.kafkacontracts.operations.TopicPlan;
import io.kafkacontracts.operations.TopicsApply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue's topics planned and applied on the real KRaft broker (one node, so replication
 * is overridden to 1 as contracts.topics.replication does for a development cluster): every seed
 * topic and dead-letter topic created with its partitions and configs, a rerun changing nothing,
 * edits planned and applied, each refusal, drift, and a topic the cluster rejects. Each test uses
 * topic names of its own on the shared broker.
 */
@ExtendWith(KafkaBroker.class)
class TopicsTest {

  @TempDir
  Path work;

  private static List<DesiredTopic> seedTopics(String prefix) throws IOException {
    ContractsDirectory seeds = ContractsDirectory.load(Path.of("").toAbsolutePath().getParent().resolve("schemas"),
        p -> p);
    assertThat(seeds.hasProblems()).isFalse();
    return DesiredTopic.of(seeds.catalogue()).stream().map(t -> renamed(t, prefix + t.name()).withReplication(1))
        .toList();
  }

  private static DesiredTopic renamed(DesiredTopic topic, String name) {
    return new DesiredTopic(name, topic.partitions(), topic.replication(), topic.configs(), topic.keyed(),
        topic.allowPartitionIncrease(), topic.source());
  }

  /** A one-topic catalogue (and its dead-letter topic) from contracts.yaml text, replication 1. */
  private List<DesiredTopic> catalogue(String topicEntry) throws IOException {
    Path dir = work.resolve("contracts-" + System.nanoTime());
    Files.createDirectories(dir.resolve("avro"));
    Files.writeString(dir.resolve("avro/Order.avsc"), """
        {"type": "record", "name": "Order", "namespace": "com.example", "doc": "An order.",
         "fields": [{"name": "id", "type": "string", "doc": "Its id."}]}
        """);
    Files.writeString(dir.resolve("contracts.yaml"), "topics:\n" + topicEntry);
    ContractsDirectory contracts = ContractsDirectory.load(dir, p -> p);
    assertThat(contracts.problems()).isEmpty();
    return DesiredTopic.of(contracts.catalogue()).stream().map(t -> t.withReplication(1)).toList();
  }

  private static TopicPlan plan(Admin admin, List<DesiredTopic> topics) throws IOException {
    return TopicPlan.of(admin, KafkaBroker.bootstrapServers(), topics);
  }

  private static Map<String, String> configs(Admin admin, String topic, String... keys) throws Exception {
    Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic))).all()
        .get(30, TimeUnit.SECONDS).values().iterator().next();
    Map<String, String> values = new java.util.TreeMap<>();
    for (String key : keys) {
      values.put(key, config.get(key).value());
    }
    return values;
  }

  private static TopicDescription describe(Admin admin, String topic) throws Exception {
    return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
  }

  @Test
  void everySeedTopicAndDeadLetterTopicIsCreatedAsTheCatalogueSaysAndARerunChangesNothing() throws Exception {
    List<DesiredTopic> seeds = seedTopics("seeds.");
    try (Admin admin = KafkaBroker.admin()) {
      TopicPlan plan = plan(admin, seeds);
      assertThat(plan.actions()).hasSize(seeds.size()).allMatch(TopicAction.Create.class::isInstance);
      assertThat(plan.summary()).startsWith("31 to create, 0 partition increases, 0 config changes, 0 refused");

      TopicsApply.Outcome outcome = TopicsApply.apply(admin, plan);

      assertThat(outcome.failed()).isEmpty();
      assertThat(outcome.applied()).hasSize(31);
      for (DesiredTopic topic : seeds) {
        assertThat(describe(admin, topic.name()).partitions()).as(topic.name()).hasSize(topic.partitions());
        String[] keys = topic.configs().keySet().toArray(String[]::new);
        assertThat(configs(admin, topic.name(), keys)).as(topic.name()).isEqualTo(new java.util.TreeMap<>(topic.configs()));
      }
      assertThat(configs(admin, "seeds.connector.data.raw.dlq", "retention.ms")).containsEntry("retention.ms",
          Long.toString(java.time.Duration.ofDays(14).toMillis()));
      assertThat(configs(admin, "seeds.tda_results", "compression.type", "cleanup.policy"))
          .containsEntry("compression.type", "lz4").containsEntry("cleanup.policy", "delete");

      TopicPlan rerun = plan(admin, seeds);
      assertThat(rerun.changes()).isFalse();
      assertThat(rerun.actions()).allMatch(TopicAction.Unchanged.class::isInstance);
    }
  }

  @Test
  void anEditedEntryIsPlannedAndAppliedAndTheNextRunIsClean() throws Exception {
    try (Admin admin = KafkaBroker.admin()) {
      TopicsApply.apply(admin, plan(admin, catalogue("""
            - name: edits.orders
              value: com.example.Order
              partitions: 2
              retention: 7d
              deadLetter: true
          """)));
      List<DesiredTopic> edited = catalogue("""
            - name: edits.orders
              value: com.example.Order
              partitions: 4
              retention: 1d
              config: {compression.type: zstd}
              deadLetter: true
          """);

      TopicPlan plan = plan(admin, edited);

      assertThat(plan.lines()).containsExactly(
          "edits.orders: partitions 2 -> 4",
          "edits.orders: retention.ms 604800000 -> 86400000",
          "edits.orders: compression.type producer (default) -> zstd",
          "edits.orders.dlq: partitions 2 -> 4");
      assertThat(plan.markdown()).contains("| `edits.orders` | partitions 2 -> 4 |");
      assertThat(TopicsApply.apply(admin, plan).failed()).isEmpty();
      assertThat(describe(admin, "edits.orders").partitions()).hasSize(4);
      assertThat(configs(admin, "edits.orders", "retention.ms", "compression.type"))
          .containsEntry("retention.ms", "86400000").containsEntry("compression.type", "zstd");
      assertThat(plan(admin, edited).changes()).isFalse();
    }
  }

  @Test
  void whatWouldLoseDataOrOrderIsRefusedBeforeAnythingChanges() throws Exception {
    try (Admin admin = KafkaBroker.admin()) {
      TopicsApply.apply(admin, plan(admin, catalogue("""
            - name: refused.keyed
              value: com.example.Order
              key: {field: id}
              partitions: 3
          """)));
      List<DesiredTopic> fewer = catalogue("""
            - name: refused.keyed
              value: com.example.Order
              key: {field: id}
              partitions: 2
              retention: 1d
          """);
      List<DesiredTopic> more = catalogue("""
            - name: refused.keyed
              value: com.example.Order
              key: {field: id}
              partitions: 6
          """);
      List<DesiredTopic> moreAcknowledged = catalogue("""
            - name: refused.keyed
              value: com.example.Order
              key: {field: id}
              partitions: 6
              allowPartitionIncrease: true
          """);

      TopicPlan fewerPlan = plan(admin, fewer);
      assertThat(fewerPlan.lines()).contains("refused.keyed: refused: the catalogue asks for 2 partitions; the topic "
          + "has 3 and Kafka cannot remove partitions; fix: keep partitions: 3, or create a new topic with 2 "
          + "partitions and move its producers and consumers to it");
      // The retention change in the same plan is not applied either: a refusal stops the whole run.
      assertThatThrownBy(() -> TopicsApply.apply(admin, fewerPlan)).isInstanceOf(TopicsApply.RefusedException.class)
          .hasMessageStartingWith("1 topic changes refused, nothing was changed:");
      assertThat(configs(admin, "refused.keyed", "retention.ms")).containsEntry("retention.ms", "604800000");

      assertThat(plan(admin, more).refusals()).singleElement().extracting(TopicAction.Refusal::fix)
          .isEqualTo("if that is acceptable, say so with allowPartitionIncrease: true in its catalogue entry");
      assertThat(plan(admin, moreAcknowledged).lines()).containsExactly("refused.keyed: partitions 3 -> 6");

      List<DesiredTopic> replicated = fewer.stream().map(t -> t.withReplication(2)).toList();
      assertThat(plan(admin, replicated).refusals()).extracting(TopicAction.Refusal::reason).contains(
          "the catalogue asks for replication 2; the topic has 1, which creating or altering a topic cannot change");
      List<DesiredTopic> newAndReplicated = catalogue("""
            - name: refused.new
              value: com.example.Order
          """).stream().map(t -> t.withReplication(3)).toList();
      assertThat(plan(admin, newAndReplicated).lines()).containsExactly("refused.new: refused: replication 3 needs 3 "
          + "brokers; the cluster has 1; fix: run against a cluster of at least 3 brokers, or, for a development "
          + "cluster, override the replication (contracts.topics.replication=1)");

      DesiredTopic compactedWithoutKey = new DesiredTopic("refused.compacted", 1, 1,
          Map.of("cleanup.policy", "compact"), false, false, newAndReplicated.get(0).source());
      assertThat(plan(admin, List.of(compactedWithoutKey)).refusals()).singleElement()
          .extracting(TopicAction.Refusal::reason).asString().startsWith("cleanup.policy compact on a topic whose "
              + "records carry no key");
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("refused.new", "refused.compacted");
    }
  }

  @Test
  void aTopicMadeByHandWithOtherConfigsIsReportedAsDrift() throws Exception {
    try (Admin admin = KafkaBroker.admin()) {
      admin.createTopics(List.of(new NewTopic("drift.orders", 1, (short) 1)
          .configs(Map.of("compression.type", "gzip", "max.message.bytes", "2000000")))).all().get(30, TimeUnit.SECONDS);

      TopicPlan plan = plan(admin, catalogue("""
            - name: drift.orders
              value: com.example.Order
              config: {compression.type: lz4}
          """));

      assertThat(plan.lines()).containsExactly(
          "drift.orders: retention.ms 604800000 (default) -> 604800000",
          "drift.orders: compression.type gzip -> lz4",
          "drift.orders: left alone: max.message.bytes=2000000 is set on the cluster, the catalogue does not name it");
      TopicsApply.apply(admin, plan);
      // Never deletes a config the catalogue does not name.
      assertThat(configs(admin, "drift.orders", "max.message.bytes")).containsEntry("max.message.bytes", "2000000");
    }
  }

  @Test
  void aTopicTheClusterRejectsFailsTheRunAfterTheOthersAndARerunFinishesIt() throws Exception {
    try (Admin admin = KafkaBroker.admin()) {
      List<DesiredTopic> topics = catalogue("""
            - name: rejected.bad
              value: com.example.Order
              config: {compression.type: sometimes}
            - name: rejected.good
              value: com.example.Order
          """);

      TopicsApply.Outcome outcome = TopicsApply.apply(admin, plan(admin, topics));

      assertThat(outcome.failed()).containsOnlyKeys("rejected.bad");
      assertThat(outcome.failed().get("rejected.bad")).contains("compression.type");
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("rejected.good").doesNotContain("rejected.bad");

      List<DesiredTopic> fixed = catalogue("""
            - name: rejected.bad
              value: com.example.Order
              config: {compression.type: lz4}
            - name: rejected.good
              value: com.example.Order
          """);
      TopicPlan rerun = plan(admin, fixed);
      assertThat(rerun.lines()).containsExactly(
          "rejected.bad: create, 1 partitions, replication 1, compression.type=lz4, retention.ms=604800000",
          "rejected.good: unchanged");
      assertThat(TopicsApply.apply(admin, rerun).failed()).isEmpty();
    }
  }
}
