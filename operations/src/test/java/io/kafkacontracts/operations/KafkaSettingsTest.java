package io.kafkacontracts.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSettingsTest {

  @TempDir
  Path work;

  @Test
  void propertiesComeFromTheFileThenTheEnvironmentThenTheBootstrapServersGiven() throws Exception {
    Path file = Files.writeString(work.resolve("client.properties"), """
        bootstrap.servers=file:9092
        security.protocol=SASL_SSL
        sasl.mechanism=PLAIN
        ssl.truststore.password=changeit
        """);
    Map<String, String> environment = Map.of(
        "CONTRACTS_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"svc\" password=\"s3cret\";",
        "CONTRACTS_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
        "CONTRACTS_REGISTRY_URL", "http://registry");

    KafkaSettings settings = KafkaSettings.resolve("given:9092", file, environment).orElseThrow();

    assertThat(settings.properties()).containsEntry("bootstrap.servers", "given:9092")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("security.protocol", "SASL_SSL")
        .containsKey("sasl.jaas.config").doesNotContainKey("registry.url");
    // Secrets never print.
    assertThat(settings.toString()).isEqualTo("given:9092 (sasl.jaas.config=[hidden], sasl.mechanism=SCRAM-SHA-512, "
        + "security.protocol=SASL_SSL, ssl.truststore.password=[hidden])").doesNotContain("s3cret", "changeit");
  }

  @Test
  void withoutBootstrapServersThereIsNoCluster() throws Exception {
    assertThat(KafkaSettings.resolve(null, null, Map.of("CONTRACTS_KAFKA_SECURITY_PROTOCOL", "SSL"))).isEmpty();
    assertThat(KafkaSettings.resolve(" ", null, Map.of("CONTRACTS_KAFKA_BOOTSTRAP_SERVERS", "env:9092")))
        .hasValueSatisfying(s -> assertThat(s.bootstrapServers()).isEqualTo("env:9092"));
  }
}
