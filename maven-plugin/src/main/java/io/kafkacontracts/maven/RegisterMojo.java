package io.kafkacontracts.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Registers the catalogue's contracts: each subject's compatibility level from the catalogue, then
 * its schema (the contract as written, named types inlined), idempotently: a second run creates no
 * versions. {@code contracts.dryRun} writes nothing and reports per subject "unchanged / new
 * version N / incompatible". A subject the registry refuses fails the run after all others were
 * tried; a rerun finishes the rest. Writes {@code target/contracts/registration.json}.
 *
 * <pre>{@code
 * mvn contracts:register -Dcontracts.dryRun=true
 * CONTRACTS_REGISTRY_URL=https://registry:8081 CONTRACTS_REGISTRY_USER_INFO=ci:secret mvn contracts:register
 * }</pre>
 */
@Mojo(name = "register", threadSafe = true)
public class RegisterMojo extends AbstractContractsMojo {

  /** Report what would happen and write nothing. */
  @Parameter(property = "contracts.dryRun", defaultValue = "false")
  boolean dryRun;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    RegistrySettings settings = requireRegistry("register");
    ContractsDirectory contracts = loadValid();
    List<Registration.Candidate> candidates = Registration.candidates(contracts);
    AtomicInteger done = new AtomicInteger();
    getLog().info("kafka-contracts: " + (dryRun ? "dry run over " : "registering ") + candidates.size()
        + " subjects at " + settings);
    List<Registration.Result> results;
    try (SchemaRegistryClient registry = settings.client()) {
      results = Registration.run(registry, candidates, dryRun, parallelism, result -> {
        String line = "[" + done.incrementAndGet() + "/" + candidates.size() + "] " + result.describe();
        if (result.outcome() == Registration.Outcome.INCOMPATIBLE || result.outcome() == Registration.Outcome.FAILED) {
          getLog().error(line);
        } else {
          getLog().info(line);
        }
      });
    }
    write(results);
    long refused = results.stream().filter(r -> r.outcome() == Registration.Outcome.INCOMPATIBLE
        || r.outcome() == Registration.Outcome.FAILED).count();
    long added = results.stream().filter(r -> r.outcome() == Registration.Outcome.NEW_VERSION).count();
    getLog().info("kafka-contracts: " + added + (dryRun ? " new versions would be registered, " : " new versions, ")
        + (results.size() - added - refused) + " unchanged, " + refused + " refused");
    if (refused > 0) {
      throw new MojoFailureException(refused + " of " + results.size() + " subjects were refused by the registry (see "
          + "above): fix the contracts (contracts:check shows why), then run register again; subjects already "
          + "registered stay as they are");
    }
  }

  private void write(List<Registration.Result> results) throws MojoExecutionException {
    try {
      Files.createDirectories(reportDirectory.toPath());
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(reportDirectory.toPath().resolve(dryRun ? "registration-dry-run.json" : "registration.json").toFile(),
              results);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the registration report: " + e.getMessage(), e);
    }
  }
}
