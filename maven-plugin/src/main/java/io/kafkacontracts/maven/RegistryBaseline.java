package io.kafkacontracts.maven;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.SchemaSource;
import io.kafkacontracts.compat.SchemaVersion;
import io.kafkacontracts.compat.baseline.Baseline;
import io.kafkacontracts.registry.RegisteredSchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Earlier versions from a live registry, judged by our own engine so the verdict is the same on
 * every registry vendor. {@link #prefetch} fetches, in parallel, what each subject's level needs:
 * the latest version, or every version for a transitive level. Thread-safe.
 */
public final class RegistryBaseline implements Baseline {

  private final SchemaRegistryClient registry;
  private final String description;
  private final Map<String, List<SchemaVersion>> fetched = new ConcurrentHashMap<>();

  public RegistryBaseline(SchemaRegistryClient registry, String description) {
    this.registry = requireNonNull(registry, "registry == null");
    this.description = requireNonNull(description, "description == null");
  }

  /**
   * Fetches the versions each subject's level needs, {@code parallelism} requests at a time: every
   * subject's latest version first (which also says how many there are), then, for transitive
   * levels, every earlier version, all in one pool.
   */
  public void prefetch(Map<String, CompatibilityLevel> levels, int parallelism) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, 4 * levels.size())));
    try {
      Map<String, Future<Optional<SchemaVersion>>> latest = new LinkedHashMap<>();
      levels.keySet().forEach(subject -> latest.put(subject, pool.submit(() -> latest(subject))));
      Map<String, List<Future<Optional<SchemaVersion>>>> versions = new LinkedHashMap<>();
      for (Map.Entry<String, Future<Optional<SchemaVersion>>> entry : latest.entrySet()) {
        String subject = entry.getKey();
        Optional<SchemaVersion> newest = entry.getValue().get();
        List<Future<Optional<SchemaVersion>>> pending = new ArrayList<>();
        if (newest.isPresent() && levels.get(subject).transitive()) {
          for (int number = 1; number < newest.get().version(); number++) {
            int wanted = number;
            pending.add(pool.submit(() -> earlier(subject, wanted)));
          }
        }
        pending.add(CompletableFuture.completedFuture(newest));
        versions.put(subject, pending);
      }
      for (Map.Entry<String, List<Future<Optional<SchemaVersion>>>> entry : versions.entrySet()) {
        List<SchemaVersion> fetchedVersions = new ArrayList<>();
        for (Future<Optional<SchemaVersion>> version : entry.getValue()) {
          version.get().ifPresent(fetchedVersions::add);
        }
        fetched.put(entry.getKey(), List.copyOf(fetchedVersions));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching from " + description, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The subject's latest version; none for a subject the registry does not know (a new one). */
  private Optional<SchemaVersion> latest(String subject) throws IOException {
    try {
      RegisteredSchema newest = registry.latestVersion(subject);
      return Optional.of(parsed(subject, newest.version(), newest));
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == 40401) {
        return Optional.empty();
      }
      throw new IOException("cannot read subject '" + subject + "' from " + description + ": " + e.getMessage(), e);
    }
  }

  /** An earlier version by number; none if it was deleted (numbers keep their gaps). */
  private Optional<SchemaVersion> earlier(String subject, int number) throws IOException {
    try {
      return Optional.of(version(subject, number));
    } catch (IOException e) {
      if (e.getCause() instanceof SchemaRegistryException missing && missing.errorCode() == 40402) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<SchemaVersion> versions(String subject, String typeName) throws IOException {
    List<SchemaVersion> known = fetched.get(subject);
    return known != null ? known : fetch(subject, true);
  }

  /** A subject's versions, oldest first: only the latest unless {@code all}. */
  private List<SchemaVersion> fetch(String subject, boolean all) throws IOException {
    List<SchemaVersion> versions = new ArrayList<>();
    for (int number : needed(versionNumbers(subject), all)) {
      versions.add(version(subject, number));
    }
    return List.copyOf(versions);
  }

  private static List<Integer> needed(List<Integer> numbers, boolean all) {
    return all || numbers.isEmpty() ? numbers : List.of(numbers.get(numbers.size() - 1));
  }

  /** The subject's version numbers; none for a subject the registry does not know (a new one). */
  private List<Integer> versionNumbers(String subject) throws IOException {
    try {
      return registry.versions(subject);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == 40401) {
        return List.of();
      }
      throw new IOException("cannot read subject '" + subject + "' from " + description + ": " + e.getMessage(), e);
    }
  }

  private SchemaVersion version(String subject, int number) throws IOException {
    try {
      return parsed(subject, number, registry.version(subject, number));
    } catch (SchemaRegistryException e) {
      throw new IOException("cannot read version " + number + " of subject '" + subject + "' from " + description
          + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IOException("version " + number + " of subject '" + subject + "' in " + description
          + " does not parse: " + e.getMessage(), e);
    }
  }

  private static SchemaVersion parsed(String subject, int number, RegisteredSchema registered) {
    return new SchemaVersion(number, SchemaSource.parse(
        Path.of("registry:" + subject + "/versions/" + number), registered.schema().schema()));
  }

  @Override
  public String describe() {
    return description;
  }
}
