package io.kafkacontracts.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cache in front of the HTTP client, counted in requests WireMock received. */
class CachingTest {

  @RegisterExtension
  static WireMockExtension registry = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(40))
      .build();

  private static SchemaRegistryClient client(Duration latestTtl) {
    return SchemaRegistryClient.builder().baseUrls("http://127.0.0.1:" + registry.getPort())
        .retries(0, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5))
        .cache(1_000, latestTtl, Duration.ofSeconds(1)).build();
  }

  @Test
  void aCacheOfNoEntriesIsNoCacheWhateverTheDurations() {
    registry.stubFor(get(urlEqualTo("/schemas/ids/4")).willReturn(okJson("{\"schema\": \"\\\"string\\\"\"}")));
    SchemaRegistryClient client = SchemaRegistryClient.builder().baseUrls("http://127.0.0.1:" + registry.getPort())
        .cache(0, Duration.ZERO, Duration.ZERO).build();

    for (int i = 0; i < 3; i++) {
      assertThat(client.schemaById(4).schema()).isEqualTo("\"string\"");
    }
    registry.verify(3, getRequestedFor(urlEqualTo("/schemas/ids/4")));
    assertThatThrownBy(() -> SchemaRegistryClient.builder().cache(10, Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("latestTtl must be positive: PT0S");
  }

  @Test
  void schemasByIdAreFetchedOnce() {
    registry.stubFor(get(urlEqualTo("/schemas/ids/5")).willReturn(okJson("{\"schema\": \"\\\"string\\\"\"}")));
    SchemaRegistryClient client = client(Duration.ofSeconds(60));

    for (int i = 0; i < 100; i++) {
      assertThat(client.schemaById(5).schema()).isEqualTo("\"string\"");
    }
    registry.verify(1, getRequestedFor(urlEqualTo("/schemas/ids/5")));
  }

  @Test
  void concurrentIdenticalRequestsMakeOneCall() throws Exception {
    registry.stubFor(get(urlEqualTo("/schemas/ids/6"))
        .willReturn(okJson("{\"schema\": \"\\\"long\\\"\"}").withFixedDelay(300)));
    SchemaRegistryClient client = client(Duration.ofSeconds(60));
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<RegistrySchema>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(pool.submit(() -> {
        start.await();
        return client.schemaById(6);
      }));
    }
    start.countDown();
    for (Future<RegistrySchema> answer : answers) {
      assertThat(answer.get().schema()).isEqualTo("\"long\"");
    }
    pool.shutdown();
    registry.verify(1, getRequestedFor(urlEqualTo("/schemas/ids/6")));
  }

  @Test
  void theLatestVersionIsTrustedForItsTtl() throws InterruptedException {
    registry.stubFor(get(urlEqualTo("/subjects/orders-value/versions/latest"))
        .willReturn(okJson("{\"subject\": \"orders-value\", \"id\": 3, \"version\": 2, \"schema\": \"\\\"int\\\"\"}")));
    SchemaRegistryClient client = client(Duration.ofSeconds(1));

    client.latestVersion("orders-value");
    client.latestVersion("orders-value");
    registry.verify(1, getRequestedFor(urlEqualTo("/subjects/orders-value/versions/latest")));
    Thread.sleep(1_200);
    assertThat(client.latestVersion("orders-value").version()).isEqualTo(2);
    registry.verify(2, getRequestedFor(urlEqualTo("/subjects/orders-value/versions/latest")));
  }

  @Test
  void missesAreCachedBrieflyAndOutagesNotAtAll() throws InterruptedException {
    registry.stubFor(get(urlEqualTo("/schemas/ids/404")).willReturn(aResponse().withStatus(404)
        .withBody("{\"error_code\": 40403, \"message\": \"Schema not found\"}")));
    registry.stubFor(get(urlEqualTo("/schemas/ids/503")).willReturn(aResponse().withStatus(503)));
    SchemaRegistryClient client = client(Duration.ofSeconds(60));

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> client.schemaById(404)).isInstanceOf(SchemaRegistryException.class);
      assertThatThrownBy(() -> client.schemaById(503)).isInstanceOf(SchemaRegistryException.class);
    }
    registry.verify(1, getRequestedFor(urlEqualTo("/schemas/ids/404")));
    registry.verify(3, getRequestedFor(urlEqualTo("/schemas/ids/503")));
    Thread.sleep(1_200);
    assertThatThrownBy(() -> client.schemaById(404)).isInstanceOf(SchemaRegistryException.class);
    registry.verify(2, getRequestedFor(urlEqualTo("/schemas/ids/404")));
  }

  @Test
  void aRegisteredSchemaIsKnownByItsIdWithoutAsking() {
    registry.stubFor(post(urlEqualTo("/subjects/orders-value/versions")).willReturn(okJson("{\"id\": 11}")));
    SchemaRegistryClient client = client(Duration.ofSeconds(60));

    assertThat(client.register("orders-value", RegistrySchema.avro("\"int\""), false)).isEqualTo(11);
    assertThat(client.register("orders-value", RegistrySchema.avro("\"int\""), false)).isEqualTo(11);
    assertThat(client.schemaById(11)).isEqualTo(RegistrySchema.avro("\"int\""));
    registry.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        urlEqualTo("/subjects/orders-value/versions")));
    registry.verify(0, getRequestedFor(urlEqualTo("/schemas/ids/11")));
  }

  @Test
  void aRegisterForgetsTheMissesItMadeStale() {
    String lookup = "/subjects/orders-value";
    registry.stubFor(post(urlEqualTo(lookup)).inScenario("register").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(404).withBody("{\"error_code\": 40403, \"message\": \"Schema not found\"}")));
    registry.stubFor(get(urlEqualTo(lookup + "/versions/2")).inScenario("register").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(404).withBody("{\"error_code\": 40402, \"message\": \"Version not found\"}")));
    registry.stubFor(post(urlEqualTo(lookup + "/versions")).inScenario("register").willSetStateTo("registered")
        .willReturn(okJson("{\"id\": 12}")));
    String found = "{\"subject\": \"orders-value\", \"id\": 12, \"version\": 2, \"schema\": \"\\\"int\\\"\"}";
    registry.stubFor(post(urlEqualTo(lookup)).inScenario("register").whenScenarioStateIs("registered")
        .willReturn(okJson(found)));
    registry.stubFor(get(urlEqualTo(lookup + "/versions/2")).inScenario("register").whenScenarioStateIs("registered")
        .willReturn(okJson(found)));
    SchemaRegistryClient client = client(Duration.ofSeconds(60));
    RegistrySchema schema = RegistrySchema.avro("\"int\"");

    assertThatThrownBy(() -> client.lookup("orders-value", schema, false, false)).isInstanceOf(SchemaRegistryException.class);
    assertThatThrownBy(() -> client.version("orders-value", 2)).isInstanceOf(SchemaRegistryException.class);
    client.register("orders-value", schema, false);

    assertThat(client.lookup("orders-value", schema, false, false).version()).isEqualTo(2);
    assertThat(client.version("orders-value", 2).id()).isEqualTo(12);
    registry.verify(2, postRequestedFor(urlEqualTo(lookup)));
    registry.verify(2, getRequestedFor(urlEqualTo(lookup + "/versions/2")));
  }
}
