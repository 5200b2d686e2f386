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
import java.util.List;
import java.util.Map;
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

  /** Fetches the versions each subject's level needs, {@code parallelism} requests at a time. */
  public void prefetch(Map<String, CompatibilityLevel> levels, int parallelism) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, levels.size())));
    try {
      Map<String, Future<List<SchemaVersion>>> pending = new java.util.LinkedHashMap<>();
      levels.forEach((subject, level) -> pending.put(subject, pool.submit(() -> fetch(subject, level.transitive()))));
      for (Map.Entry<String, Future<List<SchemaVersion>>> entry : pending.entrySet()) {
        fetched.put(entry.getKey(), entry.getValue().get());
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

  @Override
  public List<SchemaVersion> versions(String subject, String typeName) throws IOException {
    List<SchemaVersion> known = fetched.get(subject);
    return known != null ? known : fetch(subject, true);
  }

  /** A subject's versions, oldest first: only the latest unless {@code all}. */
  private List<SchemaVersion> fetch(String subject, boolean all) throws IOException {
    try {
      List<Integer> numbers;
      try {
        numbers = registry.versions(subject);
      } catch (SchemaRegistryException e) {
        if (e.errorCode() == 40401) {
          return List.of(); // a new subject
        }
        throw e;
      }
      List<Integer> wanted = all || numbers.isEmpty() ? numbers : List.of(numbers.get(numbers.size() - 1));
      List<SchemaVersion> versions = new ArrayList<>();
      for (int number : wanted) {
        RegisteredSchema registered = registry.version(subject, number);
        versions.add(new SchemaVersion(number, SchemaSource.parse(
            Path.of("registry:" + subject + "/versions/" + number), registered.schema().schema())));
      }
      return List.copyOf(versions);
    } catch (SchemaRegistryException e) {
      throw new IOException("cannot read subject '" + subject + "' from " + description + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IOException("subject '" + subject + "' in " + description + " holds a schema that does not parse: "
          + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return description;
  }
}
