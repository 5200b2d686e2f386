package io.kafkacontracts.maven;

import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.operations.Registration;
import io.kafkacontracts.operations.RegistrySettings;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/** Sets every subject's compatibility level in the registry to the catalogue's, and nothing else. */
@Mojo(name = "set-compatibility", threadSafe = true)
public class SetCompatibilityMojo extends AbstractContractsMojo {

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    RegistrySettings settings = requireRegistry("set-compatibility");
    ContractsDirectory contracts = loadValid();
    int failed = 0;
    try (SchemaRegistryClient registry = settings.client()) {
      for (Registration.Candidate candidate : Registration.candidates(contracts)) {
        try {
          registry.setSubjectCompatibility(candidate.subject(), candidate.level().name());
          getLog().info(candidate.subject() + ": " + candidate.level());
        } catch (SchemaRegistryException e) {
          failed++;
          getLog().error(candidate.subject() + ": " + e.getMessage());
        }
      }
    }
    if (failed > 0) {
      throw new MojoFailureException(failed + " subjects' levels could not be set (see above)");
    }
  }
}
