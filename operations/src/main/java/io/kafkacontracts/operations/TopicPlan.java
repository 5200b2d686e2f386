package io.kafkacontracts.operations;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkacontracts.operations.TopicAction.AddPartitions;
import io.kafkacontracts.operations.TopicAction.Create;
import io.kafkacontracts.operations.TopicAction.Drift;
import io.kafkacontracts.operations.TopicAction.Refusal;
import io.kafkacontracts.operations.TopicAction.SetConfig;
import io.kafkacontracts.operations.TopicAction.Unchanged;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The difference between the catalogue's topics and a cluster's, per topic: what to create, which
 * partitions to add, which configs to set, what is refused and why, and what the cluster sets
 * that the catalogue does not name (left alone). Read-only: computing a plan changes nothing.
 * Immutable.
 *
 * @param cluster what the plan was made against, e.g. the bootstrap servers
 * @param brokers how many brokers the cluster has
 * @param actions every action, in catalogue order, each topic's together
 */
public record TopicPlan(String cluster, int brokers, List<TopicAction> actions) {

  /** How long one Admin API call may take before the plan fails. */
  static final long TIMEOUT_SECONDS = 60;

  public TopicPlan {
    requireNonNull(cluster, "cluster == null");
    actions = List.copyOf(actions);
  }

  /** Plans the topics against the cluster the settings reach, named by them (secrets hidden). */
  public static TopicPlan of(KafkaSettings settings, List<DesiredTopic> topics) throws IOException {
    try (Admin admin = settings.admin()) {
      return of(admin, settings.toString(), topics);
    }
  }

  /**
   * Plans the topics against a cluster.
   *
   * @param admin   an admin client of the cluster
   * @param cluster how to name the cluster in messages (never with credentials)
   * @param topics  the topics the catalogue wants
   * @throws IOException when the cluster cannot be read
   */
  public static TopicPlan of(Admin admin, String cluster, List<DesiredTopic> topics) throws IOException {
    requireNonNull(admin, "admin == null");
    requireNonNull(topics, "topics == null");
    int brokers = await(admin.describeCluster().nodes(), cluster, "describe the cluster").size();
    Set<String> existing = await(admin.listTopics().names(), cluster, "list the topics");
    List<String> present = topics.stream().map(DesiredTopic::name).filter(existing::contains).toList();
    Map<String, TopicDescription> descriptions = present.isEmpty() ? Map.of()
        : await(admin.describeTopics(present).allTopicNames(), cluster, "describe the topics");
    Map<ConfigResource, Config> configs = present.isEmpty() ? Map.of()
        : await(admin.describeConfigs(present.stream()
            .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all(), cluster,
            "describe the topics' configs");
    List<TopicAction> actions = new ArrayList<>();
    for (DesiredTopic topic : topics) {
      TopicDescription description = descriptions.get(topic.name());
      actions.addAll(description == null ? create(topic, brokers)
          : update(topic, description, configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()))));
    }
    return new TopicPlan(cluster, brokers, actions);
  }

  private static List<TopicAction> create(DesiredTopic topic, int brokers) {
    List<TopicAction> refused = compaction(topic);
    if (topic.replication() > brokers) {
      refused = new ArrayList<>(refused);
      refused.add(new Refusal(topic.name(), "replication " + topic.replication() + " needs " + topic.replication()
          + " brokers; the cluster has " + brokers,
          "run against a cluster of at least " + topic.replication() + " brokers, or, for a development cluster, "
              + "override the replication (contracts.topics.replication=" + brokers + ")"));
    }
    return refused.isEmpty()
        ? List.of(new Create(topic.name(), topic.partitions(), topic.replication(), topic.configs())) : refused;
  }

  private static List<TopicAction> update(DesiredTopic topic, TopicDescription description, Config config) {
    List<TopicAction> actions = new ArrayList<>(compaction(topic));
    int partitions = description.partitions().size();
    int replication = description.partitions().get(0).replicas().size();
    if (topic.partitions() < partitions) {
      actions.add(new Refusal(topic.name(), "the catalogue asks for " + topic.partitions() + " partitions; the topic has "
          + partitions + " and Kafka cannot remove partitions",
          "keep partitions: " + partitions + ", or create a new topic with " + topic.partitions()
              + " partitions and move its producers and consumers to it"));
    } else if (topic.partitions() > partitions && topic.keyed() && !topic.allowPartitionIncrease()) {
      actions.add(new Refusal(topic.name(), "partitions " + partitions + " -> " + topic.partitions() + " on a keyed "
          + "topic: records of a key go to another partition afterwards, so a consumer may read a key's new records "
          + "before its old ones",
          "if that is acceptable, say so with allowPartitionIncrease: true in its catalogue entry"));
    } else if (topic.partitions() > partitions) {
      actions.add(new AddPartitions(topic.name(), partitions, topic.partitions()));
    }
    if (topic.replication() != replication) {
      actions.add(new Refusal(topic.name(), "the catalogue asks for replication " + topic.replication()
          + "; the topic has " + replication + ", which creating or altering a topic cannot change",
          "reassign its partitions' replicas (kafka-reassign-partitions.sh with a plan of " + topic.replication()
              + " replicas each), then run again; or write replication: " + replication));
    }
    for (Map.Entry<String, String> wanted : topic.configs().entrySet()) {
      ConfigEntry entry = config == null ? null : config.get(wanted.getKey());
      boolean own = entry != null && entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG;
      if (!own || !wanted.getValue().equals(entry.value())) {
        actions.add(new SetConfig(topic.name(), wanted.getKey(),
            entry == null ? Optional.empty() : Optional.ofNullable(entry.value()).map(v -> own ? v : v + " (default)"),
            wanted.getValue()));
      }
    }
    if (config != null) {
      config.entries().stream()
          .filter(e -> e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
          .filter(e -> !topic.configs().containsKey(e.name()))
          .sorted(java.util.Comparator.comparing(ConfigEntry::name))
          .forEach(e -> actions.add(new Drift(topic.name(), e.name(), e.isSensitive() ? "[hidden]" : e.value())));
    }
    return actions.stream().anyMatch(a -> a.changes() || a instanceof Refusal || a instanceof Drift) ? actions
        : List.of(new Unchanged(topic.name()));
  }

  /** A compacted topic keeps one record per key: records without a key cannot be written to it. */
  private static List<TopicAction> compaction(DesiredTopic topic) {
    if (!topic.keyed() && topic.configs().getOrDefault("cleanup.policy", "").contains("compact")) {
      return List.of(new Refusal(topic.name(), "cleanup.policy compact on a topic whose records carry no key: Kafka "
          + "refuses keyless records on a compacted topic", "give the topic a key, or keep cleanup.policy: delete"));
    }
    return List.of();
  }

  /** A cluster's answer within the timeout, or an IOException saying what could not be done (ClusterSample's too). */
  static <T> T await(KafkaFuture<T> future, String cluster, String what) throws IOException {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while trying to " + what + " of " + cluster, e);
    } catch (ExecutionException e) {
      throw new IOException("cannot " + what + " of " + cluster + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("cannot " + what + " of " + cluster + ": no answer in " + TIMEOUT_SECONDS + " s", e);
    }
  }

  /** The refusals: while there is one, {@link TopicsApply} changes nothing. */
  public List<Refusal> refusals() {
    return actions(Refusal.class);
  }

  /** The actions of one kind, in plan order. */
  <T extends TopicAction> List<T> actions(Class<T> kind) {
    return actions.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /** Whether applying the plan would change the cluster. */
  public boolean changes() {
    return actions.stream().anyMatch(TopicAction::changes);
  }

  /** "2 to create, 1 partition increases, 3 config changes, 0 refused, 4 unchanged, 1 drifted configs left alone". */
  public String summary() {
    return count(Create.class) + " to create, " + count(AddPartitions.class) + " partition increases, "
        + count(SetConfig.class) + " config changes, " + count(Refusal.class) + " refused, " + count(Unchanged.class)
        + " unchanged, " + count(Drift.class) + " drifted configs left alone";
  }

  private int count(Class<? extends TopicAction> kind) {
    return actions(kind).size();
  }

  /** One line per action, as a console prints it. */
  public List<String> lines() {
    return actions.stream().map(TopicPlan::line).toList();
  }

  /** One action as a console prints it: "orders: partitions 3 -> 6". */
  public static String line(TopicAction action) {
    String what;
    if (action instanceof Create c) {
      what = "create, " + c.partitions() + " partitions, replication " + c.replication()
          + (c.configs().isEmpty() ? "" : ", " + configs(c.configs()));
    } else if (action instanceof AddPartitions a) {
      what = "partitions " + a.from() + " -> " + a.to();
    } else if (action instanceof SetConfig s) {
      what = s.key() + " " + s.from().orElse("(unset)") + " -> " + s.to();
    } else if (action instanceof Refusal r) {
      what = "refused: " + r.reason() + "; fix: " + r.fix();
    } else if (action instanceof Drift d) {
      what = "left alone: " + d.key() + "=" + d.value() + " is set on the cluster, the catalogue does not name it";
    } else {
      what = "unchanged";
    }
    return action.topic() + ": " + what;
  }

  private static String configs(Map<String, String> configs) {
    return new java.util.TreeMap<>(configs).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** The plan as Markdown, ready to post as a pull request comment: changes and refusals, then the rest counted. */
  public String markdown() {
    StringBuilder out = new StringBuilder("### Topics plan for ").append(cluster).append("\n\n")
        .append(summary()).append(".\n\n");
    List<TopicAction> shown = actions.stream().filter(a -> !(a instanceof Unchanged)).toList();
    if (!shown.isEmpty()) {
      out.append("| topic | action |\n|---|---|\n");
      shown.forEach(a -> out.append("| `").append(a.topic()).append("` | ")
          .append(line(a).substring(a.topic().length() + 2).replace("|", "\\|")).append(" |\n"));
    }
    return out.toString();
  }

  /** Writes the plan as JSON (for CI to read) to {@code file}, making its folder. */
  public void writeJson(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("cluster", cluster);
    root.put("brokers", brokers);
    root.put("summary", summary());
    ArrayNode list = root.putArray("actions");
    for (TopicAction action : actions) {
      ObjectNode node = list.addObject();
      node.put("topic", action.topic());
      node.put("action", action.getClass().getSimpleName());
      node.put("text", line(action));
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, mapper.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
  }
}
