package io.kafkacontracts.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kafkacontracts.compat.AcceptedBreaks;
import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Registers the catalogue's contracts: first the gate against the registry's own versions and
 * levels (our engine, the accepted breaks honoured), refusing the whole run before anything is
 * written when it fails; then each subject's compatibility level from the catalogue and its schema
 * (the contract as written, named types inlined), idempotently: a second run creates no versions.
 * Every level change is printed ({@code level FULL -> FORWARD}). {@code contracts.dryRun} writes
 * nothing and reports per subject "unchanged / new version N" and level changes. The registry's
 * own compatibility check is asked too, and a disagreement is shown. A registry that cannot be
 * read fails the run with nothing written; a subject the registry refuses while writing fails it
 * after all others were tried, and a rerun finishes the rest. Writes
 * {@code target/contracts/registration.json} (or {@code registration-dry-run.json}).
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

  /**
   * Register each named type a contract uses in a subject of its own (its full name), and the
   * contracts with references to them, as Confluent's and Apicurio's plugins can. Default false:
   * every subject's schema has its types written in. Producers of contracts registered with
   * references need {@code use.latest.version=true} (see the README).
   */
  @Parameter(property = "contracts.register.references", defaultValue = "false")
  boolean references;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    RegistrySettings settings = requireRegistry("register");
    ContractsDirectory contracts = loadValid();
    AcceptedBreaks accepted = acceptedBreaks();
    List<Registration.Candidate> candidates;
    try {
      candidates = Registration.candidates(contracts, references);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("cannot register with contracts.register.references: " + e.getMessage(), e);
    }
    getLog().info("kafka-contracts: " + (dryRun ? "dry run over " : "registering ") + candidates.size()
        + " subjects at " + settings + (references ? ", named types in subjects of their own" : ""));
    List<Registration.Result> results;
    boolean breaksAccepted;
    try (SchemaRegistryClient registry = settings.client()) {
      GateReport gate = RegistryBaseline.judge(registry, "registry " + settings, contracts, accepted, parallelism,
          LocalDate.now(), display());
      print(gate);
      breaksAccepted = !gate.accepted().isEmpty();
      warnWhereTheRegistryDisagrees(registry, Registration.candidates(contracts), gate);
      if (gate.fails()) {
        throw new MojoFailureException(count(gate) + " against the registry's versions (see above): nothing was "
            + (dryRun ? "checked further" : "registered") + ", the registry is unchanged. Fix each as its 'fix:' line "
            + "says, or accept an intentional break with a reason in " + display().apply(acceptedBreaks.toPath()) + ".");
      }
      List<Registration.Current> current = Registration.inspect(registry, candidates, parallelism);
      AtomicInteger done = new AtomicInteger();
      results = Registration.apply(registry, current, dryRun, parallelism, result -> {
        String line = "[" + done.incrementAndGet() + "/" + candidates.size() + "] " + result.describe();
        boolean refused = result.outcome() == Registration.Outcome.INCOMPATIBLE
            || result.outcome() == Registration.Outcome.FAILED;
        if (refused) {
          getLog().error(line);
        } else {
          getLog().info(line);
        }
      });
    } catch (IOException | SchemaRegistryException e) {
      throw new MojoExecutionException("the registry " + settings + " could not be read, so nothing was written: "
          + e.getMessage() + ". Check the URL, the credentials and that the registry is up, then run register again.",
          e);
    }
    write(results);
    long refused = results.stream().filter(r -> r.outcome() == Registration.Outcome.INCOMPATIBLE
        || r.outcome() == Registration.Outcome.FAILED).count();
    long added = results.stream().filter(r -> r.outcome() == Registration.Outcome.NEW_VERSION).count();
    long levels = results.stream().filter(Registration.Result::levelChanged).count();
    getLog().info("kafka-contracts: " + added + (dryRun ? " new versions would be registered, " : " new versions, ")
        + (results.size() - added - refused) + " unchanged, " + refused + " refused, " + levels
        + (dryRun ? " levels would change" : " levels changed"));
    if (refused > 0) {
      boolean registryRefused = breaksAccepted
          && results.stream().anyMatch(r -> r.outcome() == Registration.Outcome.INCOMPATIBLE);
      throw new MojoFailureException(refused + " of " + results.size() + " subjects failed while registering (see "
          + "above, with the registry's words); subjects already registered stay as they are, and a rerun "
          + "finishes the rest" + (registryRefused ? ". A break accepted in "
          + display().apply(acceptedBreaks.toPath()) + " is still refused by the registry at the subject's level: "
          + "relax the topic's compatibility in contracts.yaml in the same change (and accept its LEVEL_RELAXED), "
          + "or publish the break on a new topic" : ""));
    }
  }

  /**
   * The registry's own verdict beside our gate's for every subject the gate judged, also when the
   * gate refuses: a candidate the registry alone would have taken (a decimal's precision, say) is
   * worth seeing.
   */
  private void warnWhereTheRegistryDisagrees(SchemaRegistryClient registry, List<Registration.Candidate> candidates,
      GateReport gate) {
    Map<String, Boolean> ours = new HashMap<>();
    gate.subjects().forEach(subject -> ours.put(subject.subject(), subject.isCompatible()));
    gate.accepted().forEach(accepted -> ours.put(accepted.subject(), false));
    RegistryCrossCheck.run(registry, candidates, ours, parallelism).stream()
        .filter(answer -> answer.disagrees() || answer.failure().isPresent())
        .forEach(answer -> getLog().warn("kafka-contracts: " + answer.describe()));
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
