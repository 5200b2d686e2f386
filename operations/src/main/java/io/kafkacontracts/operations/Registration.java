package io.kafkacontracts.operations;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.catalogue.CatalogueSubject;
import io.kafkacontracts.compat.catalogue.KeyFormat;
import io.kafkacontracts.compat.catalogue.TopicContract;
import io.kafkacontracts.registry.ListedSchema;
import io.kafkacontracts.registry.RegisteredSchema;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaReference;
import io.kafkacontracts.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.avro.Schema;

/**
 * Registers the catalogue's contracts in two steps, so that a registry that cannot be read leaves
 * nothing half-done: {@link #inspect} reads what the registry holds for every subject (its
 * versions, whether it holds the schema, its level; the versions in bulk where the registry lists
 * them, {@link RegistryListing}) and writes nothing; {@link #apply} then sets
 * each level that differs from the catalogue's and registers each schema the registry lacks,
 * idempotently. The registered text is the contract as written, every named type inlined, the text
 * the serdes look up. A dry run writes nothing and says per subject what would happen. One
 * subject's failure while writing does not stop the others; a rerun finishes what is left. Whether
 * a candidate may follow the registry's versions is the gate's to say, before either step
 * ({@link RegistryBaseline#judge}). Stateless.
 */
public final class Registration {

  private Registration() {}

  /**
   * One subject to register: its schema text and level.
   *
   * @param references the full names of the named types the text names without writing them in,
   *                   each registered in the subject of that name (Confluent's schema
   *                   references); empty when every named type is written in
   */
  public record Candidate(String subject, String schema, CompatibilityLevel level, List<String> references) {
    public Candidate {
      requireNonNull(subject, "subject == null");
      requireNonNull(schema, "schema == null");
      requireNonNull(level, "level == null");
      references = List.copyOf(references);
    }

    /** A subject whose text has every named type written in. */
    public Candidate(String subject, String schema, CompatibilityLevel level) {
      this(subject, schema, level, List.of());
    }
  }

  /**
   * What the registry holds for a subject before anything is written.
   *
   * @param nextVersion the version a new schema would get (1 for a new subject)
   * @param found       the version holding the candidate's schema, if the registry has it
   * @param level       the level the registry holds the subject to (its own, else the global one),
   *                    empty if it says none
   * @param normalize   whether the registry was asked to normalize the schema (Confluent's
   *                    {@code normalize=true}) on lookup, and so will be on registration
   */
  public record Current(Candidate candidate, int nextVersion, Optional<RegisteredSchema> found, String level,
      boolean normalize) {
    public Current {
      requireNonNull(candidate, "candidate == null");
      requireNonNull(found, "found == null");
      requireNonNull(level, "level == null");
    }

    /** Without normalizing. */
    public Current(Candidate candidate, int nextVersion, Optional<RegisteredSchema> found, String level) {
      this(candidate, nextVersion, found, level, false);
    }
  }

  /**
   * What happened (or, in a dry run, would happen) to a subject: {@code INCOMPATIBLE} the registry
   * refused the schema at the subject's level (409); {@code REFUSED} it said no otherwise (another
   * 4xx); {@code FAILED} it gave no answer or a server error, so whether a write took effect is
   * for a rerun to find out.
   */
  public enum Outcome { UNCHANGED, NEW_VERSION, INCOMPATIBLE, REFUSED, FAILED }

  /**
   * One subject's result.
   *
   * @param version     the version holding the schema (UNCHANGED, NEW_VERSION; in a dry run the
   *                    version it would get), else 0; 0 for a NEW_VERSION whose version could not be
   *                    read back (its registration was answered with its id)
   * @param id          the schema id (0 in a dry run of a new version, and on failure)
   * @param levelBefore the registry's level for the subject before the run, empty if it said none
   * @param level       the subject's level after the run: the catalogue's once its write was
   *                    answered, else the level before
   * @param detail      the registry's words (or the missing answer) for INCOMPATIBLE, REFUSED and
   *                    FAILED, and for a NEW_VERSION not confirmed; else empty
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

    /** Whether the subject holds (or, dry, would hold) its schema: unchanged or a new version. */
    public boolean succeeded() {
      return outcome == Outcome.UNCHANGED || outcome == Outcome.NEW_VERSION;
    }

    /** Whether the run changes (or, dry, would change) the subject's level. */
    public boolean levelChanged() {
      return !levelBefore.equals(level);
    }

    /** "orders-value: new version 3 (id 17); level FULL -> FORWARD" and the like. */
    public String describe() {
      return subject + ": " + switch (outcome) {
        case UNCHANGED -> "unchanged, version " + version + " (id " + id + ")";
        case NEW_VERSION -> version > 0 ? "new version " + version + (id > 0 ? " (id " + id + ")" : "")
            : "new version (id " + id + "; the registry answered the registration, its version number was not "
                + "confirmed: " + detail + ")";
        case INCOMPATIBLE -> "incompatible: " + detail;
        case REFUSED -> "refused: " + detail;
        case FAILED -> "failed: " + detail;
      } + (levelChanged() ? "; level " + (levelBefore.isEmpty() ? "(none)" : levelBefore) + " -> " + level : "");
    }
  }

  /**
   * Every subject to register with {@code references}: each named type a contract uses is
   * registered in a subject of its own, named by its full name (RecordNameStrategy's name), and
   * the schemas that use it name it and carry a reference to it; every subject comes after the
   * ones it references. A named type used by several contracts gets the strictest of their levels
   * combined. Without {@code references}, {@link #candidates(ContractsDirectory)}.
   *
   * @throws IllegalArgumentException when named types refer to each other in a cycle, which
   *                                  references cannot express
   */
  public static List<Candidate> candidates(ContractsDirectory contracts, boolean references) {
    if (!references) {
      return candidates(contracts);
    }
    Map<String, Candidate> ordered = new LinkedHashMap<>();
    for (TopicContract topic : contracts.catalogue().topics()) {
      Schema value = contracts.schemas().type(topic.valueType()).orElseThrow();
      withReferences(value, topic.valueSubject(), topic.compatibility(), ordered, new ArrayList<>());
      Optional<Schema> key = contracts.keySchema(topic);
      topic.keySubject().ifPresent(subject -> {
        if (isNamed(key.orElseThrow())) {
          withReferences(key.get(), subject, topic.compatibility(), ordered, new ArrayList<>());
        } else {
          ordered.putIfAbsent(subject, new Candidate(subject, key.get().toString(), topic.compatibility()));
        }
      });
    }
    return List.copyOf(ordered.values());
  }

  /** Adds the types {@code schema} names, theirs first, then {@code schema} itself under {@code subject}. */
  private static void withReferences(Schema schema, String subject, CompatibilityLevel level,
      Map<String, Candidate> ordered, List<String> path) {
    if (path.contains(schema.getFullName())) {
      throw new IllegalArgumentException("named types refer to each other in a cycle (" + String.join(" -> ", path)
          + " -> " + schema.getFullName() + "), which schema references cannot express: register them inlined");
    }
    path.add(schema.getFullName());
    Set<Schema> named = new LinkedHashSet<>();
    namedIn(schema, schema, named, false);
    for (Schema type : named) {
      withReferences(type, type.getFullName(), level, ordered, path);
    }
    path.remove(path.size() - 1);
    Set<Schema> allNamed = new LinkedHashSet<>();
    namedIn(schema, schema, allNamed, true);
    Candidate candidate = new Candidate(subject, schema.toString(allNamed, false), level,
        named.stream().map(Schema::getFullName).toList());
    ordered.merge(subject, candidate, (earlier, again) -> new Candidate(subject, earlier.schema(),
        earlier.level().combinedWith(level), earlier.references()));
  }

  /**
   * The named types {@code schema} uses other than {@code root}: only those it names directly,
   * or with {@code deep} also the ones those use.
   */
  private static void namedIn(Schema schema, Schema root, Set<Schema> found, boolean deep) {
    switch (schema.getType()) {
      case RECORD -> {
        if (schema == root ? found.contains(root) : !found.add(schema) || !deep) {
          return; // named already, or a record that refers to itself
        }
        if (schema == root) {
          found.add(root);
        }
        schema.getFields().forEach(field -> namedIn(field.schema(), root, found, deep));
        if (schema == root) {
          found.remove(root);
        }
      }
      case ENUM, FIXED -> {
        if (schema != root) {
          found.add(schema);
        }
      }
      case UNION -> schema.getTypes().forEach(branch -> namedIn(branch, root, found, deep));
      case ARRAY -> namedIn(schema.getElementType(), root, found, deep);
      case MAP -> namedIn(schema.getValueType(), root, found, deep);
      default -> { }
    }
  }

  /** Every named type {@code root} uses, however deep, other than itself (import writes each to its own file). */
  static Set<Schema> namedTypesWithin(Schema root) {
    Set<Schema> named = new LinkedHashSet<>();
    namedIn(root, root, named, true);
    return named;
  }

  static boolean isNamed(Schema schema) {
    return schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM
        || schema.getType() == Schema.Type.FIXED;
  }

  /** The topics whose keys are plain (Kafka's own serializers): they have no key subject to register. */
  public static List<String> plainKeyTopics(ContractsDirectory contracts) {
    return contracts.catalogue().topics().stream()
        .filter(topic -> topic.key().format() == KeyFormat.PLAIN)
        .map(TopicContract::name).toList();
  }

  /**
   * Every subject of the catalogue once, values first per topic then keys, in catalogue order: the
   * gate's list ({@link CatalogueSubject#of}), so that every subject written is one the gate judged.
   */
  public static List<Candidate> candidates(ContractsDirectory contracts) {
    return CatalogueSubject.of(contracts.catalogue().topics()).stream().map(s -> new Candidate(s.subject(),
        contracts.schemas().typeOrPrimitive(s.typeName()).orElseThrow().toString(), s.level())).toList();
  }

  /**
   * Reads what the registry holds for every candidate, {@code parallelism} subjects at a time, and
   * writes nothing.
   *
   * @throws SchemaRegistryException the first subject's failure, when the registry could not be
   *                                 read for every subject (nothing may be written then)
   */
  public static List<Current> inspect(SchemaRegistryClient registry, List<Candidate> candidates, int parallelism) {
    return inspect(registry, candidates, parallelism, false);
  }

  /**
   * As {@link #inspect(SchemaRegistryClient, List, int)}, asking the registry to normalize each
   * schema (Confluent's {@code normalize=true}) so that a text differing only cosmetically from a
   * registered version is found in it; {@link #apply} then registers with it too.
   */
  public static List<Current> inspect(SchemaRegistryClient registry, List<Candidate> candidates, int parallelism,
      boolean normalize) {
    Optional<RegistryListing> listing = RegistryListing.of(registry, candidates.stream().map(Candidate::subject).toList())
        .listing();
    if (candidates.stream().anyMatch(candidate -> !candidate.references().isEmpty())) {
      // A reference names a version: each subject is read after those it references, with the
      // versions they hold or would get.
      Map<String, Integer> versions = new HashMap<>();
      List<Current> inspected = new ArrayList<>();
      for (Candidate candidate : candidates) {
        Current current = current(registry, listing, candidate, withReferences(candidate, versions), normalize);
        versions.put(candidate.subject(), current.found().map(RegisteredSchema::version).orElse(current.nextVersion()));
        inspected.add(current);
      }
      return List.copyOf(inspected);
    }
    record Read(Current current, SchemaRegistryException failure) {}
    List<Read> reads = Parallel.map(candidates, parallelism, candidate -> {
      try {
        return new Read(current(registry, listing, candidate, RegistrySchema.avro(candidate.schema()), normalize),
            null);
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

  /**
   * A subject's versions and the one holding the schema: from the registry's listing where it lists
   * in bulk (asking the registry only when no listed version has the schema's very text, as after
   * an edit: its lookup knows when two texts are the same schema), else asked for by themselves.
   */
  private static Current current(SchemaRegistryClient registry, Optional<RegistryListing> listing, Candidate candidate,
      RegistrySchema schema, boolean normalize) {
    String subject = candidate.subject();
    List<ListedSchema> listed = listing.map(all -> all.versions(subject)).orElse(List.of());
    List<Integer> versions = listing.isPresent()
        ? listed.stream().map(version -> version.version().getAsInt()).toList()
        : existingVersions(registry, subject);
    Optional<RegisteredSchema> found = versions.isEmpty() ? Optional.empty()
        : sameText(subject, listed, schema).or(() -> find(registry, subject, schema, normalize));
    int next = versions.isEmpty() ? 1 : versions.get(versions.size() - 1) + 1;
    return new Current(candidate, next, found, level(registry, subject), normalize);
  }

  /** The latest listed version whose text, type and references are the schema's exactly. */
  private static Optional<RegisteredSchema> sameText(String subject, List<ListedSchema> listed, RegistrySchema schema) {
    for (int i = listed.size() - 1; i >= 0; i--) {
      ListedSchema version = listed.get(i);
      if (version.schema().equals(schema)) {
        return Optional.of(new RegisteredSchema(subject, version.id(), version.version().getAsInt(), schema));
      }
    }
    return Optional.empty();
  }

  /** The version holding the schema, if the subject has one. */
  private static Optional<RegisteredSchema> find(SchemaRegistryClient registry, String subject, RegistrySchema schema,
      boolean normalize) {
    try {
      return Optional.of(registry.lookup(subject, schema, normalize, false));
    } catch (SchemaRegistryException e) {
      // 40402: a reference names a version not registered yet (in a dry run), so neither is this schema.
      if (e.errorCode() == 40403 || e.errorCode() == 40401 || e.errorCode() == 40402) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The candidate as the registry takes it: with a reference to each type it names, at its version. */
  private static RegistrySchema withReferences(Candidate candidate, Map<String, Integer> versions) {
    return new RegistrySchema(candidate.schema(), RegistrySchema.AVRO, candidate.references().stream()
        .map(name -> new SchemaReference(name, name, versions.get(name))).toList());
  }

  /** The level the registry holds the subject to (its own, else the global one); empty if it says none. */
  static String level(SchemaRegistryClient registry, String subject) {
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
    Function<Result, Result> report = result -> {
      synchronized (reporting) { // numbered in the order printed
        progress.accept(result);
      }
      return result;
    };
    if (inspected.stream().allMatch(current -> current.candidate().references().isEmpty())) {
      return Parallel.map(inspected, parallelism, current -> report.apply(
          one(registry, current, RegistrySchema.avro(current.candidate().schema()), dryRun)));
    }
    // A reference names the version its type holds after this run: one subject at a time, in order.
    Map<String, Integer> versions = new HashMap<>();
    List<Result> results = new ArrayList<>();
    for (Current current : inspected) {
      Candidate candidate = current.candidate();
      Optional<String> missing = candidate.references().stream().filter(name -> !versions.containsKey(name)).findFirst();
      Result result = missing.isPresent()
          ? new Result(candidate.subject(), Outcome.FAILED, 0, 0, current.level(), candidate.level().name(),
              "not written: the type it references, '" + missing.get() + "', was not registered")
          : one(registry, current, withReferences(candidate, versions), dryRun);
      if (result.outcome() == Outcome.UNCHANGED || result.outcome() == Outcome.NEW_VERSION) {
        versions.put(candidate.subject(), result.version());
      }
      results.add(report.apply(result));
    }
    return List.copyOf(results);
  }

  private static Result one(SchemaRegistryClient registry, Current current, RegistrySchema schema, boolean dryRun) {
    Candidate candidate = current.candidate();
    String subject = candidate.subject();
    String level = candidate.level().name();
    if (!dryRun) {
      try {
        // Set every run, not only on a change: Apicurio 3.3 answers the global level for a subject without its own.
        registry.setSubjectCompatibility(subject, level);
      } catch (SchemaRegistryException e) {
        // Not written (as far as any answer says): the level stays as it was, and the schema is not tried.
        return new Result(subject, outcome(e), 0, 0, current.level(), current.level(), "level "
            + (current.level().isEmpty() ? "(none)" : current.level()) + " -> " + level + " not written, so the "
            + "schema was not registered either: " + e.getMessage());
      }
    }
    try {
      // With references, the versions they name are known only now: ask again.
      Optional<RegisteredSchema> found = dryRun || schema.references().isEmpty() ? current.found()
          : find(registry, subject, schema, current.normalize());
      if (found.isPresent()) {
        RegisteredSchema held = found.get();
        return new Result(subject, Outcome.UNCHANGED, held.version(), held.id(), current.level(), level, "");
      }
      if (dryRun) {
        return new Result(subject, Outcome.NEW_VERSION, current.nextVersion(), 0, current.level(), level, "");
      }
    } catch (SchemaRegistryException e) {
      return new Result(subject, outcome(e), 0, 0, current.level(), level, e.getMessage());
    }
    int id;
    try {
      id = registry.register(subject, schema, current.normalize());
    } catch (SchemaRegistryException e) {
      return new Result(subject, outcome(e), 0, 0, current.level(), level, e.getMessage());
    }
    try {
      RegisteredSchema registered = registry.lookup(subject, schema, current.normalize(), false);
      return new Result(subject, Outcome.NEW_VERSION, registered.version(), id, current.level(), level, "");
    } catch (SchemaRegistryException e) {
      // The registration was answered with its id: registered, whatever the lookup's fate.
      return new Result(subject, Outcome.NEW_VERSION, 0, id, current.level(), level, e.getMessage());
    }
  }

  /** The registry said no (409: incompatible; another 4xx: refused), or gave no answer or a server error. */
  private static Outcome outcome(SchemaRegistryException e) {
    return e.status() == 409 ? Outcome.INCOMPATIBLE : e.isRetriable() ? Outcome.FAILED : Outcome.REFUSED;
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
