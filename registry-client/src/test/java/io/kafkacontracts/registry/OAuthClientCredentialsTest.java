package io.kafkacontracts.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OAuth client credentials as Confluent's clients use them: a token from the issuer's token
 * endpoint on the registry's requests, kept until shortly before it expires, then renewed; a
 * refusal says so with the endpoint's status and without the secret.
 */
class OAuthClientCredentialsTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private final AtomicLong clock = new AtomicLong();

  private OAuthClientCredentials credentials(String secret) {
    return new OAuthClientCredentials(URI.create(server.baseUrl() + "/oauth/token"), "ci", secret,
        Optional.of("schema registry"), Duration.ofSeconds(60), HttpClient.newHttpClient(), clock::get);
  }

  @Test
  void aTokenIsAskedForOnceAndRenewedBeforeItExpires() {
    server.stubFor(post(urlEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("{\"access_token\": \"t1\", \"token_type\": \"Bearer\", \"expires_in\": 300}"))
        .willSetStateTo("second"));
    server.stubFor(post(urlEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs("second")
        .willReturn(okJson("{\"access_token\": \"t2\", \"expires_in\": 300}")));
    server.stubFor(get(urlEqualTo("/subjects")).willReturn(okJson("[\"orders-value\"]")));
    SchemaRegistryClient client = SchemaRegistryClient.builder().baseUrls(server.baseUrl())
        .bearerToken(credentials("s3cret")).cache(0, Duration.ofSeconds(1), Duration.ofSeconds(1)).build();

    assertThat(client.subjects(false, Optional.empty())).isEqualTo(List.of("orders-value"));
    clock.addAndGet(Duration.ofSeconds(239).toNanos()); // still more than the 60 s buffer left
    client.subjects(false, Optional.empty());
    clock.addAndGet(Duration.ofSeconds(2).toNanos()); // within 60 s of expiry: renewed
    client.subjects(false, Optional.empty());

    server.verify(2, postRequestedFor(urlEqualTo("/oauth/token"))
        .withHeader("Authorization", equalTo("Basic Y2k6czNjcmV0")) // ci:s3cret
        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
        .withRequestBody(equalTo("grant_type=client_credentials&scope=schema+registry")));
    server.verify(2, getRequestedFor(urlEqualTo("/subjects")).withHeader("Authorization", equalTo("Bearer t1")));
    server.verify(1, getRequestedFor(urlEqualTo("/subjects")).withHeader("Authorization", equalTo("Bearer t2")));
  }

  @Test
  void aRefusalSaysSoWithoutTheSecretAndAnAnswerWithoutATokenToo() {
    server.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(401)
        .withBody("{\"error\": \"invalid_client\"}")));

    assertThatThrownBy(() -> credentials("s3cret").get()).isInstanceOfSatisfying(SchemaRegistryException.class,
        e -> assertThat(e.status()).isEqualTo(401))
        .hasMessage("the OAuth token endpoint " + server.baseUrl() + "/oauth/token refused the client credentials "
            + "with HTTP 401: {\"error\": \"invalid_client\"}")
        .hasMessageNotContaining("s3cret");

    server.stubFor(post(urlEqualTo("/oauth/token")).willReturn(okJson("{\"token_type\": \"Bearer\"}")));
    assertThatThrownBy(() -> credentials("s3cret").get()).isInstanceOf(SchemaRegistryException.class)
        .hasMessage("the OAuth token endpoint " + server.baseUrl() + "/oauth/token answered without an access_token");
  }

  @Test
  void aServerErrorIsAskedOnceMore() {
    server.stubFor(post(urlEqualTo("/oauth/token")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    server.stubFor(post(urlEqualTo("/oauth/token")).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(okJson("{\"access_token\": \"t3\", \"expires_in\": 300}")));

    assertThat(credentials("s3cret").get()).isEqualTo("t3");
    server.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
  }
}
