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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The compatibility gate: every subject of the catalogue against its earlier versions at its level.
 * The baselines are {@code contracts.baseline}'s: by default ({@code auto}) the registry when
 * {@code contracts.registry.url} is set (its versions judged by our engine, so the verdict is the
 * same on every vendor), else a directory ({@code contracts.baselineDirectory}), else git
 * ({@code contracts.against}, default the merge-base with the default branch); or a list such as
 * {@code git,registry}, each judging and the findings merged (a pull request's gate: the history
 * and the topic rules from git, what registration will meet from the registry). Against git, edits
 * not yet committed are judged against HEAD too. With a registry, {@code contracts.registry.crossCheck}
 * also asks the registry's own compatibility endpoint and warns where it disagrees. Prints every
 * violation with file:line, path, rule and fix; writes {@code target/contracts/compatibility.json}
 * and {@code compatibility.xml} (JUnit), and GitHub workflow annotations when
 * {@code GITHUB_ACTIONS=true}.
 *
 * <pre>{@code
 * <execution><goals><goal>check</goal></goals>
 *   <configuration><against>origin/main</against></configuration></execution>
 * mvn verify -Dcontracts.baseline=git,registry
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

  /**
   * What to judge against: {@code auto} (default: the registry if a URL is set, else the baseline
   * directory if set, else git), or a comma-separated list of {@code git}, {@code registry} and
   * {@code directory}, all of which judge.
   */
  @Parameter(property = "contracts.baseline", defaultValue = "auto")
  String baseline;

  /**
   * Skips this goal alone (the other goals still run): for a step that builds what an earlier step
   * already judged, such as publishing after registration, which must not judge the registry state
   * registration itself just wrote.
   */
  @Parameter(property = "contracts.check.skip", defaultValue = "false")
  boolean skipCheck;

  /**
   * Delete the spent entries of the accepted-breaks list (those the baselines already hold) from its
   * file, after reporting them. Prune against the baselines that judge the change (with a registry,
   * {@code contracts.baseline=git,registry}): an entry spent in git may still be needed against a
   * registry that holds an old key subject.
   */
  @Parameter(property = "contracts.acceptedBreaks.prune", defaultValue = "false")
  boolean pruneAcceptedBreaks;

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
    if (skipCheck) {
      getLog().info("kafka-contracts: check skipped (contracts.check.skip)");
      return;
    }
    Set<String> chosen = baselines();
    ContractsDirectory contracts = loadValid();
    AcceptedBreaks accepted = acceptedBreaks();
    long start = System.nanoTime();
    GateReport report;
    try {
      List<Baseline> history = historyBaselines(chosen);
      if (chosen.contains(REGISTRY)) {
        report = againstRegistry(contracts, history, accepted, requireRegistry("contracts.baseline=registry"));
      } else if (history.isEmpty()) {
        return;
      } else {
        report = new ContractsGate().run(contracts, history, accepted, LocalDate.now(), display());
      }
      ReportFormat.writeFiles(report, reportDirectory.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("the compatibility check could not run: " + e.getMessage(), e);
    }
    getLog().info("kafka-contracts: judged " + report.subjects().size() + " subjects against " + report.baseline()
        + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    print(report, console);
    if (pruneAcceptedBreaks) {
      prune(accepted, report);
    }
    if (report.fails(failOnWarning) && failOnViolation) {
      throw new MojoFailureException(report.failureCount(failOnWarning) + " (see above and "
          + display().apply(reportDirectory.toPath().resolve("compatibility.json")) + "). "
          + report.howToFix(display().apply(acceptedBreaks.toPath()).toString()));
    }
  }

  /** Deletes the entries the report found spent from the accepted-breaks file, saying which lines went. */
  private void prune(AcceptedBreaks accepted, GateReport report) throws MojoExecutionException {
    List<AcceptedBreaks.Entry> spent = accepted.spent(report.problems());
    if (spent.isEmpty()) {
      getLog().info("kafka-contracts: no spent accepted break to delete");
      return;
    }
    try {
      String text = Files.readString(acceptedBreaks.toPath(), StandardCharsets.UTF_8);
      Files.writeString(acceptedBreaks.toPath(), AcceptedBreaks.without(text, spent), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot rewrite " + acceptedBreaks + ": " + e.getMessage(), e);
    }
    spent.forEach(entry -> getLog().info("kafka-contracts: deleted " + entry.lines() + " (spent: " + entry.rule()
        + " at " + entry.path() + " in subject '" + entry.subject() + "')"));
  }

  private static final String GIT = "git";
  private static final String REGISTRY = "registry";
  private static final String DIRECTORY = "directory";

  /** The baselines {@code contracts.baseline} names, {@code auto} resolved. */
  private Set<String> baselines() throws MojoExecutionException {
    if (baseline == null || baseline.isBlank() || baseline.strip().equalsIgnoreCase("auto")) {
      return Set.of(registry().isPresent() ? REGISTRY : baselineDirectory != null ? DIRECTORY : GIT);
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (String name : baseline.split(",")) {
      String one = name.strip().toLowerCase(Locale.ROOT);
      if (!Set.of(GIT, REGISTRY, DIRECTORY).contains(one)) {
        throw new MojoExecutionException("contracts.baseline must be auto, or a comma-separated list of git, registry "
            + "and directory, not '" + baseline + "'");
      }
      chosen.add(one);
    }
    if (chosen.contains(DIRECTORY) && baselineDirectory == null) {
      throw new MojoExecutionException("contracts.baseline names directory: set contracts.baselineDirectory too");
    }
    return chosen;
  }

  private ReportFormat parseFormat() throws MojoExecutionException {
    try {
      return ReportFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("contracts.format must be TEXT, JSON, JUNIT_XML or GITHUB, not '" + format + "'");
    }
  }

  /**
   * The gate against a live registry, after the {@code history} baselines, and with
   * {@code crossCheck} the registry's own verdicts beside it.
   */
  private GateReport againstRegistry(ContractsDirectory contracts, List<Baseline> history, AcceptedBreaks accepted,
      RegistrySettings settings) throws IOException {
    try (SchemaRegistryClient client = settings.client()) {
      GateReport report = RegistryBaseline.judge(client, "registry " + settings, contracts, history, accepted,
          parallelism, LocalDate.now(), display());
      if (crossCheck) {
        List<RegistryCrossCheck.Answer> answers = RegistryCrossCheck.run(client, contracts, report, parallelism);
        warnWhereTheRegistryDisagrees(answers);
        getLog().info("kafka-contracts: " + RegistryCrossCheck.agreement(answers));
        RegistryCrossCheck.write(answers, reportDirectory.toPath().resolve("registry-cross-check.json"));
      }
      return report;
    }
  }

  /**
   * The directory and git baselines chosen, git's working-tree baseline after git's; none when no
   * git repository holds the contracts and that is allowed.
   */
  private List<Baseline> historyBaselines(Set<String> chosen) throws IOException, MojoExecutionException {
    List<Baseline> history = new ArrayList<>();
    if (chosen.contains(DIRECTORY)) {
      history.add(new DirectoryBaseline(baselineDirectory.toPath()));
    }
    if (!chosen.contains(GIT)) {
      return history;
    }
    Optional<GitBaseline> git = GitBaseline.of(directory.toPath(), Optional.ofNullable(against));
    if (git.isEmpty() && allowMissingBaseline) {
      getLog().warn("kafka-contracts: no compatibility check against git: no git repository holds " + directory
          + " (contracts.allowMissingBaseline)");
    } else if (git.isEmpty()) {
      throw new MojoExecutionException("no baseline to check against: no git repository holds " + directory
          + ". Check the contracts in a git clone, or set contracts.baselineDirectory or contracts.registry.url");
    } else {
      if (git.get().commit() == null) {
        getLog().info("kafka-contracts: " + git.get().describe());
      }
      history.add(git.get());
      git.get().workingTree().ifPresent(history::add);
    }
    return history;
  }
}
