package io.kafkacontracts.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Through an HTTP proxy that asks for its own credentials, as Confluent's {@code proxy.host} and
 * {@code proxy.port} send a client (the proxy here answers for the registry behind it, whose host
 * does not even resolve from the test: only the proxy is reached).
 */
class ProxyTest {

  private HttpServer proxy;
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String expected = "Basic " + Base64.getEncoder().encodeToString("proxy-user:pr0xy".getBytes(StandardCharsets.UTF_8));
    proxy.createContext("/", exchange -> {
      String credentials = exchange.getRequestHeaders().getFirst("Proxy-Authorization");
      seen.add(exchange.getRequestURI() + " " + credentials + " " + exchange.getRequestHeaders().getFirst("Authorization"));
      if (!expected.equals(credentials)) {
        exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"proxy\"");
        exchange.sendResponseHeaders(407, -1);
      } else {
        byte[] body = "[\"orders-value\"]".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    proxy.start();
  }

  @AfterEach
  void stop() {
    proxy.stop(0);
  }

  private SchemaRegistryClientBuilder throughProxy(Optional<String> userInfo) {
    return SchemaRegistryClient.builder().baseUrls("http://registry.invalid:8081").basicAuth("ci:s3cret")
        .proxy("127.0.0.1", proxy.getAddress().getPort(), userInfo)
        .retries(0, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5));
  }

  @Test
  void requestsGoThroughTheProxyWithItsCredentialsAndTheRegistrysOwn() {
    try (SchemaRegistryClient client = throughProxy(Optional.of("proxy-user:pr0xy")).build()) {
      assertThat(client.subjects(false, Optional.empty())).containsExactly("orders-value");
    }
    String registryAuth = "Basic " + Base64.getEncoder().encodeToString("ci:s3cret".getBytes(StandardCharsets.UTF_8));
    assertThat(seen).containsExactly(
        "http://registry.invalid:8081/subjects Basic cHJveHktdXNlcjpwcjB4eQ== " + registryAuth);
  }

  @Test
  void withoutItsCredentialsTheProxyRefusesWithA407() {
    try (SchemaRegistryClient client = throughProxy(Optional.empty()).build()) {
      assertThatThrownBy(() -> client.subjects(false, Optional.empty()))
          .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(407));
    }
  }
}
