package io.kafkacontracts.maven;

import io.kafkacontracts.compat.AcceptedBreaks;
import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.ContractsGate;
import io.kafkacontracts.compat.baseline.Baseline;
import io.kafkacontracts.compat.baseline.DirectoryBaseline;
import io.kafkacontracts.compat.baseline.GitBaseline;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.compat.report.ReportFormat;
import io.kafkacontracts.operations.RegistryBaseline;
import io.kafkacontracts.operations.RegistryCrossCheck;
import io.kafkacontracts.operations.RegistrySettings;
import io.kafkacontracts.registry.SchemaRegistryClient;
import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The compatibility gate: every subject of the catalogue against its earlier versions at its level.
 * The baseline is the registry when {@code contracts.registry.url} is set (its versions judged by
 * our engine, so the verdict is the same on every vendor), else a directory
 * ({@code contracts.baselineDirectory}), else git ({@code contracts.against}, default the
 * merge-base with the default branch). With a registry, {@code contracts.registry.crossCheck} also
 * asks the registry's own compatibility endpoint and warns where it disagrees. Prints every
 * violation with file:line, path, rule and fix; writes {@code target/contracts/compatibility.json}
 * and {@code compatibility.xml} (JUnit), and GitHub workflow annotations when
 * {@code GITHUB_ACTIONS=true}.
 *
 * <pre>{@code
 * <execution><goals><goal>check</goal></goals>
 *   <configuration><against>origin/main</against></configuration></execution>
 * }</pre>
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractContractsMojo {

  /** The git ref to compare against; default: the merge-base of HEAD with the default branch. */
  @Parameter(property = "contracts.against")
  String against;

  /** A directory baseline ({@code <subject>/<version>.avsc}, as {@code download} writes), instead of git. */
  @Parameter(property = "contracts.baselineDirectory")
  File baselineDirectory;

  /** Fail the build on violations; false only reports them. */
  @Parameter(property = "contracts.failOnViolation", defaultValue = "true")
  boolean failOnViolation;

  /** How the report is printed: TEXT, JSON, JUNIT_XML or GITHUB. */
  @Parameter(property = "contracts.format", defaultValue = "TEXT")
  String format;

  /**
   * With a registry baseline: also ask the registry's own compatibility endpoint about each subject
   * and warn where it disagrees with our engine (our verdict still decides); every answer goes to
   * {@code target/contracts/registry-cross-check.json}.
   */
  @Parameter(property = "contracts.registry.crossCheck", defaultValue = "false")
  boolean crossCheck;

  /**
   * With a git baseline: pass with a warning when no git repository holds the contracts (a source
   * archive), instead of failing. A shallow clone fails whatever this says: its history exists
   * but was not fetched. A repository's first commit needs no baseline and passes.
   */
  @Parameter(property = "contracts.allowMissingBaseline", defaultValue = "false")
  boolean allowMissingBaseline;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    ReportFormat console = parseFormat();
    ContractsDirectory contracts = loadValid();
    AcceptedBreaks accepted = acceptedBreaks();
    Optional<RegistrySettings> registry = registry();
    long start = System.nanoTime();
    GateReport report;
    try {
      if (registry.isPresent()) {
        report = againstRegistry(contracts, accepted, registry.get());
      } else {
        Optional<Baseline> baseline = historyBaseline();
        if (baseline.isEmpty()) {
          return;
        }
        report = new ContractsGate().run(contracts, baseline.get(), accepted, LocalDate.now(), display());
      }
      ReportFormat.writeFiles(report, reportDirectory.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("the compatibility check could not run: " + e.getMessage(), e);
    }
    getLog().info("kafka-contracts: judged " + report.subjects().size() + " subjects against " + report.baseline()
        + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    print(report, console);
    if (report.fails(failOnWarning) && failOnViolation) {
      throw new MojoFailureException(report.failureCount(failOnWarning) + " (see above and "
          + display().apply(reportDirectory.toPath().resolve("compatibility.json"))
          + "). Fix each as its 'fix:' line says, or, for an intentional break, add an entry with a reason to "
          + display().apply(acceptedBreaks.toPath()) + ".");
    }
  }

  private ReportFormat parseFormat() throws MojoExecutionException {
    try {
      return ReportFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("contracts.format must be TEXT, JSON, JUNIT_XML or GITHUB, not '" + format + "'");
    }
  }

  /** The gate against a live registry, and with {@code crossCheck} the registry's own verdicts beside it. */
  private GateReport againstRegistry(ContractsDirectory contracts, AcceptedBreaks accepted, RegistrySettings settings)
      throws IOException {
    try (SchemaRegistryClient client = settings.client()) {
      GateReport report = RegistryBaseline.judge(client, "registry " + settings, contracts, accepted, parallelism,
          LocalDate.now(), display());
      if (crossCheck) {
        List<RegistryCrossCheck.Answer> answers = RegistryCrossCheck.run(client, contracts, report, parallelism);
        warnWhereTheRegistryDisagrees(answers);
        getLog().info("kafka-contracts: " + RegistryCrossCheck.agreement(answers));
        RegistryCrossCheck.write(answers, reportDirectory.toPath().resolve("registry-cross-check.json"));
      }
      return report;
    }
  }

  /** A directory baseline, else git; empty when no git repository holds the contracts and that is allowed. */
  private Optional<Baseline> historyBaseline() throws IOException, MojoExecutionException {
    if (baselineDirectory != null) {
      return Optional.of(new DirectoryBaseline(baselineDirectory.toPath()));
    }
    Optional<GitBaseline> git = GitBaseline.of(directory.toPath(), Optional.ofNullable(against));
    if (git.isEmpty() && allowMissingBaseline) {
      getLog().warn("kafka-contracts: no compatibility check: no git repository holds " + directory
          + " (contracts.allowMissingBaseline)");
    } else if (git.isEmpty()) {
      throw new MojoExecutionException("no baseline to check against: no git repository holds " + directory
          + ". Check the contracts in a git clone, or set contracts.baselineDirectory or contracts.registry.url");
    } else if (git.get().commit() == null) {
      getLog().info("kafka-contracts: " + git.get().describe());
    }
    return git.map(Baseline.class::cast);
  }
}
