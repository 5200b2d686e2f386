package io.kafkacontracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkacontracts.serde.test.v1.Order;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The serdes as Kafka and Kafka Streams build them from config (default.key.serde,
 * default.value.serde): by class name, with a public no-argument constructor, then configure.
 */
class ConfigDrivenSerdeTest {

  private final String scope = "config-" + UUID.randomUUID();
  private final Map<String, Object> config = new HashMap<>(Map.of("schema.registry.url", "mock://" + scope));

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.dropScope(scope);
  }

  /** Builds the serde the way Kafka does for a class name in its config, and round-trips an order through it. */
  private Object roundTrip(String serdeClass) throws Exception {
    @SuppressWarnings("unchecked")
    Serde<Object> serde = Utils.newInstance(serdeClass, Serde.class);
    serde.configure(config, false);
    Order order = TestRecords.orderV1(7);
    byte[] bytes = serde.serializer().serialize("orders", order);
    return serde.deserializer().deserialize("orders", bytes);
  }

  @Test
  void anAvroSerdeFromConfigReadsGenericRecordsByDefault() throws Exception {
    config.put(SerdeConfig.AUTO_REGISTER_SCHEMAS, true);

    assertThat(roundTrip("io.kafkacontracts.serde.AvroSerde")).isInstanceOf(GenericRecord.class)
        .isNotInstanceOf(Order.class).asString().contains("\"quantity\": 2");
  }

  @Test
  void specificAvroReaderReadsTheGeneratedClass() throws Exception {
    config.putAll(Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, true, SerdeConfig.SPECIFIC_AVRO_READER, true));

    assertThat(roundTrip("io.kafkacontracts.serde.AvroSerde")).isEqualTo(TestRecords.orderV1(7));
  }

  @Test
  void aValueTypeReadsIntoThatClassWhateverTheWriterWrote() throws Exception {
    config.putAll(Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, true,
        SerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, io.kafkacontracts.serde.test.v2.Order.class.getName()));

    // Written with version 1, read into version 2's class: its new field gets its default.
    Object read = roundTrip("io.kafkacontracts.serde.AvroSerde");

    assertThat(read).isInstanceOf(io.kafkacontracts.serde.test.v2.Order.class);
    assertThat(((io.kafkacontracts.serde.test.v2.Order) read).getId()).isEqualTo(TestRecords.orderV1(7).getId());
  }

  @Test
  void confluentsSerdeNamesReadSpecificAndGenericWhateverTheSharedConfigSays() throws Exception {
    config.putAll(Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, true, SerdeConfig.SPECIFIC_AVRO_READER, false));
    assertThat(roundTrip("io.kafkacontracts.serde.SpecificAvroSerde")).isEqualTo(TestRecords.orderV1(7));

    config.put(SerdeConfig.SPECIFIC_AVRO_READER, true);
    config.put(SerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, Order.class);
    assertThat(roundTrip("io.kafkacontracts.serde.GenericAvroSerde")).isInstanceOf(GenericRecord.class)
        .isNotInstanceOf(Order.class);
  }

  @Test
  void aKeyTypeAppliesToKeysOnly() throws Exception {
    config.putAll(Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, true, SerdeConfig.SPECIFIC_AVRO_KEY_TYPE, Order.class));
    AvroSerde<Object> keys = new AvroSerde<>();
    keys.configure(config, true);
    AvroSerde<Object> values = new AvroSerde<>();
    values.configure(config, false);
    Order order = TestRecords.orderV1(3);

    assertThat(keys.deserializer().deserialize("orders", keys.serializer().serialize("orders", order)))
        .isEqualTo(order);
    assertThat(values.deserializer().deserialize("orders", values.serializer().serialize("orders", order)))
        .isInstanceOf(GenericRecord.class).isNotInstanceOf(Order.class);
  }
}
