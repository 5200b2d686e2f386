package io.kafkacontracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.compat.catalogue.KeyFormat;
import io.kafkacontracts.compat.catalogue.SubjectNameStrategy;
import io.kafkacontracts.serde.test.v1.Order;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A catalogue topic whose subjects are named outright: its serdes write and read under those subjects. */
class NamedSubjectTest {

  private static final String SCOPE = "named-subjects";

  @AfterEach
  void drop() {
    MockSchemaRegistry.dropScope(SCOPE);
  }

  @Test
  void theSerdesUseTheSubjectsTheCatalogueNames() {
    Topic<String, Order> topic = new Topic<>("orders", String.class, Order.class, Optional.of("id"),
        SubjectNameStrategy.TOPIC_NAME, SubjectNameStrategy.RECORD_NAME, Optional.empty(), 3, (short) 1,
        Duration.ofDays(1), KeyFormat.AVRO, Optional.of("legacy orders key"), Optional.of("legacy_orders"));
    Map<String, Object> config = Map.of("schema.registry.url", "mock://" + SCOPE, "auto.register.schemas", true);
    Order order = TestRecords.orderV1(7);

    byte[] value = topic.valueSerde(config).serializer().serialize("orders", order);
    byte[] key = topic.keySerde(config).serializer().serialize("orders", topic.keyOf(order));

    MockSchemaRegistry registry = MockSchemaRegistry.forScope(SCOPE);
    assertThat(registry.subjects(false, Optional.empty())).containsExactlyInAnyOrder("legacy_orders",
        "legacy orders key");
    assertThat(topic.valueSubject()).isEqualTo("legacy_orders");
    assertThat(topic.keySubject()).contains("legacy orders key");
    assertThat(topic.valueSerde(config).deserializer().deserialize("orders", value)).isEqualTo(order);
    assertThat(topic.keySerde(config).deserializer().deserialize("orders", key)).isEqualTo(topic.keyOf(order));
  }

  @Test
  void aSubjectNamedInConfigOverridesTheStrategy() {
    SerdeConfig config = SerdeConfig.parse(Map.of("schema.registry.url", "mock://x",
        "value.subject.name.strategy", "RecordNameStrategy", "value.subject.name", "hand-named"));

    assertThat(config.subject("orders", false, "com.example.Order")).isEqualTo("hand-named");
    assertThat(config.subject("orders", true, "string")).isEqualTo("orders-key");
  }
}
