package io.kafkacontracts.registry;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Key and trust stores for TLS tests, made by the JDK's keytool: PKCS12, password {@value #PASSWORD},
 * certificates for 127.0.0.1 valid two days. Shared with other modules' tests (the test jar).
 */
public final class TestCertificates {

  public static final String PASSWORD = "changeit";

  private TestCertificates() {}

  /** A key store {@code <name>.p12} with a key pair and its certificate, exported as {@code <name>.crt}. */
  public static Path keyStore(Path dir, String name) throws IOException, InterruptedException {
    Path store = dir.resolve(name + ".p12");
    run(keytool(), "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
    run(keytool(), "-exportcert", "-alias", name, "-keystore", store.toString(), "-storepass", PASSWORD,
        "-file", dir.resolve(name + ".crt").toString());
    return store;
  }

  /** A trust store {@code <name>.p12} holding the certificates of the named key stores made before. */
  public static Path trustStore(Path dir, String name, String... trusted) throws IOException, InterruptedException {
    Path store = dir.resolve(name + ".p12");
    for (String alias : trusted) {
      run(keytool(), "-importcert", "-noprompt", "-alias", alias, "-file", dir.resolve(alias + ".crt").toString(),
          "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD);
    }
    return store;
  }

  /** WireMock serving https only, on 127.0.0.1, with the certificate of a key store made here. */
  public static WireMockConfiguration https(Path keyStore) {
    return wireMockConfig().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1")
        .keystorePath(keyStore.toString()).keystorePassword(PASSWORD).keyManagerPassword(PASSWORD)
        .keystoreType("PKCS12");
  }

  private static String keytool() {
    return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }
}
