package io.kafkacontracts.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
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
    Path keyStore = dir.resolve("server.p12");
    Path cert = dir.resolve("server.crt");
    trustStore = dir.resolve("trust.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(keytool, "-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keyStore.toString(), "-storepass", "changeit", "-keypass", "changeit");
    run(keytool, "-exportcert", "-alias", "registry", "-keystore", keyStore.toString(), "-storepass", "changeit",
        "-file", cert.toString());
    run(keytool, "-importcert", "-noprompt", "-alias", "registry", "-file", cert.toString(), "-storetype", "PKCS12",
        "-keystore", trustStore.toString(), "-storepass", "changeit");
    server = new WireMockServer(wireMockConfig().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1")
        .keystorePath(keyStore.toString()).keystorePassword("changeit").keyManagerPassword("changeit")
        .keystoreType("PKCS12"));
    server.start();
    server.stubFor(get(urlEqualTo("/subjects")).willReturn(okJson("[\"secure-value\"]")));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
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
