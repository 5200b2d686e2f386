package io.kafkacontracts.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.operations.RegisterRun;
import io.kafkacontracts.operations.Registration;
import io.kafkacontracts.operations.RegistryCrossCheck;
import io.kafkacontracts.operations.RegistrySettings;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * Ask the registry to normalize each schema on lookup and registration (Confluent's
   * {@code normalize=true}), so that a text differing only cosmetically from a registered version is
   * that version. Off by default, as in Confluent's plugin.
   */
  @Parameter(property = "contracts.register.normalize", defaultValue = "false")
  boolean normalize;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    RegistrySettings settings = requireRegistry("register");
    RegisterRun.Request request = new RegisterRun.Request(loadValid(), references, acceptedBreaks(), dryRun,
        parallelism, LocalDate.now(), display(), normalize);
    RegisterRun.Outcome outcome;
    try (SchemaRegistryClient registry = settings.client()) {
      outcome = RegisterRun.run(registry, "registry " + settings, request, new RegisterRun.Listener() {
        @Override
        public void starting(int subjects) {
          getLog().info("kafka-contracts: " + (dryRun ? "dry run over " : "registering ") + subjects + " subjects at "
              + settings + (references ? ", named types in subjects of their own" : ""));
          List<String> plain = Registration.plainKeyTopics(request.contracts());
          if (!plain.isEmpty()) {
            getLog().info("kafka-contracts: no key subject for the plain keys (Kafka's own serializers) of "
                + String.join(", ", plain));
          }
        }

        @Override
        public void judged(GateReport gate, List<RegistryCrossCheck.Answer> registryVerdicts) {
          print(gate);
          warnWhereTheRegistryDisagrees(registryVerdicts);
        }

        @Override
        public void done(Registration.Result result, int number, int total) {
          String line = "[" + number + "/" + total + "] " + result.describe();
          if (result.succeeded()) {
            getLog().info(line);
          } else {
            getLog().error(line);
          }
        }
      });
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("cannot register with contracts.register.references: " + e.getMessage(), e);
    } catch (IOException | SchemaRegistryException e) {
      throw new MojoExecutionException("the registry " + settings + " could not be read, so nothing was written: "
          + e.getMessage() + ". Check the URL, the credentials and that the registry is up, then run register again.",
          e);
    }
    String breaks = display().apply(acceptedBreaks.toPath()).toString();
    if (outcome.gate().fails()) {
      throw new MojoFailureException(outcome.gate().failureCount() + " against the registry's versions (see above): nothing "
          + "was " + (dryRun ? "checked further" : "registered") + ", the registry is unchanged. "
          + outcome.gate().howToFix(breaks));
    }
    write(outcome.results());
    getLog().info("kafka-contracts: " + outcome.summary(dryRun));
    if (outcome.refused() > 0 || outcome.failed() > 0) {
      List<String> what = new ArrayList<>();
      if (outcome.refused() > 0) {
        what.add(outcome.refused() + " refused by the registry (see above, in its words)"
            + (outcome.acceptedBreakRefusedByTheRegistry() ? "; a break accepted in " + breaks + " is still refused at "
            + "the subject's level: relax the topic's compatibility in contracts.yaml in the same change (and accept "
            + "its LEVEL_RELAXED), or publish the break on a new topic" : ""));
      }
      if (outcome.failed() > 0) {
        what.add(outcome.failed() + " got no answer or a server error from the registry: check that it is up, then "
            + "run register again, which finds what those writes did");
      }
      throw new MojoFailureException("of " + outcome.results().size() + " subjects, " + String.join("; ", what)
          + ". Subjects already registered stay as they are, and a rerun finishes the rest.");
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
