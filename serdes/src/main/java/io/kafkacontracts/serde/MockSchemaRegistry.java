package io.kafkacontracts.serde;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.CompatibilityEngine;
import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.CompatibilityReport;
import io.kafkacontracts.compat.SchemaSource;
import io.kafkacontracts.compat.SchemaVersion;
import io.kafkacontracts.compat.Violation;
import io.kafkacontracts.registry.CompatibilityCheck;
import io.kafkacontracts.registry.ListedSchema;
import io.kafkacontracts.registry.RegisteredSchema;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaReference;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import io.kafkacontracts.registry.SubjectVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * An in-memory schema registry for users' unit tests, selected as Confluent users expect by a
 * {@code mock://<scope>} URL: every client of one scope sees the same registry. It answers as
 * Confluent's registry does, with the same error codes (40401, 40402, 40403, 40404-40408, 409,
 * 42201-42206: Confluent 7.x's; 8.x answers an incompatible schema with error code 40901), and enforces compatibility with the same engine as the gate. It passes the same
 * contract tests as the real registry. Thread-safe: every operation holds the registry's lock.
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {

  /** The URL scheme that selects the in-memory registry. */
  public static final String SCHEME = "mock://";

  private static final Map<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();
  private static final List<String> TYPES = List.of("AVRO", "JSON", "PROTOBUF");
  private static final List<String> MODES = List.of("READWRITE", "READONLY", "READONLY_OVERRIDE", "IMPORT");

  private record Entry(int version, int id, boolean deleted) {}

  private final String scope;
  private final CompatibilityEngine engine = new CompatibilityEngine();
  private final Map<Integer, RegistrySchema> schemasById = new HashMap<>();
  private final Map<RegistrySchema, Integer> idsBySchema = new HashMap<>();
  private final Map<String, List<Entry>> subjects = new LinkedHashMap<>();
  private final Map<String, String> subjectLevels = new HashMap<>();
  private String globalLevel = "BACKWARD";
  private String mode = "READWRITE";

  private MockSchemaRegistry(String scope) {
    this.scope = scope;
  }

  /** The registry of a scope, created on first use. */
  public static MockSchemaRegistry forScope(String scope) {
    return SCOPES.computeIfAbsent(requireNonNull(scope, "scope == null"), MockSchemaRegistry::new);
  }

  /** The registry a {@code mock://<scope>} URL names. */
  public static MockSchemaRegistry forUrl(String url) {
    if (!url.startsWith(SCHEME)) {
      throw new IllegalArgumentException("not a mock:// URL: " + url);
    }
    return forScope(url.substring(SCHEME.length()));
  }

  /** Nothing to release: the registry stays, shared by every serde of its scope, until its scope is dropped. */
  @Override
  public void close() {}

  /** Forgets a scope, so its next use starts empty. */
  public static void dropScope(String scope) {
    SCOPES.remove(scope);
  }

  // ---- registration ----

  @Override
  public synchronized int register(String subject, RegistrySchema schema, boolean normalize) {
    writable(subject);
    Schema parsed = parse(schema, subject);
    RegistrySchema stored = normalize && parsed != null
        ? new RegistrySchema(parsed.toString(), schema.schemaType(), schema.references()) : schema;
    Integer known = idsBySchema.get(stored);
    List<Entry> entries = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
    if (known != null) {
      for (Entry e : entries) {
        if (e.id() == known && !e.deleted()) {
          return known;
        }
      }
    }
    List<Violation> violations = violations(subject, parsed, OptionalInt.empty());
    if (!violations.isEmpty()) {
      throw error(409, 409, subject, "Schema being registered is incompatible with an earlier schema for subject '"
          + subject + "': " + violations.get(0).message());
    }
    int id = known != null ? known : schemasById.size() + 1;
    schemasById.put(id, stored);
    idsBySchema.put(stored, id);
    int version = entries.stream().mapToInt(Entry::version).max().orElse(0) + 1;
    // As Confluent does: the same schema registered again drops its soft-deleted versions in the subject.
    entries.removeIf(e -> e.deleted() && e.id() == id);
    entries.add(new Entry(version, id, false));
    return id;
  }

  @Override
  public synchronized RegisteredSchema lookup(String subject, RegistrySchema schema, boolean normalize,
      boolean includeDeleted) {
    List<Entry> entries = live(subject, includeDeleted);
    RegistrySchema key = schema;
    if (normalize) {
      Schema parsed = parse(schema, subject);
      key = parsed == null ? schema : new RegistrySchema(parsed.toString(), schema.schemaType(), schema.references());
    }
    Integer id = idsBySchema.get(key);
    for (Entry e : entries) {
      if (id != null && e.id() == id) {
        return new RegisteredSchema(subject, e.id(), e.version(), schemasById.get(e.id()));
      }
    }
    throw error(404, 40403, subject, "Schema not found");
  }

  // ---- reads ----

  @Override
  public synchronized RegistrySchema schemaById(int id) {
    RegistrySchema schema = schemasById.get(id);
    if (schema == null) {
      throw error(404, 40403, null, "Schema " + id + " not found");
    }
    return schema;
  }

  /**
   * The GUID of the schema with an id, as Confluent 8 gives each schema one: here derived from the
   * schema itself (type, text, references), so the same schema has the same GUID in every scope.
   */
  public synchronized java.util.UUID guidOf(int id) {
    return guid(schemaById(id));
  }

  private static java.util.UUID guid(RegistrySchema schema) {
    return java.util.UUID.nameUUIDFromBytes((schema.schemaType() + "\n" + schema.schema() + "\n"
        + schema.references()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public synchronized RegistrySchema schemaByGuid(java.util.UUID guid) {
    return schemasById.values().stream().filter(schema -> guid(schema).equals(guid)).findFirst()
        .orElseThrow(() -> error(404, 40403, null, "Schema " + guid + " not found"));
  }

  @Override
  public synchronized List<SubjectVersion> versionsOfId(int id) {
    schemaById(id);
    List<SubjectVersion> found = new ArrayList<>();
    subjects.forEach((subject, entries) -> entries.stream().filter(e -> e.id() == id && !e.deleted())
        .forEach(e -> found.add(new SubjectVersion(subject, e.version()))));
    return found;
  }

  @Override
  public synchronized List<String> subjectsOfId(int id) {
    return versionsOfId(id).stream().map(SubjectVersion::subject).distinct().toList();
  }

  @Override
  public synchronized RegisteredSchema version(String subject, int version) {
    Entry entry = entry(subject, version);
    return new RegisteredSchema(subject, entry.id(), entry.version(), schemasById.get(entry.id()));
  }

  @Override
  public synchronized RegisteredSchema latestVersion(String subject) {
    List<Entry> entries = live(subject, false);
    Entry last = entries.get(entries.size() - 1);
    return new RegisteredSchema(subject, last.id(), last.version(), schemasById.get(last.id()));
  }

  @Override
  public synchronized List<Integer> versions(String subject) {
    return live(subject, false).stream().map(Entry::version).toList();
  }

  @Override
  public synchronized List<String> subjects(boolean includeDeleted, Optional<String> prefix) {
    return subjects.entrySet().stream()
        .filter(e -> includeDeleted || e.getValue().stream().anyMatch(v -> !v.deleted()))
        .map(Map.Entry::getKey)
        .filter(s -> prefix.map(s::startsWith).orElse(true))
        .sorted()
        .toList();
  }

  /** Confluent's listing: subjects in name order, each one's live versions in order, then offset and limit. */
  @Override
  public synchronized List<ListedSchema> schemas(String subjectPrefix, int offset, int limit) {
    List<ListedSchema> listed = new ArrayList<>();
    subjects.keySet().stream().filter(s -> s.startsWith(subjectPrefix)).sorted().forEach(subject -> {
      for (Entry e : subjects.get(subject)) {
        if (!e.deleted()) {
          listed.add(new ListedSchema(Optional.of(subject), OptionalInt.of(e.version()), e.id(), schemasById.get(e.id())));
        }
      }
    });
    List<ListedSchema> page = listed.subList(Math.min(offset, listed.size()), listed.size());
    return List.copyOf(limit < 0 ? page : page.subList(0, Math.min(limit, page.size())));
  }

  @Override
  public synchronized List<Integer> referencedBy(String subject, int version) {
    entry(subject, version);
    List<Integer> ids = new ArrayList<>();
    schemasById.forEach((id, schema) -> {
      for (SchemaReference ref : schema.references()) {
        if (ref.subject().equals(subject) && ref.version() == version) {
          ids.add(id);
        }
      }
    });
    return ids;
  }

  // ---- deletes ----

  @Override
  public synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
    writable(subject);
    List<Entry> entries = subjects.get(subject);
    if (entries == null || entries.isEmpty()) {
      throw error(404, 40401, subject, "Subject '" + subject + "' not found.");
    }
    for (Entry e : entries) {
      unreferenced(subject, e.version());
    }
    boolean allDeleted = entries.stream().allMatch(Entry::deleted);
    if (permanent) {
      if (!allDeleted) {
        throw error(404, 40405, subject, "Subject '" + subject + "' was not deleted first before being "
            + "permanently deleted");
      }
      subjects.remove(subject);
      subjectLevels.remove(subject);
      return entries.stream().map(Entry::version).toList();
    }
    if (allDeleted) {
      throw error(404, 40404, subject, "Subject '" + subject + "' was soft deleted. Set permanent=true to delete "
          + "permanently");
    }
    List<Integer> deleted = new ArrayList<>();
    entries.replaceAll(e -> {
      if (!e.deleted()) {
        deleted.add(e.version());
      }
      return new Entry(e.version(), e.id(), true);
    });
    return deleted;
  }

  @Override
  public synchronized int deleteVersion(String subject, int version, boolean permanent) {
    writable(subject);
    List<Entry> entries = subjects.get(subject);
    if (entries == null || entries.isEmpty()) {
      throw error(404, 40401, subject, "Subject '" + subject + "' not found.");
    }
    unreferenced(subject, version);
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (e.version() != version) {
        continue;
      }
      if (permanent) {
        if (!e.deleted()) {
          throw error(404, 40407, subject, "Subject '" + subject + "' Version " + version + " was not deleted "
              + "first before being permanently deleted");
        }
        entries.remove(i);
      } else {
        if (e.deleted()) {
          throw error(404, 40406, subject, "Subject '" + subject + "' Version " + version + " was soft deleted. "
              + "Set permanent=true to delete permanently");
        }
        entries.set(i, new Entry(e.version(), e.id(), true));
      }
      return version;
    }
    throw error(404, 40402, subject, "Version " + version + " not found.");
  }

  // ---- compatibility and config ----

  @Override
  public synchronized CompatibilityCheck testCompatibility(String subject, RegistrySchema schema, OptionalInt version,
      boolean verbose) {
    if (version.isPresent()) {
      entry(subject, version.getAsInt());
    }
    List<Violation> violations = violations(subject, parse(schema, subject), version);
    return new CompatibilityCheck(violations.isEmpty(),
        verbose ? violations.stream().map(v -> v.rule() + " at " + v.path() + ": " + v.message()).toList() : List.of());
  }

  @Override
  public synchronized String globalCompatibility() {
    return globalLevel;
  }

  @Override
  public synchronized Optional<String> subjectCompatibility(String subject, boolean defaultToGlobal) {
    String own = subjectLevels.get(subject);
    if (own != null) {
      return Optional.of(own);
    }
    return defaultToGlobal ? Optional.of(globalLevel) : Optional.empty();
  }

  @Override
  public synchronized void setGlobalCompatibility(String level) {
    globalLevel = checkLevel(level, null);
  }

  @Override
  public synchronized void setSubjectCompatibility(String subject, String level) {
    subjectLevels.put(subject, checkLevel(level, subject));
  }

  @Override
  public synchronized void deleteSubjectCompatibility(String subject) {
    if (subjectLevels.remove(subject) == null) {
      // Confluent answers "subject not found" here, though 40408 exists for reading such a level.
      throw error(404, 40401, subject, "Subject '" + subject + "' not found.");
    }
  }

  @Override
  public synchronized String mode() {
    return mode;
  }

  @Override
  public synchronized Optional<String> subjectMode(String subject) {
    return Optional.empty(); // one mode for the whole registry, as setMode sets it: no subject has its own
  }

  @Override
  public synchronized void setMode(String mode) {
    requireNonNull(mode, "mode == null");
    if (!MODES.contains(mode)) {
      throw error(422, 42204, null, "Invalid mode. Valid values are " + String.join(", ", MODES));
    }
    this.mode = mode;
  }

  @Override
  public List<String> schemaTypes() {
    return TYPES;
  }

  // ---- helpers ----

  private List<Violation> violations(String subject, Schema candidate, OptionalInt version) {
    if (candidate == null) {
      return List.of(); // not Avro: this registry checks Avro only
    }
    String levelName = subjectLevels.getOrDefault(subject, globalLevel);
    CompatibilityLevel level = CompatibilityLevel.named(levelName).orElseThrow();
    List<SchemaVersion> history = new ArrayList<>();
    for (Entry e : subjects.getOrDefault(subject, List.of())) {
      if (e.deleted() || (version.isPresent() && e.version() != version.getAsInt())) {
        continue;
      }
      Schema earlier = parse(schemasById.get(e.id()), subject);
      if (earlier != null) {
        history.add(new SchemaVersion(e.version(), SchemaSource.of(earlier)));
      }
    }
    CompatibilityReport report = engine.check(subject, SchemaSource.of(candidate), history, level);
    return report.errors(); // a warning does not make a registry refuse
  }

  /** Parses an Avro schema with its references and theirs, as a registry does; null for other schema types. */
  private Schema parse(RegistrySchema schema, String subject) {
    if (!schema.schemaType().equals(RegistrySchema.AVRO)) {
      if (!TYPES.contains(schema.schemaType())) {
        throw error(422, 42201, subject, "Invalid schema type " + schema.schemaType());
      }
      return null;
    }
    try {
      return RegistryAvro.parse(this, schema);
    } catch (AvroRuntimeException e) {
      throw error(422, 42201, subject, "Invalid schema: " + e.getMessage());
    }
  }

  /** Registering and deleting are refused while the registry is read-only, as Confluent refuses them. */
  private void writable(String subject) {
    if (mode.startsWith("READONLY")) {
      throw error(422, 42205, subject, "Subject " + subject + " is in read-only mode");
    }
  }

  /** A version that a live schema references cannot be deleted (Confluent: 42206). */
  private void unreferenced(String subject, int version) {
    for (List<Entry> entries : subjects.values()) {
      for (Entry e : entries) {
        if (e.deleted()) {
          continue;
        }
        for (SchemaReference ref : schemasById.get(e.id()).references()) {
          if (ref.subject().equals(subject) && ref.version() == version) {
            throw error(422, 42206, subject, "One or more references exist to the schema {subject=" + subject
                + ",version=" + version + "}");
          }
        }
      }
    }
  }

  private String checkLevel(String level, String subject) {
    if (level == null || CompatibilityLevel.named(level).isEmpty()) {
      throw error(422, 42203, subject, "Invalid compatibility level. Valid values are none, backward, forward, "
          + "full, backward_transitive, forward_transitive, and full_transitive");
    }
    return level;
  }

  private List<Entry> live(String subject, boolean includeDeleted) {
    List<Entry> entries = subjects.getOrDefault(subject, List.of()).stream()
        .filter(e -> includeDeleted || !e.deleted()).toList();
    if (entries.isEmpty()) {
      throw error(404, 40401, subject, "Subject '" + subject + "' not found.");
    }
    return entries;
  }

  private Entry entry(String subject, int version) {
    for (Entry e : live(subject, false)) {
      if (e.version() == version) {
        return e;
      }
    }
    throw error(404, 40402, subject, "Version " + version + " not found.");
  }

  private static SchemaRegistryException error(int status, int code, String subject, String message) {
    return new SchemaRegistryException(message + " (error code " + code + ")", status, code, subject, null);
  }

  @Override
  public String toString() {
    return "MockSchemaRegistry[" + SCHEME + scope + "]";
  }
}
