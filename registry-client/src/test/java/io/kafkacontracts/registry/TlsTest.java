package io.kafkacontracts.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https with a trust store, against WireMock serving a certificate made for this test by keytool. */
class TlsTest {

  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir
  static Path dir;

  static WireMockServer server;
  static Path trustStore;

  @BeforeAll
  static void start() throws Exception {
    Path keyStore = TestCertificates.keyStore(dir, "registry");
    trustStore = TestCertificates.trustStore(dir, "trust", "registry");
    server = new WireMockServer(TestCertificates.https(keyStore));
    server.start();
    server.stubFor(get(urlEqualTo("/subjects")).willReturn(okJson("[\"secure-value\"]")));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static String url() {
    return "https://127.0.0.1:" + server.httpsPort();
  }

  @Test
  void aTrustStoreLetsTheClientTalkToARegistryWithItsOwnCertificate() {
    SchemaRegistryClient client = SchemaRegistryClient.builder().baseUrls(url())
        .tls(trustStore, PASSWORD, null, null, "PKCS12").build();

    assertThat(client.subjects(false, Optional.empty())).isEqualTo(List.of("secure-value"));
  }

  @Test
  void withoutItTheCertificateIsRefusedAsAnUnreachableRegistry() {
    SchemaRegistryClient client = SchemaRegistryClient.builder().baseUrls(url())
        .retries(0, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5)).build();

    assertThatThrownBy(() -> client.subjects(false, Optional.empty()))
        .isInstanceOfSatisfying(SchemaRegistryException.class,
            e -> assertThat(e.status()).isEqualTo(SchemaRegistryException.NO_RESPONSE))
        .hasMessageContaining("SSLHandshakeException");
  }

  @Test
  void aMissingStoreIsAClearSetUpError() {
    assertThatThrownBy(() -> SchemaRegistryClient.builder().baseUrls(url())
        .tls(dir.resolve("missing.p12"), PASSWORD, null, null, "PKCS12"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot set up TLS from the key/trust stores: ");
  }
}
