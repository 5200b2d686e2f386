package io.kafkacontracts.maven;

import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.operations.DesiredTopic;
import io.kafkacontracts.operations.KafkaSettings;
import io.kafkacontracts.operations.TopicAction;
import io.kafkacontracts.operations.TopicPlan;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What the topic goals share: how to reach the cluster, and the plan they print and write. */
abstract class AbstractTopicsMojo extends AbstractContractsMojo {

  /** {@code host:port,...}; else {@code CONTRACTS_KAFKA_BOOTSTRAP_SERVERS}. */
  @Parameter(property = "contracts.kafka.bootstrapServers")
  String bootstrapServers;

  /**
   * A Kafka client properties file (SASL, SSL, ...), as Kafka's own tools take it; each property may
   * also come from {@code CONTRACTS_KAFKA_<NAME>} ({@code CONTRACTS_KAFKA_SASL_JAAS_CONFIG}).
   */
  @Parameter(property = "contracts.kafka.properties")
  File kafkaProperties;

  /**
   * Every topic's replication factor, instead of the catalogue's: for a development cluster with
   * fewer brokers than production. Unset in CI against a real cluster.
   */
  @Parameter(property = "contracts.topics.replication")
  Integer replication;

  /** The cluster's settings, failing with how to give them when none are set. */
  KafkaSettings kafka(String goal) throws MojoExecutionException {
    return optionalKafka().orElseThrow(() -> new MojoExecutionException(goal + " needs a Kafka cluster: set "
        + "contracts.kafka.bootstrapServers or " + KafkaSettings.VARIABLE_PREFIX + "BOOTSTRAP_SERVERS"));
  }

  /** The cluster's settings, when any are set. */
  Optional<KafkaSettings> optionalKafka() throws MojoExecutionException {
    try {
      return KafkaSettings.resolve(bootstrapServers, kafkaProperties == null ? null : kafkaProperties.toPath(),
          environment);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read " + kafkaProperties + ": " + e.getMessage(), e);
    }
  }

  /** Plans the catalogue's topics against the cluster, prints the plan and writes it as JSON and Markdown. */
  TopicPlan plan(KafkaSettings settings) throws MojoExecutionException, MojoFailureException {
    ContractsDirectory contracts = loadValid();
    List<DesiredTopic> topics = DesiredTopic.of(contracts.catalogue()).stream()
        .map(topic -> replication == null ? topic : topic.withReplication(replication)).toList();
    TopicPlan plan;
    try {
      plan = TopicPlan.of(settings, topics);
      Path reports = reportDirectory.toPath();
      plan.writeJson(reports.resolve("topics-plan.json"));
      Files.writeString(reports.resolve("topics-plan.md"), plan.markdown(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    getLog().info("kafka-contracts: topics of " + display().apply(contracts.root()) + " against " + settings
        + " (" + plan.brokers() + " brokers)" + (replication == null ? "" : ", replication " + replication + " for every topic"));
    for (TopicAction action : plan.actions()) {
      if (action instanceof TopicAction.Refusal) {
        getLog().error("  " + TopicPlan.line(action));
      } else {
        getLog().info("  " + TopicPlan.line(action));
      }
    }
    getLog().info("kafka-contracts: " + plan.summary());
    if (!plan.refusals().isEmpty()) {
      throw new MojoFailureException(plan.refusals().size() + " topic changes refused (see above): nothing was changed. "
          + "Fix each as its 'fix:' says, then plan again.");
    }
    return plan;
  }
}
