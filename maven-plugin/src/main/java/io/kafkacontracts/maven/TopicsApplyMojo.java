package io.kafkacontracts.maven;

import io.kafkacontracts.operations.KafkaSettings;
import io.kafkacontracts.operations.TopicAction;
import io.kafkacontracts.operations.TopicPlan;
import io.kafkacontracts.operations.TopicsApply;
import java.io.IOException;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Makes the cluster's topics what the catalogue says, as {@code topics-plan} prints it: creates
 * topics and dead-letter topics with their configs, adds partitions, sets the configs the
 * catalogue names. Never deletes a topic or a config; changes nothing while any change is refused;
 * a topic the cluster rejects fails the run after the others were applied, and a rerun does the
 * rest. A second run changes nothing.
 */
@Mojo(name = "topics-apply", threadSafe = true)
public class TopicsApplyMojo extends AbstractTopicsMojo {

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    KafkaSettings settings = kafka("topics-apply");
    TopicPlan plan = plan(settings);
    try {
      if (!plan.changes()) {
        getLog().info("kafka-contracts: the cluster's topics are as the catalogue says; nothing to apply");
        return;
      }
      TopicsApply.Outcome outcome = TopicsApply.apply(settings, plan);
      getLog().info("kafka-contracts: applied " + outcome.applied().size() + " of "
          + plan.actions().stream().filter(TopicAction::changes).count() + " changes");
      if (!outcome.failed().isEmpty()) {
        throw new MojoFailureException("the cluster rejected " + outcome.failed().size() + " topics (the others were "
            + "applied; run again once fixed):\n  " + outcome.failed().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n  ")));
      }
    } catch (TopicsApply.RefusedException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }
}
