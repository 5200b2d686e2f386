package io.kafkacontracts.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The Confluent Schema Registry REST API v1, as Confluent, Apicurio (its {@code /apis/ccompat/v7}
 * API), Karapace and Redpanda serve it. Every method throws {@link SchemaRegistryException} when the
 * registry refuses or cannot be reached. Implementations are thread-safe.
 *
 * <p>Compatibility levels and modes are the registry's own words ({@code BACKWARD},
 * {@code READWRITE}, ...), passed through unchanged; a registry refuses an unknown one with 42203.
 *
 * <pre>{@code
 * try (SchemaRegistryClient registry = SchemaRegistryClient.builder()
 *     .baseUrls("https://registry-a:8081,https://registry-b:8081")
 *     .basicAuth("user:secret")
 *     .build()) {
 *   int id = registry.register("orders-value", RegistrySchema.avro(text), false);
 * }
 * }</pre>
 */
public interface SchemaRegistryClient extends AutoCloseable {

  static SchemaRegistryClientBuilder builder() {
    return new SchemaRegistryClientBuilder();
  }

  /**
   * Releases the client's threads and connections now rather than when it is garbage-collected; it
   * refuses requests afterwards. Idempotent. Clients with nothing to release (in-memory ones) keep
   * this default, which does nothing.
   */
  @Override
  default void close() {}

  /** Registers a schema under a subject, or finds it if already there; returns its id. */
  int register(String subject, RegistrySchema schema, boolean normalize);

  /**
   * Registers many subjects' schemas, {@code parallelism} at a time, and reports each outcome: one
   * refused subject does not stop the others, and registering is idempotent, so a rerun finishes
   * what failed. The order of registration is not defined: register referenced schemas in an
   * earlier batch.
   */
  default BatchRegistration registerAll(Map<String, RegistrySchema> schemasBySubject, boolean normalize,
      int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    Map<String, Integer> ids = new ConcurrentHashMap<>();
    Map<String, SchemaRegistryException> failures = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, schemasBySubject.size())));
    try {
      List<Future<?>> pending = new ArrayList<>();
      schemasBySubject.forEach((subject, schema) -> pending.add(pool.submit(() -> {
        try {
          ids.put(subject, register(subject, schema, normalize));
        } catch (SchemaRegistryException e) {
          failures.put(subject, e);
        }
      })));
      for (Future<?> f : pending) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("batch registration was interrupted", SchemaRegistryException.NO_RESPONSE,
          SchemaRegistryException.NO_RESPONSE, null, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("batch registration failed unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return new BatchRegistration(ids, failures);
  }

  /** The id and version a schema has under a subject; 40401/40403 when it has none. */
  RegisteredSchema lookup(String subject, RegistrySchema schema, boolean normalize, boolean includeDeleted);

  /** The schema with a global id. */
  RegistrySchema schemaById(int id);

  /**
   * The schema with a GUID (Confluent 8: {@code GET /schemas/guids/{guid}}, the id its header-framed
   * records carry); 40403 when the registry has none with it, 404 from registries that have no GUIDs.
   */
  RegistrySchema schemaByGuid(java.util.UUID guid);

  /** Every subject and version that holds the schema with this id. */
  List<SubjectVersion> versionsOfId(int id);

  /** Every subject that holds the schema with this id. */
  List<String> subjectsOfId(int id);

  /** A version of a subject. */
  RegisteredSchema version(String subject, int version);

  /** The latest version of a subject. */
  RegisteredSchema latestVersion(String subject);

  /** The version numbers of a subject, oldest first. */
  List<Integer> versions(String subject);

  /** The subjects, optionally with soft-deleted ones, optionally only those with a prefix. */
  List<String> subjects(boolean includeDeleted, Optional<String> prefix);

  /**
   * A page of the registry's schema listing, as Confluent's {@code GET /schemas?subjectPrefix=&latestOnly=false}
   * answers it: every version of every subject whose name starts with {@code subjectPrefix}, ordered
   * by subject then version, soft-deleted versions left out. A registry without the endpoint answers
   * 404 or 405 ({@link SchemaRegistryException}); one that lists schemas without subject and
   * version (Apicurio) gives entries that are not {@link ListedSchema#located()}.
   *
   * @param offset the first entry, from 0
   * @param limit  at most this many entries; -1 for all
   */
  List<ListedSchema> schemas(String subjectPrefix, int offset, int limit);

  /** The ids of schemas that reference a version of a subject. */
  List<Integer> referencedBy(String subject, int version);

  /**
   * The registered schemas a schema refers to, and those they refer to, each once and each after
   * the schemas it refers to: the order in which a parser must read them before the schema itself
   * (how Confluent's tools resolve a type registered in a subject of its own). Empty for a schema
   * without references.
   */
  default List<RegistrySchema> referencedSchemas(RegistrySchema schema) {
    return referencedSchemas(schema, (subject, version) -> version(subject, version).schema());
  }

  /**
   * The schemas {@code schema} references, directly or through others, each once, every one after
   * those it references, read with {@code lookup} (a subject and version to its schema): for callers
   * that hold some of them already, e.g. from a listing.
   */
  static List<RegistrySchema> referencedSchemas(RegistrySchema schema,
      java.util.function.BiFunction<String, Integer, RegistrySchema> lookup) {
    List<RegistrySchema> inOrder = new ArrayList<>();
    addReferenced(schema, lookup, new HashSet<>(), inOrder);
    return List.copyOf(inOrder);
  }

  private static void addReferenced(RegistrySchema schema,
      java.util.function.BiFunction<String, Integer, RegistrySchema> lookup, Set<SubjectVersion> seen,
      List<RegistrySchema> inOrder) {
    for (SchemaReference reference : schema.references()) {
      if (seen.add(new SubjectVersion(reference.subject(), reference.version()))) { // once each, and no cycles
        RegistrySchema referenced = lookup.apply(reference.subject(), reference.version());
        addReferenced(referenced, lookup, seen, inOrder);
        inOrder.add(referenced);
      }
    }
  }

  /** Deletes a subject (soft, or permanently after a soft delete); returns the versions deleted. */
  List<Integer> deleteSubject(String subject, boolean permanent);

  /** Deletes one version of a subject; returns its number. */
  int deleteVersion(String subject, int version, boolean permanent);

  /**
   * Tests a schema against a subject: against one version, or (empty) against every version the
   * subject's level requires, which is how transitive levels are honoured.
   */
  CompatibilityCheck testCompatibility(String subject, RegistrySchema schema, OptionalInt version, boolean verbose);

  /** The global compatibility level. */
  String globalCompatibility();

  /**
   * A subject's compatibility level: its own, or with {@code defaultToGlobal} the global one when
   * it has none. Without {@code defaultToGlobal}, a subject with no level of its own is empty on
   * Confluent (which answers 40408); Apicurio 3.3 answers the global level instead, which cannot be
   * told apart from a subject set to that level, so there it reads as the global level.
   */
  Optional<String> subjectCompatibility(String subject, boolean defaultToGlobal);

  /** Sets the global compatibility level. */
  void setGlobalCompatibility(String level);

  /** Sets a subject's compatibility level. */
  void setSubjectCompatibility(String subject, String level);

  /** Removes a subject's own level, so the global one applies. */
  void deleteSubjectCompatibility(String subject);

  /** The global mode, e.g. READWRITE. */
  String mode();

  /**
   * A subject's own mode (READWRITE, READONLY, IMPORT), empty when it has none of its own (Confluent
   * answers 40409) or the registry keeps no modes per subject (404).
   */
  Optional<String> subjectMode(String subject);

  /** Sets the global mode. */
  void setMode(String mode);

  /** The schema types the registry accepts, e.g. [AVRO, JSON, PROTOBUF]. */
  List<String> schemaTypes();
}
