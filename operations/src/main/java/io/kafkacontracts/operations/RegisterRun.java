package io.kafkacontracts.operations;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.AcceptedBreaks;
import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * {@code register} from start to end: the gate against the registry's versions first (our engine,
 * accepted breaks honoured), with the registry's own verdict beside it; then, only when the gate
 * passes, the registry read for every subject; then the writes ({@link Registration}). A gate that
 * fails, or a registry that cannot be read, leaves the registry as it was. Stateless.
 */
public final class RegisterRun {

  private RegisterRun() {}

  /**
   * What to register and how.
   *
   * @param contracts   the valid contracts directory
   * @param references  each named type in a subject of its own, the contracts referencing it
   * @param accepted    the intentional breaks the gate lets through
   * @param dryRun      say what would happen and write nothing
   * @param parallelism how many registry requests run at once
   * @param today       the date accepted breaks expire against
   * @param display     how file paths print in findings
   * @param normalize   ask the registry to normalize on lookup and registration (Confluent's
   *                    {@code normalize=true}): cosmetically different texts of one schema are one version
   */
  public record Request(ContractsDirectory contracts, boolean references, AcceptedBreaks accepted, boolean dryRun,
      int parallelism, LocalDate today, Function<Path, Path> display, boolean normalize) {

    /** Without asking the registry to normalize. */
    public Request(ContractsDirectory contracts, boolean references, AcceptedBreaks accepted, boolean dryRun,
        int parallelism, LocalDate today, Function<Path, Path> display) {
      this(contracts, references, accepted, dryRun, parallelism, today, display, false);
    }

    public Request {
      requireNonNull(contracts, "contracts == null");
      requireNonNull(accepted, "accepted == null");
      requireNonNull(today, "today == null");
      requireNonNull(display, "display == null");
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
      }
    }
  }

  /** Told what happens as it happens, so a front end can print it in order. Called from one thread at a time. */
  public interface Listener {

    /** Before anything is read: how many subjects the run covers. */
    default void starting(int subjects) {}

    /** The gate's verdict and the registry's own, before anything is written. */
    default void judged(GateReport gate, List<RegistryCrossCheck.Answer> registryVerdicts) {}

    /** One subject done: {@code number} counts results in the order they are reported. */
    default void done(Registration.Result result, int number, int total) {}
  }

  /**
   * What the run found and did.
   *
   * @param gate             the gate's report; when it fails, nothing was read further or written
   * @param registryVerdicts the registry's own compatibility verdict per judged subject
   * @param results          one per subject written (or, dry, that would be); empty when the gate failed
   */
  public record Outcome(GateReport gate, List<RegistryCrossCheck.Answer> registryVerdicts,
      List<Registration.Result> results) {

    public Outcome {
      requireNonNull(gate, "gate == null");
      registryVerdicts = List.copyOf(registryVerdicts);
      results = List.copyOf(results);
    }

    public long count(Registration.Outcome outcome) {
      return results.stream().filter(result -> result.outcome() == outcome).count();
    }

    /** Subjects the registry refused: incompatible at their level, or another no in its words. */
    public long refused() {
      return count(Registration.Outcome.INCOMPATIBLE) + count(Registration.Outcome.REFUSED);
    }

    /** Subjects whose writes got no answer or a server error: a rerun finds out what took effect. */
    public long failed() {
      return count(Registration.Outcome.FAILED);
    }

    /**
     * Whether an accepted break met the registry's own refusal: the registry knows nothing of
     * accepted breaks, only of levels.
     */
    public boolean acceptedBreakRefusedByTheRegistry() {
      return !gate.accepted().isEmpty() && count(Registration.Outcome.INCOMPATIBLE) > 0;
    }

    /**
     * "2 new versions, 44 unchanged, 0 refused, 1 levels changed" (dry: "would be registered", "would
     * change"), and ", 3 failed (no answer or a server error)" when any did.
     */
    public String summary(boolean dryRun) {
      long added = count(Registration.Outcome.NEW_VERSION);
      long levels = results.stream().filter(Registration.Result::levelChanged).count();
      return added + (dryRun ? " new versions would be registered, " : " new versions, ")
          + (results.size() - added - refused() - failed()) + " unchanged, " + refused() + " refused, " + levels
          + (dryRun ? " levels would change" : " levels changed")
          + (failed() > 0 ? ", " + failed() + " failed (no answer or a server error)" : "");
    }
  }

  /**
   * Runs the gate and, when it passes, the registration.
   *
   * @param description how the registry is named in the report, without credentials
   * @throws IOException                              when the registry's versions could not be read or parsed
   * @throws io.kafkacontracts.registry.SchemaRegistryException when the registry could not be read
   *                                                  for every subject; nothing was written then
   * @throws IllegalArgumentException                 when named types refer to each other in a cycle
   *                                                  and references were asked for
   */
  public static Outcome run(SchemaRegistryClient registry, String description, Request request, Listener listener)
      throws IOException {
    List<Registration.Candidate> candidates = Registration.candidates(request.contracts(), request.references());
    listener.starting(candidates.size());
    GateReport gate = RegistryBaseline.judge(registry, description, request.contracts(), request.accepted(),
        request.parallelism(), request.today(), request.display());
    List<RegistryCrossCheck.Answer> verdicts = RegistryCrossCheck.run(registry, request.contracts(), gate,
        request.parallelism());
    listener.judged(gate, verdicts);
    if (gate.fails()) {
      return new Outcome(gate, verdicts, List.of());
    }
    List<Registration.Current> current = Registration.inspect(registry, candidates, request.parallelism(),
        request.normalize());
    AtomicInteger number = new AtomicInteger();
    List<Registration.Result> results = Registration.apply(registry, current, request.dryRun(), request.parallelism(),
        result -> listener.done(result, number.incrementAndGet(), candidates.size()));
    return new Outcome(gate, verdicts, results);
  }
}
