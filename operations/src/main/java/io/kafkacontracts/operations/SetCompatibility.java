package io.kafkacontracts.operations;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.AcceptedBreaks;
import io.kafkacontracts.compat.CompatibilityReport;
import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.Rule;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code set-compatibility}: each subject's level in the registry set to the catalogue's, gated as
 * {@code register} gates it. A level weaker than the registry's holds for a subject with versions is
 * {@link Rule#LEVEL_RELAXED}, refused unless accepted in {@code accepted-breaks.yaml}; on a refusal
 * nothing is written. A dry run reads and writes nothing. Each subject is reported as
 * {@code subject: A -> B} or unchanged. Stateless.
 */
public final class SetCompatibility {

  private SetCompatibility() {}

  /**
   * One subject's level.
   *
   * @param before the registry's level before (its own, else the global one); empty if it said none
   * @param after  the catalogue's level
   * @param failure the registry's words when writing failed, else empty
   */
  public record Change(String subject, String before, String after, String failure) {
    public Change {
      requireNonNull(subject, "subject == null");
      requireNonNull(before, "before == null");
      requireNonNull(after, "after == null");
      requireNonNull(failure, "failure == null");
    }

    public boolean changes() {
      return !before.equals(after);
    }

    /** "orders-value: level FULL -> NONE", "orders-key: level BACKWARD, unchanged", or the failure. */
    public String describe() {
      return subject + ": " + (!failure.isEmpty() ? "failed: " + failure
          : changes() ? "level " + (before.isEmpty() ? "(none)" : before) + " -> " + after
          : "level " + after + ", unchanged");
    }
  }

  /**
   * What the run found and did.
   *
   * @param gate    the level gate: LEVEL_RELAXED findings, accepted or not; when it fails nothing was written
   * @param changes one per subject (empty when the gate failed)
   */
  public record Outcome(GateReport gate, List<Change> changes) {
    public Outcome {
      requireNonNull(gate, "gate == null");
      changes = List.copyOf(changes);
    }

    public long failed() {
      return changes.stream().filter(change -> !change.failure().isEmpty()).count();
    }

    /** "2 levels changed, 21 unchanged, 0 failed" (dry: "would change"). */
    public String summary(boolean dryRun) {
      long changed = changes.stream().filter(c -> c.failure().isEmpty() && c.changes()).count();
      return changed + (dryRun ? " levels would change, " : " levels changed, ")
          + (changes.size() - changed - failed()) + " unchanged, " + failed() + " failed";
    }
  }

  /**
   * Judges the levels against the registry, then (unless refused or dry) writes them.
   *
   * @param progress told of each subject as it is done, in catalogue order
   * @throws IOException when the registry's versions could not be read; nothing was written then
   * @throws SchemaRegistryException when its levels could not be read; nothing was written then
   */
  public static Outcome run(SchemaRegistryClient registry, String description, ContractsDirectory contracts,
      AcceptedBreaks accepted, boolean dryRun, int parallelism, LocalDate today, Function<Path, Path> display,
      Consumer<Change> progress) throws IOException {
    GateReport gate = levelsOnly(RegistryBaseline.judge(registry, description, contracts, accepted, parallelism,
        today, display));
    if (gate.fails()) {
      return new Outcome(gate, List.of());
    }
    List<Registration.Candidate> candidates = Registration.candidates(contracts);
    List<String> before = new ArrayList<>();
    for (Registration.Candidate candidate : candidates) {
      before.add(Registration.level(registry, candidate.subject()));
    }
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Registration.Candidate candidate = candidates.get(i);
      String failure = "";
      if (!dryRun && !before.get(i).equals(candidate.level().name())) {
        try {
          registry.setSubjectCompatibility(candidate.subject(), candidate.level().name());
        } catch (SchemaRegistryException e) {
          failure = e.getMessage();
        }
      }
      Change change = new Change(candidate.subject(), before.get(i), candidate.level().name(), failure);
      progress.accept(change);
      changes.add(change);
    }
    return new Outcome(gate, changes);
  }

  /**
   * The gate's report reduced to what levels decide: LEVEL_RELAXED findings and their accepted
   * breaks; of the problems, only an invalid accepted-breaks list (schema breaks are register's to judge).
   */
  private static GateReport levelsOnly(GateReport report) {
    return new GateReport(report.baseline(),
        report.subjects().stream().map(s -> new CompatibilityReport(s.subject(), s.level(), s.versionsChecked(),
            s.violations().stream().filter(v -> v.rule() == Rule.LEVEL_RELAXED).toList())).toList(),
        report.accepted().stream().filter(a -> a.violation().rule() == Rule.LEVEL_RELAXED).toList(),
        report.problems().stream().filter(p -> p.rule().equals("ACCEPTED_BREAKS_INVALID")).toList(),
        List.of());
  }
}
