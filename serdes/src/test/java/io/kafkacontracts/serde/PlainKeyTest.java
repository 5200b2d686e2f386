package io.kafkacontracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkacontracts.compat.catalogue.KeyFormat;
import io.kafkacontracts.compat.catalogue.SubjectNameStrategy;
import io.kafkacontracts.serde.test.v1.Order;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A catalogue key written plain: the bytes of Kafka's own serializer, no framing, no subject. */
class PlainKeyTest {

  private static <K> Topic<K, Order> topic(Class<K> keyType, KeyFormat format) {
    return new Topic<>("orders", keyType, Order.class, Optional.of("id"), SubjectNameStrategy.TOPIC_NAME,
        SubjectNameStrategy.TOPIC_NAME, Optional.empty(), 3, (short) 1, Duration.ofDays(1), format);
  }

  @Test
  void aPlainStringKeyIsWhatStringSerializerWritesAndHasNoSubject() {
    Topic<String, Order> plain = topic(String.class, KeyFormat.PLAIN);
    Order order = TestRecords.orderV1(4);
    String key = plain.keyOf(order);

    byte[] bytes = plain.keySerde(Map.of("schema.registry.url", "mock://unused")).serializer().serialize("orders", key);

    assertThat(bytes).isEqualTo(new StringSerializer().serialize("orders", order.getId().toString()));
    assertThat(plain.keySerde(Map.of()).deserializer().deserialize("orders", bytes)).isEqualTo(key);
    assertThat(plain.keySubject()).isEmpty();
    assertThat(topic(String.class, KeyFormat.AVRO).keySubject()).contains("orders-key");
  }

  @Test
  void aPlainLongKeyIsWhatLongSerializerWrites() {
    byte[] bytes = topic(Long.class, KeyFormat.PLAIN).keySerde(Map.of()).serializer().serialize("orders", 42L);

    assertThat(bytes).isEqualTo(new LongSerializer().serialize("orders", 42L));
  }

  @Test
  void aRecordKeyHasNoPlainForm() {
    assertThatThrownBy(() -> topic(Order.class, KeyFormat.PLAIN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("topic 'orders': a io.kafkacontracts.serde.test.v1.Order key has no plain form");
  }
}
