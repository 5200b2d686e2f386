package io.kafkacontracts.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

/** The JDK client's selector thread ends on close, on the Java version the build runs on. */
class JdkHttpClientsTest {

  @Test
  void closingEndsTheClientsOwnSelectorThreadAndNoOther() throws InterruptedException {
    HttpClient closed = HttpClient.newHttpClient();
    HttpClient other = HttpClient.newHttpClient();
    Thread selector = JdkHttpClients.selectorThread(closed);
    Thread otherSelector = JdkHttpClients.selectorThread(other);
    assertThat(selector).isNotNull().isNotSameAs(otherSelector);
    assertThat(selector.isAlive()).isTrue();

    JdkHttpClients.close(closed);
    JdkHttpClients.close(closed); // idempotent

    selector.join(10_000);
    assertThat(selector.isAlive()).as("the closed client's selector thread").isFalse();
    assertThat(otherSelector.isAlive()).as("another client's selector thread").isTrue();
    JdkHttpClients.close(other);
  }
}
