package io.kafkacontracts.maven;

import io.kafkacontracts.compat.AcceptedBreaks;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.compat.report.ReportFormat;
import io.kafkacontracts.operations.CheckRun;
import io.kafkacontracts.operations.RegistryCrossCheck;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    AcceptedBreaks accepted = acceptedBreaks();
    CheckRun.Request request = new CheckRun.Request(loadValid(), baseline == null ? "auto" : baseline,
        Optional.ofNullable(against), Optional.ofNullable(baselineDirectory).map(File::toPath), registry(), accepted,
        crossCheck, allowMissingBaseline, parallelism, LocalDate.now(), display());
    long start = System.nanoTime();
    CheckRun.Outcome outcome;
    try {
      outcome = CheckRun.run(request);
      if (outcome.crossCheck().isPresent()) {
        List<RegistryCrossCheck.Answer> answers = outcome.crossCheck().get();
        warnWhereTheRegistryDisagrees(answers);
        getLog().info("kafka-contracts: " + RegistryCrossCheck.agreement(answers));
        RegistryCrossCheck.write(answers, reportDirectory.toPath().resolve("registry-cross-check.json"));
      }
      if (outcome.report().isPresent()) {
        ReportFormat.writeFiles(outcome.report().get(), reportDirectory.toPath());
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new MojoExecutionException(e.getMessage() + " (contracts.baseline, contracts.against, "
          + "contracts.baselineDirectory, contracts.registry.url, contracts.allowMissingBaseline)", e);
    } catch (IOException e) {
      throw new MojoExecutionException("the compatibility check could not run: " + e.getMessage(), e);
    }
    outcome.notes().forEach(note -> getLog().info("kafka-contracts: " + note));
    outcome.warnings().forEach(warning -> getLog().warn("kafka-contracts: " + warning));
    if (outcome.report().isEmpty()) {
      return;
    }
    GateReport report = outcome.report().get();
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

  private ReportFormat parseFormat() throws MojoExecutionException {
    try {
      return ReportFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("contracts.format must be TEXT, JSON, JUNIT_XML or GITHUB, not '" + format + "'");
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
}
