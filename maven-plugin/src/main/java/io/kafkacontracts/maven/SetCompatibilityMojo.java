package io.kafkacontracts.maven;

import io.kafkacontracts.operations.RegistrySettings;
import io.kafkacontracts.operations.SetCompatibility;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Sets every subject's compatibility level in the registry to the catalogue's, and nothing else,
 * gated as {@code register} is: a level weaker than the registry's (LEVEL_RELAXED) is refused
 * unless accepted in {@code accepted-breaks.yaml}, and then nothing is written. Prints each
 * {@code subject: level A -> B}.
 *
 * <pre>{@code
 * mvn contracts:set-compatibility -Dcontracts.dryRun=true
 * }</pre>
 */
@Mojo(name = "set-compatibility", threadSafe = true)
public class SetCompatibilityMojo extends AbstractContractsMojo {

  /** Report what would change and write nothing. */
  @Parameter(property = "contracts.dryRun", defaultValue = "false")
  boolean dryRun;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    RegistrySettings settings = requireRegistry("set-compatibility");
    SetCompatibility.Outcome outcome;
    try (SchemaRegistryClient registry = settings.client()) {
      outcome = SetCompatibility.run(registry, "registry " + settings, loadValid(), acceptedBreaks(), dryRun,
          parallelism, LocalDate.now(), display(), change -> {
            if (change.failure().isEmpty()) {
              getLog().info(change.describe());
            } else {
              getLog().error(change.describe());
            }
          });
    } catch (IOException | SchemaRegistryException e) {
      throw new MojoExecutionException("the registry " + settings + " could not be read, so no level was set: "
          + e.getMessage() + ". Check the URL, the credentials and that the registry is up, then run again.", e);
    }
    print(outcome.gate());
    if (outcome.gate().fails()) {
      throw new MojoFailureException(outcome.gate().failureCount() + " (see above): no level was set, the registry "
          + "is unchanged. " + outcome.gate().howToFix(display().apply(acceptedBreaks.toPath()).toString()));
    }
    getLog().info("kafka-contracts: " + outcome.summary(dryRun));
    if (outcome.failed() > 0) {
      throw new MojoFailureException(outcome.failed() + " subjects' levels could not be set (see above); a rerun "
          + "sets the rest");
    }
  }
}
