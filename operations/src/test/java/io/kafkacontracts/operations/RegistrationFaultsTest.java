package io.kafkacontracts.operations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.kafkacontracts.compat.CompatibilityLevel;
import io.kafkacontracts.compat.report.GateReport;
import io.kafkacontracts.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a registration says when the registry faults while writing: each result tells what
 * happened as far as the registry's answers show, and the counts keep "refused" (the registry said
 * no) apart from "failed" (no answer, or a server error).
 */
class RegistrationFaultsTest {

  @RegisterExtension
  static WireMockExtension registry = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final String SUBJECT = "orders-value";
  private static final Registration.Candidate ORDER = new Registration.Candidate(SUBJECT,
      "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}",
      CompatibilityLevel.FULL);

  private final SchemaRegistryClient client = SchemaRegistryClient.builder()
      .baseUrls("http://127.0.0.1:" + registry.getPort())
      .retries(2, Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofSeconds(5)).build();

  @AfterEach
  void close() {
    client.close();
  }

  private List<Registration.Result> register() {
    return Registration.apply(client, List.of(new Registration.Current(ORDER, 2, Optional.empty(), "BACKWARD")),
        false, 1, result -> { });
  }

  private static RegisterRun.Outcome outcome(List<Registration.Result> results) {
    return new RegisterRun.Outcome(new GateReport("test", List.of(), List.of(), List.of(), List.of()), List.of(),
        results);
  }

  @Test
  void aRegistrationAnsweredWithItsIdIsNewEvenWhenItsVersionCannotBeReadBack() {
    registry.stubFor(put(urlPathEqualTo("/config/" + SUBJECT)).willReturn(okJson("{\"compatibility\":\"FULL\"}")));
    registry.stubFor(post(urlPathEqualTo("/subjects/" + SUBJECT + "/versions")).willReturn(okJson("{\"id\":17}")));
    registry.stubFor(post(urlPathEqualTo("/subjects/" + SUBJECT))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    List<Registration.Result> results = register();

    assertThat(results).singleElement().satisfies(result -> {
      assertThat(result.outcome()).isEqualTo(Registration.Outcome.NEW_VERSION);
      assertThat(result.id()).isEqualTo(17);
      assertThat(result.version()).isZero();
      assertThat(result.describe()).startsWith(SUBJECT + ": new version (id 17; the registry answered the "
          + "registration, its version number was not confirmed: ").endsWith("; level BACKWARD -> FULL");
    });
    assertThat(outcome(results).summary(false)).isEqualTo("1 new versions, 0 unchanged, 0 refused, 1 levels changed");
    registry.verify(1, postRequestedFor(urlPathEqualTo("/subjects/" + SUBJECT + "/versions")));
  }

  @Test
  void aLevelWriteThatGotAServerErrorIsNotReportedAsChangedAndTheSchemaIsNotTried() {
    registry.stubFor(put(urlPathEqualTo("/config/" + SUBJECT)).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/json").withBody("{\"error_code\":50001,\"message\":\"store down\"}")));

    List<Registration.Result> results = register();

    assertThat(results).singleElement().satisfies(result -> {
      assertThat(result.outcome()).isEqualTo(Registration.Outcome.FAILED);
      assertThat(result.levelChanged()).isFalse();
      assertThat(result.level()).isEqualTo("BACKWARD");
      assertThat(result.describe()).startsWith(SUBJECT + ": failed: level BACKWARD -> FULL not written, so the schema "
          + "was not registered either: ").doesNotEndWith("-> FULL");
    });
    RegisterRun.Outcome outcome = outcome(results);
    assertThat(outcome.refused()).isZero();
    assertThat(outcome.failed()).isEqualTo(1);
    assertThat(outcome.summary(false)).isEqualTo(
        "0 new versions, 0 unchanged, 0 refused, 0 levels changed, 1 failed (no answer or a server error)");
    registry.verify(0, postRequestedFor(urlPathEqualTo("/subjects/" + SUBJECT + "/versions")));
  }

  @Test
  void aNoInTheRegistrysWordsIsRefusedNoAnswerIsFailed() {
    registry.stubFor(put(urlPathEqualTo("/config/" + SUBJECT)).willReturn(okJson("{\"compatibility\":\"FULL\"}")));
    registry.stubFor(post(urlPathEqualTo("/subjects/" + SUBJECT + "/versions")).willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/json").withBody("{\"error_code\":42201,\"message\":\"Invalid schema\"}")));

    List<Registration.Result> refused = register();

    assertThat(refused).extracting(Registration.Result::outcome).containsExactly(Registration.Outcome.REFUSED);
    assertThat(refused.get(0).describe()).startsWith(SUBJECT + ": refused: ").endsWith("; level BACKWARD -> FULL");
    assertThat(outcome(refused).summary(false)).isEqualTo("0 new versions, 0 unchanged, 1 refused, 1 levels changed");

    registry.stubFor(post(urlPathEqualTo("/subjects/" + SUBJECT + "/versions"))
        .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    List<Registration.Result> failed = register();

    assertThat(failed).extracting(Registration.Result::outcome).containsExactly(Registration.Outcome.FAILED);
    assertThat(outcome(failed).summary(false)).isEqualTo(
        "0 new versions, 0 unchanged, 0 refused, 1 levels changed, 1 failed (no answer or a server error)");
  }
}
