package io.kafkacontracts.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkacontracts.compat.AcceptedBreaks;
import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.ContractsGate;
import io.kafkacontracts.compat.baseline.Baseline;
import io.kafkacontracts.compat.baseline.DirectoryBaseline;
import io.kafkacontracts.compat.baseline.GitBaseline;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.compat.report.ReportFormat;
import io.kafkacontracts.registry.SchemaRegistryClient;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  private static final ObjectMapper JSON = new ObjectMapper();

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
    GateReport report = registry.isPresent() ? againstRegistry(contracts, accepted, registry.get())
        : againstHistory(contracts, accepted);
    if (report == null) {
      return;
    }
    writeReports(report);
    String rendered = console.render(report);
    if (console == ReportFormat.GITHUB) {
      // Workflow commands are read from stdout lines as they are, without Maven's log prefix.
      System.out.print(rendered);
    } else if (report.fails()) {
      rendered.lines().forEach(getLog()::error);
    } else {
      rendered.lines().forEach(getLog()::info);
    }
    if ("true".equals(environment.apply("GITHUB_ACTIONS")) && console != ReportFormat.GITHUB) {
      System.out.print(ReportFormat.GITHUB.render(report));
    }
    if (report.fails() && failOnViolation) {
      throw new MojoFailureException(count(report) + " (see above and "
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

  /**
   * The gate against a live registry: every subject's versions are fetched ahead, in parallel, and
   * each subject is judged as soon as its versions are in.
   */
  private GateReport againstRegistry(ContractsDirectory contracts, AcceptedBreaks accepted, RegistrySettings settings)
      throws MojoExecutionException {
    try (SchemaRegistryClient client = settings.client()) {
      long start = System.nanoTime();
      GateReport report;
      try {
        report = RegistryBaseline.judge(client, "registry " + settings, contracts, accepted, parallelism,
            LocalDate.now(), display());
      } catch (IOException e) {
        throw new MojoExecutionException("the compatibility check could not run: " + e.getMessage(), e);
      }
      getLog().info(String.format("kafka-contracts: fetched what %d subjects' levels need from %s and judged them "
          + "in %d ms", report.subjects().size(), settings, (System.nanoTime() - start) / 1_000_000));
      if (crossCheck) {
        crossCheck(client, contracts, report);
      }
      return report;
    }
  }

  private void crossCheck(SchemaRegistryClient client, ContractsDirectory contracts, GateReport report)
      throws MojoExecutionException {
    Map<String, Boolean> ours = new HashMap<>();
    report.subjects().forEach(subject -> ours.put(subject.subject(), subject.isCompatible()));
    report.accepted().forEach(accepted -> ours.put(accepted.subject(), false));
    List<RegistryCrossCheck.Answer> answers = RegistryCrossCheck.run(client, Registration.candidates(contracts), ours,
        parallelism);
    answers.stream().filter(answer -> answer.disagrees() || answer.failure().isPresent())
        .forEach(answer -> getLog().warn("kafka-contracts: " + answer.describe()));
    long compared = answers.stream().filter(answer -> answer.registryCompatible().isPresent()).count();
    long agreeing = compared - answers.stream().filter(RegistryCrossCheck.Answer::disagrees).count();
    getLog().info("kafka-contracts: the registry's own compatibility check agrees on " + agreeing + " of " + compared
        + " subjects it knows" + (agreeing == compared ? "" : " (see the warnings above)"));
    ArrayNode json = JSON.createArrayNode();
    for (RegistryCrossCheck.Answer answer : answers) {
      ObjectNode node = json.addObject().put("subject", answer.subject()).put("oursCompatible", answer.oursCompatible());
      answer.registryCompatible().ifPresent(compatible -> node.put("registryCompatible", compatible));
      answer.registryLevel().ifPresent(level -> node.put("registryLevel", level));
      answer.registryMessages().forEach(node.withArray("registryMessages")::add);
      answer.failure().ifPresent(failure -> node.put("failure", failure));
      node.put("disagrees", answer.disagrees());
    }
    try {
      Files.createDirectories(reportDirectory.toPath());
      JSON.writerWithDefaultPrettyPrinter().writeValue(
          reportDirectory.toPath().resolve("registry-cross-check.json").toFile(), json);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the cross-check report: " + e.getMessage(), e);
    }
  }

  /** The gate against a directory or git history; null when a missing git baseline is allowed. */
  private GateReport againstHistory(ContractsDirectory contracts, AcceptedBreaks accepted)
      throws MojoExecutionException {
    Baseline baseline;
    try {
      baseline = historyBaseline();
    } catch (IOException e) {
      throw new MojoExecutionException("the compatibility check could not run: " + e.getMessage(), e);
    }
    if (baseline == null) {
      return null;
    }
    long start = System.nanoTime();
    GateReport report = gate(contracts, baseline, accepted);
    getLog().info("kafka-contracts: the gate ran in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    return report;
  }

  private GateReport gate(ContractsDirectory contracts, Baseline baseline, AcceptedBreaks accepted)
      throws MojoExecutionException {
    try {
      return new ContractsGate().run(contracts, baseline, accepted, LocalDate.now(), display());
    } catch (IOException e) {
      throw new MojoExecutionException("the compatibility check could not run: " + e.getMessage(), e);
    }
  }

  /** A directory baseline, else git; null when a missing git baseline is allowed. */
  private Baseline historyBaseline() throws IOException, MojoExecutionException {
    if (baselineDirectory != null) {
      return new DirectoryBaseline(baselineDirectory.toPath());
    }
    Path root = gitRoot(directory.toPath());
    if (root == null) {
      return missing("no git repository holds " + directory);
    }
    String folder = root.relativize(directory.toPath().toAbsolutePath().normalize().resolve(ContractsDirectory.SCHEMA_FOLDER))
        .toString().replace(File.separatorChar, '/');
    GitBaseline git = new GitBaseline(root, folder, Optional.ofNullable(against).filter(a -> !a.isBlank()));
    if (git.commit() == null) {
      getLog().info("kafka-contracts: " + git.describe());
    }
    return git;
  }

  private Baseline missing(String why) throws MojoExecutionException {
    if (allowMissingBaseline) {
      getLog().warn("kafka-contracts: no compatibility check: " + why + " (contracts.allowMissingBaseline)");
      return null;
    }
    throw new MojoExecutionException("no baseline to check against: " + why + ". Check the contracts in a git "
        + "clone, or set contracts.baselineDirectory or contracts.registry.url");
  }

  private static Path gitRoot(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return dir;
      }
    }
    return null;
  }

  private void writeReports(GateReport report) throws MojoExecutionException {
    try {
      Files.createDirectories(reportDirectory.toPath());
      Files.writeString(reportDirectory.toPath().resolve("compatibility.json"), ReportFormat.JSON.render(report),
          StandardCharsets.UTF_8);
      Files.writeString(reportDirectory.toPath().resolve("compatibility.xml"), ReportFormat.JUNIT_XML.render(report),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the reports to " + reportDirectory + ": " + e.getMessage(), e);
    }
  }
}
