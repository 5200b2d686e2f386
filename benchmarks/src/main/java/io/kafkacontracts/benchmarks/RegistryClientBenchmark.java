package io.kafkacontracts.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kafkacontracts.registry.BatchRegistration;
import io.kafkacontracts.registry.RegistrySchema;
import io.kafkacontracts.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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

/** The registry client's cache and batch registration. */
public class RegistryClientBenchmark {

  /** A warmed cache: lookups that make no HTTP call (WireMock would count any). */
  @State(Scope.Benchmark)
  public static class Warm {
    WireMockServer server;
    SchemaRegistryClient client;
    RegistrySchema schema = RegistrySchema.avro(RealisticSchemas.version(0, 5).toString());

    @Setup(Level.Trial)
    public void setUp() {
      server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
      server.start();
      server.stubFor(any(anyUrl()).willReturn(okJson("{\"id\": 1, \"version\": 1, \"subject\": \"s-value\", "
          + "\"schema\": \"\\\"string\\\"\"}")));
      client = SchemaRegistryClient.builder().baseUrls(server.baseUrl()).build();
      client.schemaById(1);
      client.lookup("s-value", schema, false, false);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      client.close();
      int calls = server.getAllServeEvents().size();
      server.stop();
      if (calls != 2) {
        throw new IllegalStateException("the cached benchmarks made " + (calls - 2) + " HTTP calls");
      }
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  @Fork(1)
  public RegistrySchema cachedSchemaById(Warm warm) {
    return warm.client.schemaById(1);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  @Fork(1)
  public Object cachedLookup(Warm warm) {
    return warm.client.lookup("s-value", warm.schema, false, false);
  }

  /** 500 subjects never registered before, against a registry that takes 20 ms per call. */
  @State(Scope.Benchmark)
  public static class Cold {
    WireMockServer server;
    Map<String, RegistrySchema> batch;
    int round;

    @Setup(Level.Trial)
    public void setUp() {
      server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(64)
          .asynchronousResponseEnabled(true).asynchronousResponseThreads(64).disableRequestJournal());
      server.start();
      server.stubFor(post(urlPathMatching("/subjects/.*/versions"))
          .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
              .withBody("{\"id\": 1}").withFixedDelay(20)));
    }

    /** New subject names and a new client each time, so nothing is cached. */
    @Setup(Level.Invocation)
    public void newBatch() {
      round++;
      batch = new LinkedHashMap<>();
      for (int i = 0; i < 500; i++) {
        batch.put("round-" + round + "-subject-" + i + "-value", RegistrySchema.avro(RealisticSchemas.version(i, 3).toString()));
      }
    }

    SchemaRegistryClient client() {
      return SchemaRegistryClient.builder().baseUrls(server.baseUrl())
          .retries(0, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(60)).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      server.stop();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  @Fork(1)
  public int coldSequential500(Cold cold) {
    int sum = 0;
    try (SchemaRegistryClient client = cold.client()) {
      for (Map.Entry<String, RegistrySchema> e : cold.batch.entrySet()) {
        sum += client.register(e.getKey(), e.getValue(), false);
      }
    }
    return sum;
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  @Fork(1)
  public int coldParallelBatch500(Cold cold) {
    BatchRegistration result;
    try (SchemaRegistryClient client = cold.client()) {
      result = client.registerAll(cold.batch, false, 32);
    }
    if (!result.succeeded()) {
      throw new IllegalStateException("batch failed: " + result.failures().values().iterator().next().getMessage());
    }
    return result.ids().size();
  }
}
