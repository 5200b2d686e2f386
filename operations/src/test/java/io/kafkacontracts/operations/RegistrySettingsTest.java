package io.kafkacontracts.operations;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.registry.SchemaRegistryException;
import io.kafkacontracts.registry.TestCertificates;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The front ends' registry settings become a client that speaks mTLS: against a registry (WireMock)
 * that requires a client certificate, the key store's certificate gets through and its absence is
 * refused at the handshake; passwords come from the environment when not given; extra headers are
 * sent; nothing secret is printed.
 */
class RegistrySettingsTest {

  @TempDir
  static Path dir;

  static WireMockServer registry;
  static Path trustStore;
  static Path clientKeyStore;

  @BeforeAll
  static void start() throws Exception {
    // One key pair for both ends (three keytool runs instead of six): the registry still refuses a client
    // without it, and accepts the certificate only because its trust store holds it.
    Path serverKeyStore = TestCertificates.keyStore(dir, "registry");
    clientKeyStore = serverKeyStore;
    trustStore = TestCertificates.trustStore(dir, "trust", "registry");
    Path serverTrust = trustStore;
    registry = new WireMockServer(TestCertificates.https(serverKeyStore).needClientAuth(true)
        .trustStorePath(serverTrust.toString()).trustStorePassword(TestCertificates.PASSWORD).trustStoreType("PKCS12"));
    registry.start();
    registry.stubFor(get(urlEqualTo("/subjects")).willReturn(okJson("[\"orders-value\"]")));
  }

  @AfterAll
  static void stop() {
    registry.stop();
  }

  private static String url() {
    return "https://127.0.0.1:" + registry.httpsPort();
  }

  @Test
  void theClientCertificateOfTheKeyStoreGetsThroughWithPasswordsFromTheEnvironment() {
    Map<String, String> environment = Map.of("CONTRACTS_REGISTRY_KEY_STORE_PASSWORD", TestCertificates.PASSWORD,
        "CONTRACTS_REGISTRY_TRUST_STORE_PASSWORD", TestCertificates.PASSWORD);
    RegistrySettings settings = RegistrySettings.resolve(url(), null, null, RegistrySettings.Tls.resolve(trustStore,
        null, "PKCS12", clientKeyStore, null, "PKCS12", null, environment::get), Map.of("X-Team", "payments"),
        Optional.empty(), Optional.empty(), environment::get).orElseThrow();

    try (SchemaRegistryClient client = settings.client()) {
      assertThat(client.subjects(false, Optional.empty())).isEqualTo(List.of("orders-value"));
    }
    registry.verify(getRequestedFor(urlEqualTo("/subjects")).withHeader("X-Team", equalTo("payments")));
    assertThat(settings).hasToString(url() + " trusting " + trustStore + " with the client certificate of "
        + clientKeyStore + " with headers [X-Team]");
  }

  @Test
  void withoutAClientCertificateTheRegistryRefusesTheHandshake() {
    RegistrySettings settings = RegistrySettings.resolve(url(), null, null, RegistrySettings.Tls.resolve(trustStore,
        TestCertificates.PASSWORD, "PKCS12", null, null, null, null, name -> null), Map.of(), Optional.empty(),
        Optional.empty(), name -> null).orElseThrow();

    try (SchemaRegistryClient client = settings.client()) {
      assertThatThrownBy(() -> client.subjects(false, Optional.empty()))
          .isInstanceOfSatisfying(SchemaRegistryException.class,
              e -> assertThat(e.status()).isEqualTo(SchemaRegistryException.NO_RESPONSE));
    }
  }

  @Test
  void oauthClientCredentialsGetTheTokenTheRegistryIsAskedWith() {
    WireMockServer plain = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    plain.start();
    try {
      plain.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/token"))
          .willReturn(okJson("{\"access_token\": \"t1\", \"expires_in\": 3600}")));
      plain.stubFor(get(urlEqualTo("/subjects")).willReturn(okJson("[]")));
      Map<String, String> environment = Map.of("CONTRACTS_REGISTRY_OAUTH_CLIENT_SECRET", "s3cr3t");
      RegistrySettings settings = RegistrySettings.resolve(plain.baseUrl(), null, null, RegistrySettings.Tls.NONE,
          Map.of(), RegistrySettings.OAuth.resolve(plain.baseUrl() + "/token", "ci", null, "registry",
              environment::get), Optional.empty(), environment::get).orElseThrow();

      try (SchemaRegistryClient client = settings.client()) {
        client.subjects(false, Optional.empty());
      }
      plain.verify(getRequestedFor(urlEqualTo("/subjects")).withHeader("Authorization", equalTo("Bearer t1")));
      assertThat(settings).hasToString(plain.baseUrl() + " with OAuth client credentials of ci at " + plain.baseUrl()
          + "/token");
      assertThatThrownBy(() -> RegistrySettings.OAuth.resolve(plain.baseUrl() + "/token", "ci", null, null,
          name -> null)).isInstanceOf(IllegalArgumentException.class).hasMessage("an OAuth token endpoint needs a "
              + "client id and a client secret (the secret as a -D property or CONTRACTS_REGISTRY_OAUTH_CLIENT_SECRET)");
    } finally {
      plain.stop();
    }
  }

  @Test
  void aProxyIsHostAndPortWithCredentialsFromTheEnvironment() {
    RegistrySettings.Proxy proxy = RegistrySettings.Proxy.resolve("proxy.corp:3128", null,
        Map.of("CONTRACTS_REGISTRY_PROXY_USER_INFO", "me:pr0xy")::get).orElseThrow();

    assertThat(proxy).isEqualTo(new RegistrySettings.Proxy("proxy.corp", 3128, Optional.of("me:pr0xy")));
    assertThat(RegistrySettings.resolve("http://registry:8081", null, null, RegistrySettings.Tls.NONE, Map.of(),
        Optional.empty(), Optional.of(proxy), name -> null).orElseThrow())
        .hasToString("http://registry:8081 through the proxy proxy.corp:3128 with its credentials");
    assertThat(RegistrySettings.Proxy.resolve(" ", null, name -> null)).isEmpty();
    assertThatThrownBy(() -> RegistrySettings.Proxy.resolve("proxy.corp", null, name -> null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the proxy must be host:port, not 'proxy.corp'");
  }

  @Test
  void aWrongKeyStorePasswordIsASetUpErrorThatDoesNotShowIt() {
    RegistrySettings settings = RegistrySettings.resolve(url(), null, null, RegistrySettings.Tls.resolve(trustStore,
        TestCertificates.PASSWORD, "PKCS12", clientKeyStore, "s3cr3t-wrong", "PKCS12", null, name -> null), Map.of(),
        Optional.empty(), Optional.empty(), name -> null).orElseThrow();

    assertThatThrownBy(settings::client).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot set up TLS from the key/trust stores: ").hasMessageNotContaining("s3cr3t");
    assertThat(settings.toString()).doesNotContain("s3cr3t", TestCertificates.PASSWORD);
  }
}
