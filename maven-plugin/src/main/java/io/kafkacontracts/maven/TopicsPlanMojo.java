package io.kafkacontracts.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Prints, read-only, what {@code topics-apply} would do to make the cluster's topics what the
 * catalogue says: topics to create (with their configs), partitions to add, configs to set, what
 * it refuses and why, and configs the cluster sets that the catalogue does not name. Writes
 * {@code target/contracts/topics-plan.json} and {@code topics-plan.md} (for a pull request
 * comment); fails when a change is refused.
 *
 * <pre>{@code
 * CONTRACTS_KAFKA_BOOTSTRAP_SERVERS=kafka:9092 mvn contracts:topics-plan
 * }</pre>
 */
@Mojo(name = "topics-plan", threadSafe = true)
public class TopicsPlanMojo extends AbstractTopicsMojo {

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    plan(kafka("topics-plan"));
  }
}
