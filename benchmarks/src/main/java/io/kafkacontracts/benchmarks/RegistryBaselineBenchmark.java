package io.kafkacontracts.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.operations.RegistryBaseline;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The check goal's registry baseline against a registry answering every call after 20 ms
 * (WireMock): 200 subjects x 5 versions at BACKWARD_TRANSITIVE, each subject's level asked for by
 * itself (each shot waits for every version and every level, as the gate does), and the versions either listed in bulk ({@code GET /schemas}, as Confluent's registry
 * offers: one page of 1,000 and an empty one) or, where the registry does not list (404), fetched
 * in parallel one by one (the latest, then every earlier version: 1,000 calls); against one
 * sequential call per subject (200 calls, as Confluent's plugin makes: a compatibility POST per
 * subject, latest version only).
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar RegistryBaselineBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class RegistryBaselineBenchmark {

  private static final int SUBJECTS = 200;
  private static final int VERSIONS = 5;

  private WireMockServer server;
  private final Map<String, CompatibilityLevel> levels = new LinkedHashMap<>();
  private final Map<String, CompatibilityLevel> listedLevels = new LinkedHashMap<>();

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(64)
        .asynchronousResponseEnabled(true).asynchronousResponseThreads(64).disableRequestJournal()
        .stubRequestLoggingDisabled(true));
    server.start();
    // One stub for every version of every subject (the same realistic schema): WireMock matches
    // each request against every stub, and a thousand stubs would measure WireMock, not the client.
    for (int i = 0; i < SUBJECTS; i++) {
      levels.put("bench.t" + i + "-value", CompatibilityLevel.BACKWARD_TRANSITIVE);
    }
    String body = new ObjectMapper().writeValueAsString(Map.of("subject", "bench.t0-value", "version", VERSIONS,
        "id", 1, "schema", CheckFixtures.schema(0, VERSIONS, false)));
    server.stubFor(get(urlPathMatching("/subjects/bench\\.t[0-9]+-value/versions/.+"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)
            .withFixedDelay(20)));
    server.stubFor(post(urlPathMatching("/compatibility/subjects/.*/versions"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"is_compatible\": true}").withFixedDelay(20)));
    server.stubFor(get(urlPathMatching("/config/.*")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"compatibilityLevel\": \"BACKWARD_TRANSITIVE\"}")
        .withFixedDelay(20)));
    // The bench.t subjects: no listing (404, as Apicurio 2.6), so every version is fetched by itself.
    server.stubFor(get(urlPathMatching("/schemas")).atPriority(10).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"error_code\": 404, \"message\": \"HTTP 404\"}")
        .withFixedDelay(20)));
    // The listed.t subjects: Confluent's listing, every version of every subject in one page.
    List<Map<String, Object>> listing = new ArrayList<>();
    for (int i = 0; i < SUBJECTS; i++) {
      listedLevels.put("listed.t" + String.format("%03d", i) + "-value", CompatibilityLevel.BACKWARD_TRANSITIVE);
    }
    for (String subject : listedLevels.keySet()) {
      for (int v = 1; v <= VERSIONS; v++) {
        listing.add(Map.of("subject", subject, "version", v, "id", listing.size() + 1,
            "schema", CheckFixtures.schema(0, VERSIONS, false)));
      }
    }
    server.stubFor(get(urlEqualTo("/schemas?subjectPrefix=listed.t&latestOnly=false&offset=0&limit=1000")).atPriority(1)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(new ObjectMapper().writeValueAsString(listing)).withFixedDelay(20)));
    server.stubFor(get(urlEqualTo("/schemas?subjectPrefix=listed.t&latestOnly=false&offset=1000&limit=1000"))
        .atPriority(1).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("[]").withFixedDelay(20)));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    server.stop();
  }

  /** A new client each shot: nothing cached. */
  private SchemaRegistryClient client() {
    return SchemaRegistryClient.builder().baseUrls(server.baseUrl())
        .retries(0, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(60)).build();
  }

  @Benchmark
  public int parallelFetch1000() throws IOException {
    return baseline(levels, "no");
  }

  @Benchmark
  public int bulkListing() throws IOException {
    return baseline(listedLevels, "yes");
  }

  /**
   * One shot of the gate's fetch: every subject's versions and level (the gate needs the level too,
   * for LEVEL_RELAXED), checked to be all there and fetched the way {@code listed} says.
   */
  private int baseline(Map<String, CompatibilityLevel> subjects, String listed) throws IOException {
    int versions = 0;
    try (SchemaRegistryClient client = client(); RegistryBaseline baseline = new RegistryBaseline(client, "wiremock")) {
      baseline.fetchAhead(subjects, 32);
      for (String subject : subjects.keySet()) {
        versions += baseline.versions(subject, "com.bench.T").size();
        baseline.level(subject).orElseThrow();
      }
      if (!baseline.listing().startsWith(listed)) {
        throw new IllegalStateException("the listing was not as expected (" + listed + "): " + baseline.listing());
      }
    }
    if (versions != SUBJECTS * VERSIONS) {
      throw new IllegalStateException("fetched " + versions + " versions, not " + SUBJECTS * VERSIONS);
    }
    return versions;
  }

  @Benchmark
  public int sequentialOneCallPerSubject200() {
    RegistrySchema candidate = RegistrySchema.avro(CheckFixtures.schema(0, VERSIONS + 1, false));
    int compatible = 0;
    try (SchemaRegistryClient client = client()) {
      for (String subject : levels.keySet()) {
        compatible += client.testCompatibility(subject, candidate, OptionalInt.empty(), false).compatible() ? 1 : 0;
      }
    }
    return compatible;
  }
}
