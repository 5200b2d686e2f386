package io.kafkacontracts.registry.internal;

import io.kafkacontracts.registry.CompatibilityCheck;
import io.kafkacontracts.registry.ListedSchema;
import io.kafkacontracts.registry.RegisteredSchema;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SubjectVersion;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Caches what does not change and, briefly, what does: id → schema and (subject, schema) → id or
 * version for as long as there is room (ids and registrations are immutable in the registry's
 * semantics); a subject's versions by number likewise; a subject's latest version for a TTL;
 * "not found" answers for a short TTL. Concurrent identical requests make one call. Writes through
 * this client invalidate what they change: a register or delete forgets every read answer about its
 * subject, misses included, so a write is seen by the next read; levels and modes are not cached.
 * Writes by other clients are seen when a TTL runs out. Thread-safe.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

  private record Registration(String subject, RegistrySchema schema, boolean normalize) {}

  private record Lookup(String subject, RegistrySchema schema, boolean normalize, boolean deleted) {}

  private record Version(String subject, int version) {}

  private final SchemaRegistryClient delegate;
  private final Memo<Integer, RegistrySchema> byId;
  private final Memo<java.util.UUID, RegistrySchema> byGuid;
  private final Memo<Registration, Integer> registrations;
  private final Memo<Lookup, RegisteredSchema> lookups;
  private final Memo<Version, RegisteredSchema> versions;
  private final Memo<String, RegisteredSchema> latest;

  /**
   * @param delegate   the client that talks to the registry
   * @param maxEntries the most entries each cache keeps
   * @param latestTtl  how long a subject's latest version is trusted
   * @param missTtl    how long "not found" is trusted
   */
  public CachingSchemaRegistryClient(SchemaRegistryClient delegate, int maxEntries, Duration latestTtl, Duration missTtl) {
    this.delegate = delegate;
    this.byId = new Memo<>(maxEntries, null, missTtl, System::nanoTime);
    this.byGuid = new Memo<>(maxEntries, null, missTtl, System::nanoTime);
    this.registrations = new Memo<>(maxEntries, null, missTtl, System::nanoTime);
    this.lookups = new Memo<>(maxEntries, null, missTtl, System::nanoTime);
    this.versions = new Memo<>(maxEntries, null, missTtl, System::nanoTime);
    this.latest = new Memo<>(maxEntries, latestTtl, missTtl, System::nanoTime);
  }

  @Override
  public int register(String subject, RegistrySchema schema, boolean normalize) {
    int id = registrations.get(new Registration(subject, schema, normalize), () -> {
      int registered = delegate.register(subject, schema, normalize);
      // A miss remembered before this write (the lookup registration makes first, the next
      // version's number, the id) would hide what was just stored.
      forgetAnswersAbout(subject);
      byId.invalidateIf(known -> known == registered);
      return registered;
    });
    if (!normalize) {
      byId.put(id, schema);
    }
    return id;
  }

  @Override
  public RegisteredSchema lookup(String subject, RegistrySchema schema, boolean normalize, boolean includeDeleted) {
    return lookups.get(new Lookup(subject, schema, normalize, includeDeleted),
        () -> delegate.lookup(subject, schema, normalize, includeDeleted));
  }

  @Override
  public RegistrySchema schemaById(int id) {
    return byId.get(id, () -> delegate.schemaById(id));
  }

  @Override
  public RegistrySchema schemaByGuid(java.util.UUID guid) {
    return byGuid.get(guid, () -> delegate.schemaByGuid(guid)); // a GUID names one schema for good, as an id does
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    return versions.get(new Version(subject, version), () -> delegate.version(subject, version));
  }

  @Override
  public RegisteredSchema latestVersion(String subject) {
    return latest.get(subject, () -> delegate.latestVersion(subject));
  }

  @Override
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    try {
      return delegate.deleteSubject(subject, permanent);
    } finally {
      forget(subject);
    }
  }

  @Override
  public int deleteVersion(String subject, int version, boolean permanent) {
    try {
      return delegate.deleteVersion(subject, version, permanent);
    } finally {
      forget(subject);
    }
  }

  private void forget(String subject) {
    forgetAnswersAbout(subject);
    registrations.invalidateIf(r -> r.subject().equals(subject));
  }

  /** Every read answer about a subject: what a write to it may have changed. */
  private void forgetAnswersAbout(String subject) {
    latest.invalidateIf(subject::equals);
    versions.invalidateIf(v -> v.subject().equals(subject));
    lookups.invalidateIf(l -> l.subject().equals(subject));
  }

  // ---- not cached: lists, config and mode change under us and are rarely on a hot path ----

  @Override
  public List<SubjectVersion> versionsOfId(int id) {
    return delegate.versionsOfId(id);
  }

  @Override
  public List<String> subjectsOfId(int id) {
    return delegate.subjectsOfId(id);
  }

  @Override
  public List<Integer> versions(String subject) {
    return delegate.versions(subject);
  }

  @Override
  public List<String> subjects(boolean includeDeleted, Optional<String> prefix) {
    return delegate.subjects(includeDeleted, prefix);
  }

  @Override
  public List<ListedSchema> schemas(String subjectPrefix, int offset, int limit) {
    return delegate.schemas(subjectPrefix, offset, limit);
  }

  @Override
  public List<Integer> referencedBy(String subject, int version) {
    return delegate.referencedBy(subject, version);
  }

  @Override
  public CompatibilityCheck testCompatibility(String subject, RegistrySchema schema, OptionalInt version,
      boolean verbose) {
    return delegate.testCompatibility(subject, schema, version, verbose);
  }

  @Override
  public String globalCompatibility() {
    return delegate.globalCompatibility();
  }

  @Override
  public Optional<String> subjectCompatibility(String subject, boolean defaultToGlobal) {
    return delegate.subjectCompatibility(subject, defaultToGlobal);
  }

  @Override
  public void setGlobalCompatibility(String level) {
    delegate.setGlobalCompatibility(level);
  }

  @Override
  public void setSubjectCompatibility(String subject, String level) {
    delegate.setSubjectCompatibility(subject, level);
  }

  @Override
  public void deleteSubjectCompatibility(String subject) {
    delegate.deleteSubjectCompatibility(subject);
  }

  @Override
  public String mode() {
    return delegate.mode();
  }

  @Override
  public Optional<String> subjectMode(String subject) {
    return delegate.subjectMode(subject);
  }

  @Override
  public void setMode(String mode) {
    delegate.setMode(mode);
  }

  @Override
  public List<String> schemaTypes() {
    return delegate.schemaTypes();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return "Caching" + delegate;
  }
}
