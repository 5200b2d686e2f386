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
}
