package io.kafkacontracts.operations;

import static java.util.Objects.requireNonNull;

import io.kafkacontracts.compat.AcceptedBreaks;
import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.ContractsDirectory;
import io.kafkacontracts.compat.ContractsGate;
import io.kafkacontracts.compat.SchemaSource;
import io.kafkacontracts.compat.SchemaVersion;
import io.kafkacontracts.compat.baseline.Baseline;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.registry.ListedSchema;
import io.kafkacontracts.registry.RegisteredSchema;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Earlier versions from a live registry, judged by our own engine so the verdict is the same on
 * every registry vendor. {@link #fetchAhead} starts fetching, in parallel, what each subject's level
 * needs (the latest version, or every version for a transitive level) and returns at once, so the
 * gate judges each subject as soon as its versions are in. Where the registry lists every version
 * in bulk as Confluent's does ({@link RegistryListing}), the versions come from that listing, in a
 * request or a few, and only each subject's level is asked for by itself; elsewhere each version
 * is fetched by itself. Decided once per run, and said ({@link #listing()}). Thread-safe;
 * {@link #close} stops fetches still under way.
 */
public final class RegistryBaseline implements Baseline, AutoCloseable {

  private final SchemaRegistryClient registry;
  private final String description;
  private final Map<String, CompletableFuture<List<SchemaVersion>>> ahead = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Optional<CompatibilityLevel>>> registryLevels = new ConcurrentHashMap<>();
  private ExecutorService pool;
  /** Parses listed versions: CPU work, so it does not queue behind the requests in {@link #pool}. */
  private ExecutorService parsing;
  private CompletableFuture<RegistryListing.Decision> bulk;

  public RegistryBaseline(SchemaRegistryClient registry, String description) {
    this.registry = requireNonNull(registry, "registry == null");
    this.description = requireNonNull(description, "description == null");
  }

  /**
   * The gate against the registry: every subject's versions and level fetched ahead, in parallel,
   * and each subject judged as soon as they are in.
   *
   * @throws IOException when the registry could not be read, or a version does not parse
   */
  public static GateReport judge(SchemaRegistryClient registry, String description, ContractsDirectory contracts,
      AcceptedBreaks accepted, int parallelism, LocalDate today, Function<Path, Path> display) throws IOException {
    return judge(registry, description, contracts, List.of(), accepted, parallelism, today, display);
  }

  /**
   * The gate against {@code history} (git, a directory) and then the registry, the findings merged
   * ({@link ContractsGate#run(ContractsDirectory, List, AcceptedBreaks, LocalDate, Function)}): a pull
   * request's gate that knows both what the history says and what registration will meet.
   *
   * @throws IOException when the registry or a baseline could not be read, or a version does not parse
   */
  public static GateReport judge(SchemaRegistryClient registry, String description, ContractsDirectory contracts,
      List<Baseline> history, AcceptedBreaks accepted, int parallelism, LocalDate today, Function<Path, Path> display)
      throws IOException {
    try (RegistryBaseline baseline = new RegistryBaseline(registry, description)) {
      baseline.fetchAhead(ContractsGate.levels(contracts), parallelism);
      List<Baseline> all = new ArrayList<>(history);
      all.add(baseline);
      GateReport report = new ContractsGate().run(contracts, all, accepted, today, display);
      List<String> notes = new ArrayList<>(report.notes());
      notes.add("registry lists versions in bulk: " + baseline.listing());
      return new GateReport(report.baseline(), report.subjects(), report.accepted(), report.problems(), notes);
    }
  }

  /**
   * Starts fetching the versions each subject's level needs, {@code parallelism} requests at a
   * time, and returns: every subject's latest version and registry level first (which also say how
   * many versions there are), in the order given, then, where the catalogue's level or the
   * registry's is transitive, its earlier versions. {@link #versions} waits
   * for a subject's.
   */
  public synchronized void fetchAhead(Map<String, CompatibilityLevel> levels, int parallelism) {
    if (pool != null) {
      throw new IllegalStateException("already fetching from " + description);
    }
    pool = daemons("kafka-contracts-registry-", Math.max(1, Math.min(parallelism, 4 * levels.size())));
    Executor fetching = pool;
    parsing = daemons("kafka-contracts-parse-", Runtime.getRuntime().availableProcessors());
    Executor parse = parsing;
    // The listing first, then every level beside it: with a listing the levels are most of the requests.
    bulk = CompletableFuture.supplyAsync(() -> RegistryListing.of(registry, levels.keySet()), fetching);
    levels.keySet().forEach(subject -> registryLevels.put(subject,
        CompletableFuture.supplyAsync(unchecked(() -> registryLevel(subject)), fetching)));
    levels.forEach((subject, level) -> {
      CompletableFuture<Optional<CompatibilityLevel>> held = registryLevels.get(subject);
      ahead.put(subject, bulk.thenCompose(decision -> decision.listing().isPresent()
          // Every listed version: the engine judges against what the level needs, so no level is awaited.
          ? CompletableFuture.supplyAsync(unchecked(() -> fromListing(subject, decision.listing().get())), parse)
          // Every version when either level is transitive: a relaxed level is judged at both.
          : CompletableFuture.supplyAsync(unchecked(() -> latest(subject)), fetching)
              .thenCombine(held, (newest, registryLevel) -> new Needed(newest,
                  level.transitive() || registryLevel.map(CompatibilityLevel::transitive).orElse(false)))
              .thenCompose(needed -> withEarlier(subject, needed.newest(), needed.transitive(), fetching))));
    });
  }

  private static ExecutorService daemons(String name, int threads) {
    AtomicInteger made = new AtomicInteger();
    return Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, name + made.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** What the bulk listing decided: "yes: 1000 versions in 1 request ..." or "no: why"; waits for it. */
  public String listing() {
    CompletableFuture<RegistryListing.Decision> decided;
    synchronized (this) {
      decided = bulk;
    }
    if (decided == null) {
      return "not asked";
    }
    try {
      return decided.join().said();
    } catch (java.util.concurrent.CompletionException e) {
      return "no: the listing failed: " + e.getCause().getMessage();
    }
  }

  /** Every version of a subject from the listing, parsed. */
  private List<SchemaVersion> fromListing(String subject, RegistryListing listed) throws IOException {
    List<SchemaVersion> parsed = new ArrayList<>();
    for (ListedSchema version : listed.versions(subject)) {
      // References from the same listing where it holds them.
      parsed.add(parsed(subject, version.version().getAsInt(), version.schema(), listed.lookup(registry)));
    }
    return List.copyOf(parsed);
  }

  /** A subject's latest version, and whether its earlier ones are needed too. */
  private record Needed(Optional<SchemaVersion> newest, boolean transitive) {}

  private CompletableFuture<List<SchemaVersion>> withEarlier(String subject, Optional<SchemaVersion> newest,
      boolean transitive, Executor fetching) {
    if (newest.isEmpty() || !transitive) {
      return CompletableFuture.completedFuture(newest.map(List::of).orElse(List.of()));
    }
    List<CompletableFuture<Optional<SchemaVersion>>> earlier = new ArrayList<>();
    for (int number = 1; number < newest.get().version(); number++) {
      int wanted = number;
      earlier.add(CompletableFuture.supplyAsync(unchecked(() -> earlier(subject, wanted)), fetching));
    }
    return CompletableFuture.allOf(earlier.toArray(CompletableFuture[]::new)).thenApply(done -> {
      List<SchemaVersion> versions = new ArrayList<>();
      earlier.forEach(version -> version.join().ifPresent(versions::add));
      versions.add(newest.get());
      return List.copyOf(versions);
    });
  }

  /** Stops fetches still under way; a subject not fetched by then fails when asked for. */
  @Override
  public synchronized void close() {
    if (pool != null) {
      // Failed first: shutting the pool down drops queued fetches, whose futures would never complete.
      IOException stopped = new IOException("fetching from " + description + " was stopped");
      ahead.values().forEach(fetching -> fetching.completeExceptionally(stopped));
      registryLevels.values().forEach(fetching -> fetching.completeExceptionally(stopped));
      bulk.complete(new RegistryListing.Decision(Optional.empty(), "not decided: fetching was stopped"));
      pool.shutdownNow();
      parsing.shutdownNow();
    }
  }

  /**
   * The level the registry holds the subject to: its own, else the registry's global one (Apicurio
   * 2.6 answers NONE for a subject without its own); none for a subject the registry does not know.
   */
  @Override
  public Optional<CompatibilityLevel> level(String subject) throws IOException {
    CompletableFuture<Optional<CompatibilityLevel>> fetching = registryLevels.get(subject);
    return fetching == null ? registryLevel(subject) : await(fetching, subject);
  }

  private Optional<CompatibilityLevel> registryLevel(String subject) throws IOException {
    try {
      return registry.subjectCompatibility(subject, true).flatMap(CompatibilityLevel::named);
    } catch (SchemaRegistryException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw new IOException("cannot read the level of subject '" + subject + "' from " + description + ": "
          + e.getMessage(), e);
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
    CompletableFuture<List<SchemaVersion>> fetching = ahead.get(subject);
    return fetching == null ? fetch(subject) : await(fetching, subject);
  }

  private <T> T await(CompletableFuture<T> fetching, String subject) throws IOException {
    try {
      return fetching.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching subject '" + subject + "' from " + description, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      // The registry's own words (as the listing's failure reaches every subject that waited for it).
      throw cause instanceof IOException io ? io
          : new IOException("cannot read subject '" + subject + "' from " + description + ": "
              + (cause instanceof SchemaRegistryException ? cause.getMessage() : cause), cause);
    }
  }

  /** A fetch for {@link CompletableFuture}: its IOException travels as the cause. */
  private static <T> Supplier<T> unchecked(Fetch<T> fetch) {
    return () -> {
      try {
        return fetch.get();
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    };
  }

  @FunctionalInterface
  private interface Fetch<T> {
    T get() throws IOException;
  }

  /** Every version of a subject not fetched ahead, oldest first. */
  private List<SchemaVersion> fetch(String subject) throws IOException {
    List<SchemaVersion> versions = new ArrayList<>();
    for (int number : versionNumbers(subject)) {
      versions.add(version(subject, number));
    }
    return List.copyOf(versions);
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
    RegisteredSchema registered;
    try {
      registered = registry.version(subject, number);
    } catch (SchemaRegistryException e) {
      throw new IOException("cannot read version " + number + " of subject '" + subject + "' from " + description
          + ": " + e.getMessage(), e);
    }
    return parsed(subject, number, registered);
  }

  private SchemaVersion parsed(String subject, int number, RegisteredSchema registered) throws IOException {
    return parsed(subject, number, registered.schema(), (s, v) -> registry.version(s, v).schema());
  }

  /** A version parsed with the schemas it references, read with {@code lookup}. */
  private SchemaVersion parsed(String subject, int number, RegistrySchema schema,
      BiFunction<String, Integer, RegistrySchema> lookup) throws IOException {
    try {
      return new SchemaVersion(number, source(subject, number, schema, lookup));
    } catch (SchemaRegistryException e) {
      throw new IOException("cannot read the schemas version " + number + " of subject '" + subject + "' in "
          + description + " refers to: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IOException("version " + number + " of subject '" + subject + "' in " + description
          + " does not parse: " + e.getMessage(), e);
    }
  }

  /**
   * A registry version as the gate reads it: parsed with the schemas it references, each read with
   * {@code lookup} (a subject and version to its schema).
   *
   * @throws SchemaRegistryException when a referenced schema cannot be read
   * @throws org.apache.avro.AvroRuntimeException when a text does not parse
   */
  static SchemaSource source(String subject, int number, RegistrySchema schema,
      BiFunction<String, Integer, RegistrySchema> lookup) {
    List<String> referenced = SchemaRegistryClient.referencedSchemas(schema, lookup).stream()
        .map(RegistrySchema::schema).toList();
    return SchemaSource.parse(Path.of("registry:" + subject + "/versions/" + number), schema.schema(), referenced);
  }

  @Override
  public String describe() {
    return description;
  }
}
