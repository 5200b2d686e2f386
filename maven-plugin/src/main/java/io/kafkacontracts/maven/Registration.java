package io.kafkacontracts.maven;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.catalogue.TopicContract;
import io.kafkacontracts.registry.CompatibilityCheck;
import io.kafkacontracts.registry.RegisteredSchema;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.apache.avro.Schema;

/**
 * Registers the catalogue's contracts: each subject's level from the catalogue, then its schema,
 * idempotently (a subject that already holds the schema gets no new version). The registered text
 * is the contract as written, every named type inlined, the text the serdes look up. A dry run
 * writes nothing and says per subject what would happen. One subject's failure does not stop the
 * others; a rerun finishes what is left. Stateless.
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

  /** What happened (or, in a dry run, would happen) to a subject. */
  public enum Outcome { UNCHANGED, NEW_VERSION, INCOMPATIBLE, FAILED }

  /**
   * One subject's result.
   *
   * @param version the version holding the schema (UNCHANGED, NEW_VERSION; in a dry run the
   *                version it would get), else 0
   * @param id      the schema id (0 in a dry run of a new version, and on failure)
   * @param detail  the registry's words for INCOMPATIBLE and FAILED, else empty
   */
  public record Result(String subject, Outcome outcome, int version, int id, String detail) {
    public Result {
      requireNonNull(subject, "subject == null");
      requireNonNull(outcome, "outcome == null");
      requireNonNull(detail, "detail == null");
    }

    /** "orders-value: new version 3 (id 17)" and the like. */
    public String describe() {
      return subject + ": " + switch (outcome) {
        case UNCHANGED -> "unchanged, version " + version + " (id " + id + ")";
        case NEW_VERSION -> "new version " + version + (id > 0 ? " (id " + id + ")" : "");
        case INCOMPATIBLE -> "incompatible: " + detail;
        case FAILED -> "failed: " + detail;
      };
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
   * Registers (or, with {@code dryRun}, checks) every candidate, {@code parallelism} subjects at a
   * time, reporting each result to {@code progress} as it comes.
   */
  public static List<Result> run(SchemaRegistryClient registry, List<Candidate> candidates, boolean dryRun,
      int parallelism, Consumer<Result> progress) {
    return Parallel.map(candidates, parallelism, candidate -> {
      Result result = one(registry, candidate, dryRun);
      progress.accept(result);
      return result;
    });
  }

  private static Result one(SchemaRegistryClient registry, Candidate candidate, boolean dryRun) {
    String subject = candidate.subject();
    RegistrySchema schema = RegistrySchema.avro(candidate.schema());
    try {
      List<Integer> versions = existingVersions(registry, subject);
      if (!versions.isEmpty()) {
        try {
          RegisteredSchema found = registry.lookup(subject, schema, false, false);
          if (!dryRun) {
            registry.setSubjectCompatibility(subject, candidate.level().name());
          }
          return new Result(subject, Outcome.UNCHANGED, found.version(), found.id(), "");
        } catch (SchemaRegistryException e) {
          if (e.errorCode() != 40403 && e.errorCode() != 40401) {
            throw e;
          }
        }
      }
      int next = versions.isEmpty() ? 1 : versions.get(versions.size() - 1) + 1;
      if (dryRun) {
        if (!versions.isEmpty()) {
          CompatibilityCheck check = registry.testCompatibility(subject, schema, OptionalInt.empty(), true);
          if (!check.compatible()) {
            String why = check.messages().isEmpty()
                ? "the registry's compatibility check refuses it (it gave no details)"
                : String.join("; ", check.messages());
            return new Result(subject, Outcome.INCOMPATIBLE, 0, 0, why);
          }
        }
        return new Result(subject, Outcome.NEW_VERSION, next, 0, "");
      }
      registry.setSubjectCompatibility(subject, candidate.level().name());
      int id = registry.register(subject, schema, false);
      RegisteredSchema registered = registry.lookup(subject, schema, false, false);
      return new Result(subject, Outcome.NEW_VERSION, registered.version(), id, "");
    } catch (SchemaRegistryException e) {
      Outcome outcome = e.status() == 409 ? Outcome.INCOMPATIBLE : Outcome.FAILED;
      return new Result(subject, outcome, 0, 0, e.getMessage());
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
