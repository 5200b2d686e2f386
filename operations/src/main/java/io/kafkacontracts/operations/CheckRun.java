package io.kafkacontracts.operations;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.AcceptedBreaks;
import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.ContractsGate;
import io.kafkacontracts.compat.baseline.Baseline;
import io.kafkacontracts.compat.baseline.DirectoryBaseline;
import io.kafkacontracts.compat.baseline.GitBaseline;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code check} from start to end, for every front end: the baselines chosen ({@code auto}, or a
 * list of git, registry and directory), git's working-tree baseline beside git's history, the gate
 * over all of them, and with a registry its own verdicts beside ours. Stateless.
 */
public final class CheckRun {

  private CheckRun() {}

  /** Where earlier versions may come from. */
  public enum BaselineKind { GIT, REGISTRY, DIRECTORY }

  /**
   * What to judge and against what.
   *
   * @param contracts           the valid contracts directory
   * @param baselines           {@code auto} (a registry when set, else a directory when set, else git), or a
   *                            comma-separated list of {@code git}, {@code registry} and {@code directory}
   * @param against             the git ref of git's baseline; empty for the merge-base with the default branch
   * @param baselineDirectory   a directory baseline, if any
   * @param registry            the registry, if one is configured
   * @param accepted            the accepted-breaks list
   * @param crossCheck          with a registry, ask its own compatibility check too
   * @param allowMissingGit     with git, pass (with a note) where no git repository holds the contracts
   * @param parallelism         registry requests at once
   * @param today               the date accepted breaks expire by
   * @param display             how files are named in findings
   */
  public record Request(ContractsDirectory contracts, String baselines, Optional<String> against,
      Optional<Path> baselineDirectory, Optional<RegistrySettings> registry, AcceptedBreaks accepted,
      boolean crossCheck, boolean allowMissingGit, int parallelism, LocalDate today, Function<Path, Path> display) {

    public Request {
      requireNonNull(contracts, "contracts == null");
      requireNonNull(baselines, "baselines == null");
      requireNonNull(against, "against == null");
      requireNonNull(baselineDirectory, "baselineDirectory == null");
      requireNonNull(registry, "registry == null");
      requireNonNull(accepted, "accepted == null");
      requireNonNull(today, "today == null");
      requireNonNull(display, "display == null");
    }
  }

  /**
   * What the run found.
   *
   * @param report     the gate's report; empty when no baseline could judge and that is allowed
   * @param notes      what to tell the user besides the report (the repository's first commit)
   * @param warnings   what was not judged (no git repository holds the contracts, and that was allowed)
   * @param crossCheck the registry's own verdicts, when asked for and a registry judged
   */
  public record Outcome(Optional<GateReport> report, List<String> notes, List<String> warnings,
      Optional<List<RegistryCrossCheck.Answer>> crossCheck) {
    public Outcome {
      requireNonNull(report, "report == null");
      notes = List.copyOf(notes);
      warnings = List.copyOf(warnings);
      crossCheck = crossCheck.map(List::copyOf);
    }
  }

  /**
   * The baselines a request names, {@code auto} resolved.
   *
   * @throws IllegalArgumentException for an unknown name, or a baseline whose settings are missing
   */
  public static Set<BaselineKind> baselines(String spec, boolean registrySet, boolean directorySet) {
    if (spec.isBlank() || spec.strip().equalsIgnoreCase("auto")) {
      return EnumSet.of(registrySet ? BaselineKind.REGISTRY : directorySet ? BaselineKind.DIRECTORY : BaselineKind.GIT);
    }
    Set<BaselineKind> chosen = EnumSet.noneOf(BaselineKind.class);
    for (String name : spec.split(",")) {
      try {
        chosen.add(BaselineKind.valueOf(name.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the baselines must be auto, or a comma-separated list of git, registry "
            + "and directory, not '" + spec + "'", e);
      }
    }
    if (chosen.contains(BaselineKind.REGISTRY) && !registrySet) {
      throw new IllegalArgumentException("the baselines name registry: set the registry's URL too");
    }
    if (chosen.contains(BaselineKind.DIRECTORY) && !directorySet) {
      throw new IllegalArgumentException("the baselines name directory: set the baseline directory too");
    }
    return chosen;
  }

  /**
   * Runs the gate against the chosen baselines.
   *
   * @throws IllegalArgumentException when the baselines are misnamed or their settings are missing
   * @throws IllegalStateException    when git is chosen, no git repository holds the contracts, and
   *                                  that is not allowed
   * @throws IOException              when a baseline could not be read
   */
  public static Outcome run(Request request) throws IOException {
    Set<BaselineKind> chosen = baselines(request.baselines(), request.registry().isPresent(),
        request.baselineDirectory().isPresent());
    List<String> notes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<Baseline> history = new ArrayList<>();
    if (chosen.contains(BaselineKind.DIRECTORY)) {
      history.add(new DirectoryBaseline(request.baselineDirectory().orElseThrow()));
    }
    if (chosen.contains(BaselineKind.GIT)) {
      Optional<GitBaseline> git = GitBaseline.of(request.contracts().root(), request.against());
      if (git.isEmpty() && !request.allowMissingGit()) {
        throw new IllegalStateException("no baseline to check against: no git repository holds "
            + request.contracts().root() + ". Check the contracts in a git clone, or set a baseline directory or a "
            + "registry");
      } else if (git.isEmpty()) {
        warnings.add("no compatibility check against git: no git repository holds " + request.contracts().root());
      } else {
        if (git.get().commit() == null) {
          notes.add(git.get().describe());
        }
        history.add(git.get());
        git.get().workingTree().ifPresent(history::add);
      }
    }
    if (!chosen.contains(BaselineKind.REGISTRY)) {
      return new Outcome(history.isEmpty() ? Optional.empty() : Optional.of(new ContractsGate().run(
          request.contracts(), history, request.accepted(), request.today(), request.display())), notes, warnings,
          Optional.empty());
    }
    RegistrySettings settings = request.registry().orElseThrow();
    try (SchemaRegistryClient client = settings.client()) {
      GateReport report = RegistryBaseline.judge(client, "registry " + settings, request.contracts(), history,
          request.accepted(), request.parallelism(), request.today(), request.display());
      Optional<List<RegistryCrossCheck.Answer>> answers = request.crossCheck()
          ? Optional.of(RegistryCrossCheck.run(client, request.contracts(), report, request.parallelism()))
          : Optional.empty();
      return new Outcome(Optional.of(report), notes, warnings, answers);
    }
  }
}
