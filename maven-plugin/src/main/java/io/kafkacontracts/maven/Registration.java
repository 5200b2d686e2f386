package io.kafkacontracts.maven;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.catalogue.TopicContract;
import io.kafkacontracts.registry.RegisteredSchema;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.avro.Schema;

/**
 * Registers the catalogue's contracts in two steps, so that a registry that cannot be read leaves
 * nothing half-done: {@link #inspect} reads what the registry holds for every subject (its
 * versions, whether it holds the schema, its level) and writes nothing; {@link #apply} then sets
 * each level that differs from the catalogue's and registers each schema the registry lacks,
 * idempotently. The registered text is the contract as written, every named type inlined, the text
 * the serdes look up. A dry run writes nothing and says per subject what would happen. One
 * subject's failure while writing does not stop the others; a rerun finishes what is left. Whether
 * a candidate may follow the registry's versions is the gate's to say, before either step
 * ({@link RegistryBaseline#judge}). Stateless.
 */
public final class Registration {

  private Registration() {}

  /** One subject to register: its schema text and level. */
  public record Candidate(String subject, String schema, CompatibilityLevel level) {
    public Candidate {
      requireNonNull(subject, "subject == null");
      requireNonNull(schema, "schema == null");
      requireNonNull(level, "level == null");
    }
  }

  /**
   * What the registry holds for a subject before anything is written.
   *
   * @param nextVersion the version a new schema would get (1 for a new subject)
   * @param found       the version holding the candidate's schema, if the registry has it
   * @param level       the level the registry holds the subject to (its own, else the global one),
   *                    empty if it says none
   */
  public record Current(Candidate candidate, int nextVersion, Optional<RegisteredSchema> found, String level) {
    public Current {
      requireNonNull(candidate, "candidate == null");
      requireNonNull(found, "found == null");
      requireNonNull(level, "level == null");
    }
  }

  /** What happened (or, in a dry run, would happen) to a subject. */
  public enum Outcome { UNCHANGED, NEW_VERSION, INCOMPATIBLE, FAILED }

  /**
   * One subject's result.
   *
   * @param version     the version holding the schema (UNCHANGED, NEW_VERSION; in a dry run the
   *                    version it would get), else 0
   * @param id          the schema id (0 in a dry run of a new version, and on failure)
   * @param levelBefore the registry's level for the subject before the run, empty if it said none
   * @param level       the catalogue's level, which the subject has after the run
   * @param detail      the registry's words for INCOMPATIBLE and FAILED, else empty
   */
  public record Result(String subject, Outcome outcome, int version, int id, String levelBefore, String level,
      String detail) {
    public Result {
      requireNonNull(subject, "subject == null");
      requireNonNull(outcome, "outcome == null");
      requireNonNull(levelBefore, "levelBefore == null");
      requireNonNull(level, "level == null");
      requireNonNull(detail, "detail == null");
    }

    /** Whether the run changes (or, dry, would change) the subject's level. */
    public boolean levelChanged() {
      return !levelBefore.equals(level);
    }

    /** "orders-value: new version 3 (id 17); level FULL -> FORWARD" and the like. */
    public String describe() {
      return subject + ": " + switch (outcome) {
        case UNCHANGED -> "unchanged, version " + version + " (id " + id + ")";
        case NEW_VERSION -> "new version " + version + (id > 0 ? " (id " + id + ")" : "");
        case INCOMPATIBLE -> "incompatible: " + detail;
        case FAILED -> "failed: " + detail;
      } + (levelChanged() ? "; level " + (levelBefore.isEmpty() ? "(none)" : levelBefore) + " -> " + level : "");
    }
  }

  /** Every subject of the catalogue once, values first per topic then keys, in catalogue order. */
  public static List<Candidate> candidates(ContractsDirectory contracts) {
    Map<String, Candidate> subjects = new LinkedHashMap<>();
    for (TopicContract topic : contracts.catalogue().topics()) {
      Schema value = contracts.schemas().type(topic.valueType()).orElseThrow();
      subjects.putIfAbsent(topic.valueSubject(), new Candidate(topic.valueSubject(), value.toString(), topic.compatibility()));
      topic.keySubject().ifPresent(subject -> subjects.putIfAbsent(subject,
          new Candidate(subject, contracts.keySchema(topic).orElseThrow().toString(), topic.compatibility())));
    }
    return List.copyOf(subjects.values());
  }

  /**
   * Reads what the registry holds for every candidate, {@code parallelism} subjects at a time, and
   * writes nothing.
   *
   * @throws SchemaRegistryException the first subject's failure, when the registry could not be
   *                                 read for every subject (nothing may be written then)
   */
  public static List<Current> inspect(SchemaRegistryClient registry, List<Candidate> candidates, int parallelism) {
    record Read(Current current, SchemaRegistryException failure) {}
    List<Read> reads = Parallel.map(candidates, parallelism, candidate -> {
      try {
        return new Read(current(registry, candidate), null);
      } catch (SchemaRegistryException e) {
        return new Read(null, e);
      }
    });
    for (Read read : reads) {
      if (read.failure() != null) {
        throw read.failure();
      }
    }
    return reads.stream().map(Read::current).toList();
  }

  private static Current current(SchemaRegistryClient registry, Candidate candidate) {
    String subject = candidate.subject();
    List<Integer> versions = existingVersions(registry, subject);
    Optional<RegisteredSchema> found = Optional.empty();
    if (!versions.isEmpty()) {
      try {
        found = Optional.of(registry.lookup(subject, RegistrySchema.avro(candidate.schema()), false, false));
      } catch (SchemaRegistryException e) {
        if (e.errorCode() != 40403 && e.errorCode() != 40401) {
          throw e;
        }
      }
    }
    int next = versions.isEmpty() ? 1 : versions.get(versions.size() - 1) + 1;
    return new Current(candidate, next, found, level(registry, subject));
  }

  private static String level(SchemaRegistryClient registry, String subject) {
    try {
      return registry.subjectCompatibility(subject, true).orElse("");
    } catch (SchemaRegistryException e) {
      if (e.status() == 404) {
        return "";
      }
      throw e;
    }
  }

  /**
   * Sets each subject's level to the catalogue's and registers each schema the registry lacks (or,
   * with {@code dryRun}, says what it would do), {@code parallelism} subjects at a time, reporting
   * each result to {@code progress} as it comes, one at a time.
   */
  public static List<Result> apply(SchemaRegistryClient registry, List<Current> inspected, boolean dryRun,
      int parallelism, Consumer<Result> progress) {
    Object reporting = new Object();
    return Parallel.map(inspected, parallelism, current -> {
      Result result = one(registry, current, dryRun);
      synchronized (reporting) { // numbered in the order printed
        progress.accept(result);
      }
      return result;
    });
  }

  private static Result one(SchemaRegistryClient registry, Current current, boolean dryRun) {
    Candidate candidate = current.candidate();
    String subject = candidate.subject();
    String level = candidate.level().name();
    try {
      if (!dryRun) {
        // Set every run, not only on a change: Apicurio 3.3 answers the global level for a subject without its own.
        registry.setSubjectCompatibility(subject, level);
      }
      if (current.found().isPresent()) {
        RegisteredSchema found = current.found().get();
        return new Result(subject, Outcome.UNCHANGED, found.version(), found.id(), current.level(), level, "");
      }
      if (dryRun) {
        return new Result(subject, Outcome.NEW_VERSION, current.nextVersion(), 0, current.level(), level, "");
      }
      RegistrySchema schema = RegistrySchema.avro(candidate.schema());
      int id = registry.register(subject, schema, false);
      RegisteredSchema registered = registry.lookup(subject, schema, false, false);
      return new Result(subject, Outcome.NEW_VERSION, registered.version(), id, current.level(), level, "");
    } catch (SchemaRegistryException e) {
      Outcome outcome = e.status() == 409 ? Outcome.INCOMPATIBLE : Outcome.FAILED;
      return new Result(subject, outcome, 0, 0, current.level(), level, e.getMessage());
    }
  }

  private static List<Integer> existingVersions(SchemaRegistryClient registry, String subject) {
    try {
      return registry.versions(subject);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == 40401) {
        return List.of();
      }
      throw e;
    }
  }
}
