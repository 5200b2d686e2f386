package io.kafkacontracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkacontracts.compat.catalogue.SubjectNameStrategy;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SerdeConfigTest {

  @Test
  void defaultsAreConfluents() {
    SerdeConfig config = SerdeConfig.parse(Map.of("schema.registry.url", "http://a:8081, http://b:8081"));

    assertThat(config.urls()).containsExactly("http://a:8081", "http://b:8081");
    assertThat(config.autoRegister()).isTrue();
    assertThat(config.useLatestVersion()).isFalse();
    assertThat(config.latestCompatibilityStrict()).isTrue();
    assertThat(config.normalize()).isFalse();
    assertThat(config.specificReader()).isFalse();
    assertThat(config.strategy(true)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
    assertThat(config.strategy(false)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
    assertThat(config.maxNestingDepth()).isEqualTo(100);
  }

  @Test
  void everyKeyIsDeclaredOnceWithADoc() {
    assertThat(SerdeConfig.DEFINITION.names()).contains("schema.registry.url", "auto.register.schemas",
        "use.latest.version", "latest.compatibility.strict", "normalize.schemas", "key.subject.name.strategy",
        "value.subject.name.strategy", "specific.avro.reader", "basic.auth.credentials.source",
        "basic.auth.user.info", "bearer.auth.credentials.source", "bearer.auth.token",
        "schema.registry.ssl.truststore.location", "schema.registry.ssl.keystore.location");
    SerdeConfig.DEFINITION.configKeys().values()
        .forEach(key -> assertThat(key.documentation).as(key.name).isNotBlank());
  }

  @Test
  void everyTlsKeyOfConfluentsClientIsHonouredOrRefusedNoneIgnored() {
    // Confluent's client takes Kafka's client TLS keys under schema.registry. (SchemaRegistryClientConfig).
    java.util.Set<String> honoured = new java.util.TreeSet<>();
    java.util.Map<String, String> refused = new java.util.TreeMap<>();
    for (org.apache.kafka.common.config.ConfigDef.ConfigKey key
        : new org.apache.kafka.common.config.ConfigDef().withClientSslSupport().configKeys().values()) {
      String name = "schema.registry." + key.name;
      if (SerdeConfig.DEFINITION.names().contains(name)) {
        honoured.add(name);
        continue;
      }
      Object notDefault = switch (key.type) {
        case LIST -> "TLSv1.1";
        case CLASS -> "com.example.Engine";
        default -> "something-else";
      };
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> SerdeConfig.parse(Map.of(
          "schema.registry.url", "mock://x", name, notDefault)));
      assertThat(thrown).as(name).isInstanceOf(ConfigException.class).hasMessageContaining(name)
          .hasMessageContaining("not supported by kafka-contracts' serdes: ");
      refused.put(name, thrown.getMessage());
      if (key.defaultValue != null) { // at Kafka's default it means what the JDK does here: accepted
        SerdeConfig.parse(Map.of("schema.registry.url", "mock://x", name, key.defaultValue instanceof java.util.List<?> l
            ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(key.defaultValue)));
      }
    }
    assertThat(honoured).containsExactly("schema.registry.ssl.key.password", "schema.registry.ssl.keystore.location",
        "schema.registry.ssl.keystore.password", "schema.registry.ssl.keystore.type",
        "schema.registry.ssl.truststore.location", "schema.registry.ssl.truststore.password",
        "schema.registry.ssl.truststore.type");
    assertThat(refused).containsKeys("schema.registry.ssl.endpoint.identification.algorithm",
        "schema.registry.ssl.truststore.certificates", "schema.registry.ssl.protocol");
    assertThat(refused.get("schema.registry.ssl.endpoint.identification.algorithm"))
        .endsWith("the registry's host name is always verified against its certificate; give the registry a "
            + "certificate that names its host");
    assertThat(refused.get("schema.registry.ssl.keystore.key")).contains("[hidden]")
        .doesNotContain("something-else");
    // Confluent's deprecated basic auth key is read; the key Confluent never had is refused saying which it had.
    assertThatThrownBy(() -> SerdeConfig.parse(Map.of("schema.registry.url", "mock://x", "schema.registry.user.info",
        "ci:s3cret"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("its deprecated one is schema.registry.basic.auth.user.info").hasMessageNotContaining("s3cret");
    SerdeConfig.parse(Map.of("schema.registry.url", "mock://x", "rule.service.loader.enable", "false"));
    assertThatThrownBy(() -> SerdeConfig.parse(Map.of("schema.registry.url", "mock://x",
        "rule.service.loader.enable", "true"))).isInstanceOf(ConfigException.class);
  }

  @Test
  void oauthBearerAsksTheIssuerForATokenAndSendsItWithConfluentCloudsHeaders() throws Exception {
    java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer server = jsonServer(seen, exchange -> exchange.getRequestURI().getPath() + " "
        + exchange.getRequestHeaders().getFirst("Authorization") + " "
        + exchange.getRequestHeaders().getFirst("target-sr-cluster") + " "
        + exchange.getRequestHeaders().getFirst("Confluent-Identity-Pool-Id"),
        path -> path.equals("/token") ? "{\"access_token\": \"t1\", \"expires_in\": 3600}" : LONG_SCHEMA);
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      SerdeConfig config = SerdeConfig.parse(Map.of("schema.registry.url", base, "bearer.auth.credentials.source",
          "OAUTHBEARER", "bearer.auth.issuer.endpoint.url", base + "/token", "bearer.auth.client.id", "ci",
          "bearer.auth.client.secret", "s3cret", "bearer.auth.logical.cluster", "lsrc-1",
          "bearer.auth.identity.pool.id", "pool-2", "bearer.auth.scope.claim.name", "scope"));

      config.registry().schemaById(1);
      assertThat(seen).containsExactly("/token Basic Y2k6czNjcmV0 null null", "/schemas/ids/1 Bearer t1 lsrc-1 pool-2");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void proxyHostAndPortSendTheRequestsThroughTheProxy() throws Exception {
    java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer proxy = jsonServer(seen, exchange -> exchange.getRequestURI().toString(),
        path -> LONG_SCHEMA);
    try {
      SerdeConfig.parse(Map.of("schema.registry.url", "http://registry.invalid:8081", "proxy.host", "127.0.0.1",
          "proxy.port", proxy.getAddress().getPort())).registry().schemaById(1);
      assertThat(seen).containsExactly("http://registry.invalid:8081/schemas/ids/1");
      assertThatThrownBy(() -> SerdeConfig.parse(Map.of("schema.registry.url", "http://registry.invalid:8081",
          "proxy.host", "127.0.0.1")).registry()).isInstanceOf(ConfigException.class)
          .hasMessageContaining("give proxy.port with proxy.host");
    } finally {
      proxy.stop(0);
    }
  }

  @Test
  void confluentsDeprecatedUserInfoKeyAuthenticates() throws Exception {
    java.util.List<String> auth = new java.util.concurrent.CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer server = jsonServer(auth,
        exchange -> String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")), path -> LONG_SCHEMA);
    try {
      SerdeConfig config = SerdeConfig.parse(Map.of("schema.registry.url", "http://127.0.0.1:"
          + server.getAddress().getPort(), "basic.auth.credentials.source", "USER_INFO",
          "schema.registry.basic.auth.user.info", "ci:s3cret"));

      config.registry().schemaById(1);
      assertThat(auth).containsExactly("Basic " + java.util.Base64.getEncoder().encodeToString(
          "ci:s3cret".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void confluent8sAssociatedNameStrategyAndItsFallbackAreRefusedNotIgnored() {
    assertThatThrownBy(() -> SerdeConfig.parse(Map.of("schema.registry.url", "mock://x", "value.subject.name.strategy",
        "io.confluent.kafka.serializers.subject.AssociatedNameStrategy"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("AssociatedNameStrategy (subjects found through the registry's topic associations) is "
            + "not supported").hasMessageEndingWith("or outright with value.subject.name");
    assertThatThrownBy(() -> SerdeConfig.parse(Map.of("schema.registry.url", "mock://x",
        "subject.name.strategy.fallback.type", "TOPIC"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("AssociatedNameStrategy, which is not supported");
  }

  @Test
  void anUnknownRegistryKeyIsWarnedOfOnceAndOtherUnknownKeysIgnored() {
    SerdeConfig config = SerdeConfig.parse(Map.of("schema.registry.url", "mock://x", "schema.registry.retries", 3,
        "schema.registry.ssl.truststore.location", ""));
    SerdeConfig.parse(Map.of("schema.registry.url", "mock://x", "schema.registry.retries", 4));

    assertThat(config.urls()).containsExactly("mock://x");
    // Warned of (through SLF4J), once: a key of ours or Confluent's is not.
    assertThat(SerdeConfig.warnedKeys()).contains("schema.registry.retries")
        .doesNotContain("schema.registry.url", "schema.registry.ssl.truststore.location");
  }

  @Test
  void unknownKeysAreIgnoredAsKafkaDoes() {
    SerdeConfig config = SerdeConfig.parse(Map.of("schema.registry.url", "mock://x", "bootstrap.servers", "k:9092",
        "some.future.key", 42));

    assertThat(config.urls()).containsExactly("mock://x");
  }

  @Test
  void wrongValuesNameTheKey() {
    assertThatThrownBy(() -> SerdeConfig.parse(Map.of("schema.registry.url", "mock://x", "auto.register.schemas", "yes")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value yes for configuration auto.register.schemas: Expected value to be either true or false");
    assertThatThrownBy(() -> SerdeConfig.parse(Map.of("schema.registry.url", "mock://x",
        "value.subject.name.strategy", "TopicStrategy")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value TopicStrategy for configuration value.subject.name.strategy: expected "
            + "TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy (simple or Confluent's full class name)");
    assertThatThrownBy(() -> SerdeConfig.parse(Map.of("schema.registry.url", "mock://x", "avro.max.nesting.depth", 0)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value 0 for configuration avro.max.nesting.depth: Value must be at least 1");
  }

  @Test
  void aMissingUrlIsNamed() {
    assertThatThrownBy(() -> SerdeConfig.parse(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Missing required configuration \"schema.registry.url\" which has no default value.");
  }

  @Test
  void credentialsNeverAppearInErrors() {
    assertThatThrownBy(() -> SerdeConfig.parse(Map.of("schema.registry.url", "ftp://user:s3cret@host",
        "basic.auth.credentials.source", "URL")).registry())
        .isInstanceOf(ConfigException.class)
        .message().doesNotContain("s3cret").contains("schema.registry.url");
    assertThatThrownBy(() -> SerdeConfig.parse(Map.of("schema.registry.url", "http://host",
        "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "s3cret-without-colon")).registry())
        .isInstanceOf(ConfigException.class)
        .hasMessage("basic.auth.user.info must be user:password when basic.auth.credentials.source is USER_INFO");
  }

  @Test
  void mockUrlsSelectTheInMemoryRegistry() {
    assertThat(SerdeConfig.parse(Map.of("schema.registry.url", "mock://config-test")).registry())
        .isSameAs(MockSchemaRegistry.forScope("config-test"));
    MockSchemaRegistry.dropScope("config-test");
  }

  @Test
  void confluentsKeysThatAreNotImplementedAreRefusedSayingWhatToDo() {
    assertThatThrownBy(() -> SerdeConfig.parse(Map.of("schema.registry.url", "mock://x", "use.schema.id", 7)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value 7 for configuration use.schema.id: not supported by kafka-contracts' serdes: "
            + "writing with a fixed schema id is not supported: CI registers the contracts; look schemas up by their "
            + "text (auto.register.schemas=false) or use use.latest.version=true");
    assertThatThrownBy(() -> SerdeConfig.parse(Map.of("schema.registry.url", "mock://x",
        "avro.remove.java.properties", false)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("are always removed before registering");
    assertThatThrownBy(() -> SerdeConfig.parse(Map.of("schema.registry.url", "mock://x",
        "bearer.auth.custom.provider.class", "com.example.Tokens")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("custom token providers are not supported");
    assertThatThrownBy(() -> SerdeConfig.parse(Map.of("schema.registry.url", "http://registry:8081",
        "bearer.auth.credentials.source", "OAUTHBEARER", "bearer.auth.client.secret", "s3cret")).registry())
        .isInstanceOf(ConfigException.class).hasMessage("bearer.auth.credentials.source OAUTHBEARER needs "
            + "bearer.auth.issuer.endpoint.url, bearer.auth.client.id and bearer.auth.client.secret");
    // Confluent's defaults that mean what these serdes do anyway pass, as written in a carried-over config.
    SerdeConfig.parse(Map.of("schema.registry.url", "mock://x", "use.schema.id", -1, "latest.cache.ttl.sec", "-1",
        "avro.remove.java.properties", true, "max.schemas.per.subject", 1000, "id.compatibility.strict", true));
    assertThat(SerdeConfig.unsupportedKeys()).contains("use.latest.with.metadata", "rule.executors")
        .doesNotContain("proxy.host", "proxy.port");
  }

  @Test
  void confluentsClientKeysTuneTheRegistryClient() throws Exception {
    // A registry that always fails: the attempts and the headers it receives show the settings at work.
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    java.util.List<String> teams = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.createContext("/", exchange -> {
      teams.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Team")));
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
    });
    server.start();
    try {
      SerdeConfig config = SerdeConfig.parse(Map.of("schema.registry.url",
          "http://127.0.0.1:" + server.getAddress().getPort(), "http.connect.timeout.ms", 200,
          "http.read.timeout.ms", 300, "max.retries", 1, "retries.wait.ms", 10, "request.header.X-Team", "payments"));

      assertThatThrownBy(() -> config.registry().schemaById(1)).hasMessageContaining("503");
      assertThat(teams).containsExactly("payments", "payments"); // one attempt and one retry
    } finally {
      server.stop(0);
    }
    assertThatThrownBy(() -> SerdeConfig.parse(Map.of("schema.registry.url", "mock://x", "max.retries", -1)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value -1 for configuration max.retries: Value must be at least 0");
  }

  /**
   * A local HTTP server answering every request with the JSON {@code answer} gives for its path,
   * after noting in {@code seen} what {@code note} makes of it; the caller stops it.
   */
  private static com.sun.net.httpserver.HttpServer jsonServer(java.util.List<String> seen,
      java.util.function.Function<com.sun.net.httpserver.HttpExchange, String> note,
      java.util.function.Function<String, String> answer) throws java.io.IOException {
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      seen.add(note.apply(exchange));
      byte[] body = answer.apply(exchange.getRequestURI().getPath()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return server;
  }

  private static final String LONG_SCHEMA = "{\"schema\": \"\\\"long\\\"\"}";
}
