package io.kafkacontracts.operations;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.operations.TopicAction.AddPartitions;
import io.kafkacontracts.operations.TopicAction.Create;
import io.kafkacontracts.operations.TopicAction.SetConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Carries out a {@link TopicPlan}: creates topics with their configs, adds partitions, sets the
 * configs the catalogue names ({@code incrementalAlterConfigs}, one key at a time, nothing else
 * touched). Never deletes a topic or a config. A plan with a refusal changes nothing. A topic the
 * cluster rejects fails the run after every other topic was tried; a rerun plans only what is left.
 */
public final class TopicsApply {

  /** What applying did: the actions carried out, and per topic what the cluster rejected. */
  public record Outcome(List<TopicAction> applied, Map<String, String> failed) {
    public Outcome {
      applied = List.copyOf(applied);
      failed = Map.copyOf(failed);
    }
  }

  /** A plan with refusals: nothing was changed. */
  public static final class RefusedException extends Exception {
    RefusedException(TopicPlan plan) {
      super(plan.refusals().size() + " topic changes refused, nothing was changed:\n  "
          + String.join("\n  ", plan.refusals().stream().map(TopicPlan::line).toList()));
    }
  }

  private TopicsApply() {}

  /** Applies a plan to the cluster the settings reach. */
  public static Outcome apply(KafkaSettings settings, TopicPlan plan) throws RefusedException, IOException {
    try (Admin admin = settings.admin()) {
      return apply(admin, plan);
    }
  }

  /**
   * Applies a plan.
   *
   * @throws RefusedException when the plan refuses anything: then nothing is changed
   * @throws IOException      when the cluster does not answer at all
   */
  public static Outcome apply(Admin admin, TopicPlan plan) throws RefusedException, IOException {
    requireNonNull(admin, "admin == null");
    requireNonNull(plan, "plan == null");
    if (!plan.refusals().isEmpty()) {
      throw new RefusedException(plan);
    }
    List<TopicAction> applied = new ArrayList<>();
    Map<String, String> failed = new LinkedHashMap<>();
    List<Create> creates = plan.actions(Create.class);
    if (!creates.isEmpty()) {
      Map<String, KafkaFuture<Void>> results = admin.createTopics(creates.stream()
          .map(c -> new NewTopic(c.topic(), c.partitions(), (short) c.replication()).configs(c.configs()))
          .toList()).values();
      collect(creates, results, applied, failed);
    }
    List<AddPartitions> additions = plan.actions(AddPartitions.class);
    if (!additions.isEmpty()) {
      Map<String, NewPartitions> counts = new LinkedHashMap<>();
      additions.forEach(a -> counts.put(a.topic(), NewPartitions.increaseTo(a.to())));
      collect(additions, admin.createPartitions(counts).values(), applied, failed);
    }
    List<SetConfig> settings = plan.actions(SetConfig.class);
    if (!settings.isEmpty()) {
      Map<ConfigResource, Collection<AlterConfigOp>> ops = new LinkedHashMap<>();
      for (SetConfig set : settings) {
        ops.computeIfAbsent(new ConfigResource(ConfigResource.Type.TOPIC, set.topic()), r -> new ArrayList<>())
            .add(new AlterConfigOp(new ConfigEntry(set.key(), set.to()), AlterConfigOp.OpType.SET));
      }
      Map<String, KafkaFuture<Void>> results = new LinkedHashMap<>();
      admin.incrementalAlterConfigs(ops).values().forEach((resource, result) -> results.put(resource.name(), result));
      collect(settings, results, applied, failed);
    }
    awaitMetadata(admin, applied);
    return new Outcome(applied, failed);
  }

  /**
   * Waits until the brokers' metadata shows the created topics, added partitions and set configs
   * (the controller has them when the calls return; brokers learn them a moment later), so that a
   * plan made right after this run, by CI or a person, sees a finished cluster. Bounded by the
   * plan's timeout.
   */
  private static void awaitMetadata(Admin admin, List<TopicAction> applied) throws IOException {
    Map<String, Integer> partitions = new LinkedHashMap<>();
    Map<ConfigResource, Map<String, String>> configs = new LinkedHashMap<>();
    for (TopicAction action : applied) {
      if (action instanceof Create c) {
        partitions.put(c.topic(), c.partitions());
      } else if (action instanceof AddPartitions a) {
        partitions.put(a.topic(), a.to());
      } else if (action instanceof SetConfig set) {
        configs.computeIfAbsent(new ConfigResource(ConfigResource.Type.TOPIC, set.topic()), r -> new LinkedHashMap<>())
            .put(set.key(), set.to());
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TopicPlan.TIMEOUT_SECONDS);
    try {
      until(deadline, () -> partitions.isEmpty() || forgetVisiblePartitions(admin, partitions));
      until(deadline, () -> configs.isEmpty() || forgetVisibleConfigs(admin, configs));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the cluster's metadata", e);
    }
  }

  /** One look at the cluster: whether all it waits for is visible now. */
  private interface Look {
    boolean allVisible() throws InterruptedException;
  }

  /** Looks every 100 ms until all is visible or the deadline passes. */
  private static void until(long deadline, Look look) throws InterruptedException {
    while (!look.allVisible() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  /** Removes the topics whose partitions the brokers show; whether none is left. */
  private static boolean forgetVisiblePartitions(Admin admin, Map<String, Integer> expected)
      throws InterruptedException {
    for (Map.Entry<String, KafkaFuture<TopicDescription>> topic
        : admin.describeTopics(List.copyOf(expected.keySet())).topicNameValues().entrySet()) {
      try {
        if (topic.getValue().get(TopicPlan.TIMEOUT_SECONDS, TimeUnit.SECONDS).partitions().size()
            >= expected.get(topic.getKey())) {
          expected.remove(topic.getKey());
        }
      } catch (ExecutionException | TimeoutException e) {
        // Not visible yet: looked at again.
      }
    }
    return expected.isEmpty();
  }

  /** Removes the topics whose set configs the brokers answer; whether none is left. */
  private static boolean forgetVisibleConfigs(Admin admin, Map<ConfigResource, Map<String, String>> expected)
      throws InterruptedException {
    try {
      admin.describeConfigs(List.copyOf(expected.keySet())).all().get(TopicPlan.TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .forEach((resource, config) -> {
            if (expected.get(resource).entrySet().stream()
                .allMatch(e -> config.get(e.getKey()) != null && e.getValue().equals(config.get(e.getKey()).value()))) {
              expected.remove(resource);
            }
          });
    } catch (ExecutionException | TimeoutException e) {
      // Not answered yet: looked at again.
    }
    return expected.isEmpty();
  }

  /** Waits for each topic's result; a rejected topic is recorded and the others go on. */
  private static void collect(List<? extends TopicAction> actions, Map<String, KafkaFuture<Void>> results,
      List<TopicAction> applied, Map<String, String> failed) throws IOException {
    for (TopicAction action : actions) {
      try {
        results.get(action.topic()).get(TopicPlan.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        applied.add(action);
      } catch (ExecutionException e) {
        failed.merge(action.topic(), e.getCause().getMessage(), (a, b) -> a + "; " + b);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while applying the topics plan", e);
      } catch (TimeoutException e) {
        failed.merge(action.topic(), "no answer in " + TopicPlan.TIMEOUT_SECONDS + " s", (a, b) -> a + "; " + b);
      }
    }
  }
}
