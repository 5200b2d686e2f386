package io.kafkacontracts.operations;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * How to reach a Kafka cluster, as Kafka clients configure it: {@code bootstrap.servers} and any
 * client property (SASL, SSL...), from a properties file and from {@code CONTRACTS_KAFKA_*}
 * environment variables ({@code CONTRACTS_KAFKA_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}), so
 * secrets need not be written in a pom. {@link #toString()} hides every secret. Immutable.
 *
 * @param properties the client properties, {@code bootstrap.servers} among them
 */
public record KafkaSettings(Map<String, String> properties) {

  /** The prefix of the environment variables read, e.g. {@code CONTRACTS_KAFKA_BOOTSTRAP_SERVERS}. */
  public static final String VARIABLE_PREFIX = "CONTRACTS_KAFKA_";

  public KafkaSettings {
    properties = Map.copyOf(properties);
    if (!properties.containsKey(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)) {
      throw new IllegalArgumentException("no bootstrap.servers");
    }
  }

  /**
   * The settings from, in rising precedence, a properties file, the environment's
   * {@code CONTRACTS_KAFKA_*} variables and the bootstrap servers given; empty when none names the
   * bootstrap servers.
   *
   * @param bootstrapServers {@code host:port,...}, or null
   * @param propertiesFile   a Kafka client properties file, or null
   * @param environment      the environment variables
   */
  public static Optional<KafkaSettings> resolve(String bootstrapServers, Path propertiesFile,
      Map<String, String> environment) throws IOException {
    Map<String, String> properties = new TreeMap<>();
    if (propertiesFile != null) {
      Properties file = new Properties();
      try (Reader in = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
        file.load(in);
      }
      file.stringPropertyNames().forEach(name -> properties.put(name, file.getProperty(name).strip()));
    }
    environment.forEach((name, value) -> {
      if (name.startsWith(VARIABLE_PREFIX) && name.length() > VARIABLE_PREFIX.length() && !value.isBlank()) {
        properties.put(name.substring(VARIABLE_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'),
            value.strip());
      }
    });
    if (bootstrapServers != null && !bootstrapServers.isBlank()) {
      properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.strip());
    }
    return properties.containsKey(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
        ? Optional.of(new KafkaSettings(properties)) : Optional.empty();
  }

  /** An admin client; the caller closes it. */
  public Admin admin() {
    Map<String, Object> config = new TreeMap<>(properties);
    config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "kafka-contracts");
    // A cluster that does not answer fails the run within a minute, not after the client's default retries.
    config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
    config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "20000");
    return Admin.create(config);
  }

  public String bootstrapServers() {
    return properties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
  }

  /** Whether a property holds a secret: passwords, keys, JAAS configs, tokens. */
  static boolean secret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.contains("password") || lower.contains("jaas") || lower.contains("secret")
        || lower.contains("token") || lower.endsWith(".key") || lower.contains("credentials");
  }

  /** The bootstrap servers and the other properties' names and values by name, secrets hidden. */
  @Override
  public String toString() {
    return bootstrapServers() + new TreeMap<>(properties).entrySet().stream()
        .filter(e -> !e.getKey().equals(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG))
        .map(e -> e.getKey() + "=" + (secret(e.getKey()) ? "[hidden]" : e.getValue()))
        .collect(Collectors.joining(", ", " (", ")")).replace(" ()", "");
  }
}
