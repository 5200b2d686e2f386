package io.kafkacontracts.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Exact HTTP behaviour and faults, against WireMock on 127.0.0.1. */
class HttpClientBehaviourTest {

  @RegisterExtension
  static WireMockExtension registry = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final String ORDER = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[]}";
  private static final Duration FAST = Duration.ofMillis(10);

  private static String url() {
    return "http://127.0.0.1:" + registry.getPort();
  }

  private static SchemaRegistryClient client() {
    return SchemaRegistryClient.builder().baseUrls(url())
        .retries(3, FAST, FAST, Duration.ofSeconds(10)).build();
  }

  @Test
  void registerSendsTheContractAsWrittenWithConfluentsMediaType() {
    registry.stubFor(post(urlEqualTo("/subjects/orders-value/versions")).willReturn(okJson("{\"id\": 7}")));

    assertThat(client().register("orders-value", RegistrySchema.avro(ORDER), false)).isEqualTo(7);

    registry.verify(postRequestedFor(urlEqualTo("/subjects/orders-value/versions"))
        .withHeader("Content-Type", equalTo("application/vnd.schemaregistry.v1+json"))
        .withoutHeader("Upgrade")
        .withRequestBody(equalToJson("{\"schema\": \"" + ORDER.replace("\"", "\\\"") + "\"}", false, false)));
  }

  @Test
  void referencesTypesAndNormalizeAreSent() {
    registry.stubFor(post(urlEqualTo("/subjects/orders-value/versions?normalize=true")).willReturn(okJson("{\"id\": 8}")));
    RegistrySchema schema = new RegistrySchema("syntax = \"proto3\";", "PROTOBUF",
        List.of(new SchemaReference("common.proto", "common", 2)));

    assertThat(client().register("orders-value", schema, true)).isEqualTo(8);

    registry.verify(postRequestedFor(urlEqualTo("/subjects/orders-value/versions?normalize=true"))
        .withRequestBody(equalToJson("{\"schema\": \"syntax = \\\"proto3\\\";\", \"schemaType\": \"PROTOBUF\", "
            + "\"references\": [{\"name\": \"common.proto\", \"subject\": \"common\", \"version\": 2}]}")));
  }

  @Test
  void aSchemaIsFetchedByItsGuidOnceAndKept() {
    registry.stubFor(get(urlEqualTo("/schemas/guids/cc0e0e0e-53c1-4a1a-8f1a-000000000001")).willReturn(okJson(
        "{\"schema\": \"\\\"long\\\"\"}")));
    SchemaRegistryClient client = client();
    java.util.UUID guid = java.util.UUID.fromString("cc0e0e0e-53c1-4a1a-8f1a-000000000001");

    assertThat(client.schemaByGuid(guid)).isEqualTo(RegistrySchema.avro("\"long\""));
    assertThat(client.schemaByGuid(guid)).isEqualTo(RegistrySchema.avro("\"long\""));
    registry.verify(1, getRequestedFor(urlEqualTo("/schemas/guids/cc0e0e0e-53c1-4a1a-8f1a-000000000001")));
  }

  @Test
  void aSubjectsOwnModeOrNoneOfItsOwn() {
    registry.stubFor(get(urlEqualTo("/mode/orders-value")).willReturn(okJson("{\"mode\": "
        + "\"READONLY\"}")));
    registry.stubFor(get(urlEqualTo("/mode/payments-value")).willReturn(aResponse()
        .withStatus(404).withHeader("Content-Type", "application/json")
        .withBody("{\"error_code\": 40409, \"message\": \"Subject mode not configured\"}")));
    registry.stubFor(get(urlEqualTo("/mode/fails")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json").withBody("{\"error_code\": 40301, \"message\": \"no\"}")));

    assertThat(client().subjectMode("orders-value")).contains("READONLY");
    assertThat(client().subjectMode("payments-value")).isEmpty();
    assertThatThrownBy(() -> client().subjectMode("fails")).isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("HTTP 403");
  }

  @Test
  void subjectsAreOnePathSegmentWhateverTheyHold() {
    registry.stubFor(get(urlEqualTo("/subjects/team%2Forders%20v1%3Ax%25/versions")).willReturn(okJson("[1, 2]")));
    registry.stubFor(get(urlEqualTo("/subjects/%2E%2E/versions")).willReturn(okJson("[3]")));

    assertThat(client().versions("team/orders v1:x%")).containsExactly(1, 2);
    assertThat(client().versions("..")).containsExactly(3);
  }

  @Test
  void registryErrorsAreDecodedAndNotRetried() {
    registry.stubFor(get(urlEqualTo("/subjects/orders-value/versions/latest")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error_code\": 40401, \"message\": \"Subject 'orders-value' not found.\"}")));

    assertThatThrownBy(() -> client().latestVersion("orders-value"))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.errorCode()).isEqualTo(40401);
          assertThat(e.subject()).contains("orders-value");
          assertThat(e.isRetriable()).isFalse();
        })
        .hasMessage("GET /subjects/orders-value/versions/latest failed with HTTP 404, error code 40401: "
            + "Subject 'orders-value' not found.");
    registry.verify(1, getRequestedFor(urlEqualTo("/subjects/orders-value/versions/latest")));
  }

  @Test
  void aZeroOrMissingErrorCodeFallsBackToTheStatus() {
    registry.stubFor(get(urlEqualTo("/mode")).willReturn(aResponse().withStatus(404)
        .withBody("{\"error_code\": 0, \"message\": \"Operation not supported.\"}")));

    assertThatThrownBy(() -> client().mode())
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(404))
        .hasMessage("GET /mode failed with HTTP 404, error code 404: Operation not supported.");
  }

  @Test
  void anIncompatibleSchemaIs409() {
    registry.stubFor(post(urlEqualTo("/subjects/orders-value/versions")).willReturn(aResponse().withStatus(409)
        .withBody("{\"error_code\": 409, \"message\": \"Schema being registered is incompatible\"}")));

    assertThatThrownBy(() -> client().register("orders-value", RegistrySchema.avro(ORDER), false))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409));
    registry.verify(1, postRequestedFor(urlEqualTo("/subjects/orders-value/versions")));
  }

  @Test
  void aPlainTextErrorBodyStillGivesAClearError() {
    registry.stubFor(post(urlEqualTo("/subjects/orders-value/versions"))
        .willReturn(aResponse().withStatus(400).withBody("Unexpected character ('x')\n at line 1")));

    assertThatThrownBy(() -> client().register("orders-value", RegistrySchema.avro("x"), false))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(400))
        .hasMessage("POST /subjects/orders-value/versions failed with HTTP 400, error code 400: "
            + "Unexpected character ('x') at line 1");
  }

  @Test
  void serverErrorsAreRetriedUntilTheRegistryAnswers() {
    registry.stubFor(get(urlEqualTo("/schemas/ids/1")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
    registry.stubFor(get(urlEqualTo("/schemas/ids/1")).inScenario("flaky").whenScenarioStateIs("second")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
    registry.stubFor(get(urlEqualTo("/schemas/ids/1")).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(okJson("{\"schema\": \"\\\"string\\\"\"}")));

    assertThat(client().schemaById(1)).isEqualTo(RegistrySchema.avro("\"string\""));
    registry.verify(3, getRequestedFor(urlEqualTo("/schemas/ids/1")));
  }

  @Test
  void retriesAreBoundedAndTheLastFailureIsReported() {
    registry.stubFor(get(urlEqualTo("/schemas/ids/1")).willReturn(aResponse().withStatus(500)
        .withBody("{\"error_code\": 50001, \"message\": \"Error in the backend data store\"}")));

    assertThatThrownBy(() -> client().schemaById(1))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(50001);
          assertThat(e.isRetriable()).isTrue();
        });
    registry.verify(4, getRequestedFor(urlEqualTo("/schemas/ids/1")));
  }

  @Test
  void deletesAreNotRetried() {
    registry.stubFor(delete(urlEqualTo("/subjects/orders-value")).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> client().deleteSubject("orders-value", false)).isInstanceOf(SchemaRegistryException.class);
    registry.verify(1, deleteRequestedFor(urlEqualTo("/subjects/orders-value")));
  }

  @Test
  void tooManyRequestsHonoursRetryAfter() {
    registry.stubFor(get(urlEqualTo("/subjects")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("free"));
    registry.stubFor(get(urlEqualTo("/subjects")).inScenario("busy").whenScenarioStateIs("free")
        .willReturn(okJson("[\"a\"]")));

    long start = System.nanoTime();
    assertThat(client().subjects(false, Optional.empty())).containsExactly("a");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void failsOverToTheNextUrlWhenOneCannotBeReached() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    registry.stubFor(get(urlEqualTo("/schemas/types")).willReturn(okJson("[\"AVRO\", \"JSON\"]")));
    SchemaRegistryClient client = SchemaRegistryClient.builder()
        .baseUrls("http://127.0.0.1:" + closedPort + ", " + url())
        .retries(0, FAST, FAST, Duration.ofSeconds(5)).build();

    assertThat(client.schemaTypes()).containsExactly("AVRO", "JSON");
  }

  @Test
  void aRequestTheRegistryReceivedIsNotCalledUnreached() {
    registry.stubFor(post(urlEqualTo("/subjects/orders-value/versions"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    SchemaRegistryClient client = SchemaRegistryClient.builder().baseUrls(url())
        .retries(0, FAST, FAST, Duration.ofSeconds(5)).build();
    SchemaRegistryClient nowhere = SchemaRegistryClient.builder().baseUrls("http://127.0.0.1:1")
        .retries(0, FAST, FAST, Duration.ofSeconds(5)).build();

    // The registration may have been applied: the truth is that no answer came.
    assertThatThrownBy(() -> client.register("orders-value", RegistrySchema.avro(ORDER), false))
        .hasMessageStartingWith("POST /subjects/orders-value/versions got no answer from the schema registry at " + url());
    // Refused connection: the request never left.
    assertThatThrownBy(() -> nowhere.register("orders-value", RegistrySchema.avro(ORDER), false))
        .hasMessageStartingWith("POST /subjects/orders-value/versions could not reach the schema registry at "
            + "http://127.0.0.1:1: ConnectException");
  }

  @Test
  void anAnswerSlowerThanTheTimeoutIsAnErrorWithoutAResponse() {
    registry.stubFor(get(urlEqualTo("/mode")).willReturn(okJson("{\"mode\": \"READWRITE\"}").withFixedDelay(2_000)));
    SchemaRegistryClient client = SchemaRegistryClient.builder().baseUrls(url())
        .requestTimeout(Duration.ofMillis(200)).retries(1, FAST, FAST, Duration.ofSeconds(5)).build();

    assertThatThrownBy(client::mode)
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(SchemaRegistryException.NO_RESPONSE);
          assertThat(e.isRetriable()).isTrue();
        })
        // The registry may have received the request and acted on it: "got no answer", not "could not reach".
        .hasMessageStartingWith("GET /mode got no answer from the schema registry at " + url() + ": HttpTimeoutException");
  }

  @Test
  void malformedAndEmptySuccessBodiesAreClearErrors() {
    registry.stubFor(get(urlEqualTo("/config")).willReturn(okJson("{\"compatibilityLevel\": ")));
    registry.stubFor(get(urlEqualTo("/mode")).willReturn(aResponse().withStatus(200)));

    assertThatThrownBy(() -> client().globalCompatibility())
        .hasMessage("GET /config got an answer that is not JSON (HTTP 200): {\"compatibilityLevel\":");
    assertThatThrownBy(() -> client().mode())
        .hasMessage("GET /mode got an empty answer (HTTP 200) from the schema registry");
  }

  @Test
  void credentialsFromTheUrlBecomeBasicAuthAndAreNeverShown() {
    registry.stubFor(get(urlEqualTo("/subjects")).willReturn(aResponse().withStatus(401)
        .withBody("{\"error_code\": 401, \"message\": \"Unauthorized\"}")));
    SchemaRegistryClient client = SchemaRegistryClient.builder()
        .baseUrls("http://alice:s3cr%40t@127.0.0.1:" + registry.getPort()).build();

    assertThatThrownBy(() -> client.subjects(false, Optional.empty()))
        .hasMessageNotContaining("s3cr").hasMessageNotContaining("alice");
    assertThat(client.toString()).doesNotContain("s3cr").doesNotContain("alice");
    registry.verify(getRequestedFor(urlEqualTo("/subjects"))
        .withHeader("Authorization", equalTo("Basic YWxpY2U6czNjckB0")));
  }

  @Test
  void aBearerTokenIsAskedForOnEveryRequest() {
    registry.stubFor(get(urlEqualTo("/subjects")).willReturn(okJson("[]")));
    AtomicInteger issued = new AtomicInteger();
    SchemaRegistryClient client = SchemaRegistryClient.builder().baseUrls(url())
        .bearerToken(() -> "token-" + issued.incrementAndGet()).header("X-Team", "payments").build();

    client.subjects(false, Optional.empty());
    client.subjects(false, Optional.empty());

    registry.verify(getRequestedFor(urlEqualTo("/subjects")).withHeader("Authorization", equalTo("Bearer token-2"))
        .withHeader("X-Team", equalTo("payments")));
  }

  @Test
  void compatibilityAndConfig() {
    registry.stubFor(post(urlEqualTo("/compatibility/subjects/orders-value/versions?verbose=true"))
        .willReturn(okJson("{\"is_compatible\": false, \"messages\": [\"READER_FIELD_MISSING_DEFAULT_VALUE: qty\"]}")));
    registry.stubFor(post(urlEqualTo("/compatibility/subjects/orders-value/versions/3"))
        .willReturn(okJson("{\"is_compatible\": true}")));
    registry.stubFor(get(urlEqualTo("/config/orders-value")).willReturn(aResponse().withStatus(404)
        .withBody("{\"error_code\": 40408, \"message\": \"Subject 'orders-value' does not have subject-level compatibility configured\"}")));
    registry.stubFor(get(urlEqualTo("/config/orders-value?defaultToGlobal=true"))
        .willReturn(okJson("{\"compatibilityLevel\": \"BACKWARD\"}")));
    registry.stubFor(put(urlEqualTo("/config/orders-value")).willReturn(okJson("{\"compatibility\": \"FULL\"}")));

    SchemaRegistryClient client = client();
    assertThat(client.testCompatibility("orders-value", RegistrySchema.avro(ORDER), OptionalInt.empty(), true))
        .isEqualTo(new CompatibilityCheck(false, List.of("READER_FIELD_MISSING_DEFAULT_VALUE: qty")));
    assertThat(client.testCompatibility("orders-value", RegistrySchema.avro(ORDER), OptionalInt.of(3), false).compatible())
        .isTrue();
    assertThat(client.subjectCompatibility("orders-value", false)).isEmpty();
    assertThat(client.subjectCompatibility("orders-value", true)).contains("BACKWARD");
    client.setSubjectCompatibility("orders-value", "FULL");
    registry.verify(putRequestedFor(urlEqualTo("/config/orders-value"))
        .withRequestBody(equalToJson("{\"compatibility\": \"FULL\"}")));
  }

  @Test
  void aClosedClientRefusesRequestsWithoutSendingThem() {
    registry.stubFor(get(urlEqualTo("/subjects")).willReturn(okJson("[\"orders-value\"]")));
    SchemaRegistryClient client = SchemaRegistryClient.builder().baseUrls(url()).build(); // caching, over HTTP
    assertThat(client.subjects(false, Optional.empty())).containsExactly("orders-value");

    client.close();
    client.close(); // idempotent

    assertThatThrownBy(() -> client.version("orders-value", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this schema registry client is closed: GET /subjects/orders-value/versions/1 not sent");
    registry.verify(0, getRequestedFor(urlEqualTo("/subjects/orders-value/versions/1")));
  }

  @Test
  void answersAreReadOnTheClientsOwnThreadsWhichEndWhenItCloses() throws InterruptedException {
    registry.stubFor(get(urlEqualTo("/subjects/orders-value/versions")).willReturn(okJson("[1]")));
    Set<Thread> before = clientThreads();
    SchemaRegistryClient client = client();
    assertThat(client.versions("orders-value")).containsExactly(1);
    Set<Thread> started = clientThreads();
    started.removeAll(before);
    assertThat(started).as("the threads this client started")
        .extracting(Thread::getName)
        .anyMatch(name -> name.startsWith("kafka-contracts-http-"))
        .noneMatch(name -> name.matches("HttpClient-\\d+-Worker-\\d+")) // the JDK's default cached pool
        .anyMatch(name -> name.matches("HttpClient-\\d+-SelectorManager"));

    client.close();

    for (Thread thread : started) {
      thread.join(10_000);
      assertThat(thread.isAlive()).as("%s after close", thread.getName()).isFalse();
    }
  }

  /** The live threads of HTTP clients: their selectors, their executors' threads. */
  private static Set<Thread> clientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("HttpClient-") || thread.getName().startsWith("kafka-contracts-http-"))
        .collect(Collectors.toCollection(HashSet::new));
  }

  @Test
  void badUrlsAreRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> SchemaRegistryClient.builder().baseUrls("mock://scope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a schema registry URL must be http(s)://host[:port][/path], e.g. http://localhost:8081");
    assertThatThrownBy(() -> SchemaRegistryClient.builder().build())
        .hasMessage("no schema registry URL: call baseUrls(\"http://host:8081\")");
  }
}
