package io.kafkacontracts.serde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkacontracts.serde.test.v1.Order;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A record that breaks its own schema is refused before any byte is written, naming the topic, the
 * field and what is wrong: generated and generic records alike.
 */
class ValidatedRecordsTest {

  private final String scope = "valid-" + UUID.randomUUID();
  private final Map<String, Object> config = new HashMap<>(Map.of("schema.registry.url", "mock://" + scope,
      "auto.register.schemas", true));

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.dropScope(scope);
  }

  private byte[] write(Object value) {
    AvroSerializer<Object> serializer = new AvroSerializer<>();
    serializer.configure(config, false);
    return serializer.serialize("orders", value);
  }

  /** Order 1 as a generic record holding raw Avro values (no logical-type conversions). */
  private static GenericRecord generic(Order order) {
    Schema schema = Order.getClassSchema();
    GenericRecord generic = new GenericData.Record(schema);
    generic.put("id", order.getId().toString());
    generic.put("placed_at", order.getPlacedAt().toEpochMilli());
    generic.put("amount", ByteBuffer.wrap(order.getAmount().unscaledValue().toByteArray()));
    generic.put("status", new GenericData.EnumSymbol(schema.getField("status").schema(), order.getStatus().name()));
    Schema line = schema.getField("lines").schema().getElementType();
    GenericRecord first = new GenericData.Record(line);
    first.put("sku", order.getLines().get(0).getSku());
    first.put("quantity", order.getLines().get(0).getQuantity());
    generic.put("lines", java.util.List.of(first));
    generic.put("tags", new HashMap<>(order.getTags()));
    generic.put("note", order.getNote());
    return generic;
  }

  @Test
  void aUuidStringThatIsNoUuidIsRefused() {
    GenericRecord order = generic(TestRecords.orderV1(1));
    order.put("id", "not-a-uuid");

    assertThatThrownBy(() -> write(order)).isInstanceOf(SerializationException.class).hasMessage(
        "Cannot serialize a io.kafkacontracts.serde.test.v1.Order for topic 'orders' (subject 'orders-value'): "
            + "'not-a-uuid' is not a uuid (8-4-4-4-12 hexadecimal digits) in field id");
  }

  @Test
  void aDecimalWithMoreDigitsThanItsPrecisionIsRefused() {
    // amount is decimal(12, 2): 11 digits before the point make 13.
    Order tooBig = Order.newBuilder(TestRecords.orderV1(1)).setAmount(new BigDecimal("12345678901.00")).build();
    GenericRecord generic = generic(TestRecords.orderV1(1));
    generic.put("amount", ByteBuffer.wrap(new BigDecimal("12345678901.00").unscaledValue().toByteArray()));

    String refusal = "Cannot serialize a io.kafkacontracts.serde.test.v1.Order for topic 'orders' (subject "
        + "'orders-value'): 12345678901.00 has 13 digits, more than the precision 12 of decimal(12, 2) in field amount";
    assertThatThrownBy(() -> write(tooBig)).isInstanceOf(SerializationException.class).hasMessage(refusal);
    assertThatThrownBy(() -> write(generic)).isInstanceOf(SerializationException.class).hasMessage(refusal);
    config.put(SerdeConfig.USE_LOGICAL_TYPE_CONVERTERS, true);
    GenericRecord converted = generic(TestRecords.orderV1(1));
    converted.put("amount", new BigDecimal("12345678901.00"));
    assertThatThrownBy(() -> write(converted)).isInstanceOf(SerializationException.class).hasMessage(refusal);
  }

  @Test
  void aMapWithANullKeyIsRefused() {
    Map<String, String> tags = new HashMap<>();
    tags.put(null, "x");
    Order order = Order.newBuilder(TestRecords.orderV1(1)).setTags(tags).build();
    GenericRecord generic = generic(TestRecords.orderV1(1));
    generic.put("tags", tags);

    assertThatThrownBy(() -> write(order)).isInstanceOf(SerializationException.class).hasMessage(
        "Cannot serialize a io.kafkacontracts.serde.test.v1.Order for topic 'orders' (subject 'orders-value'): "
            + "null key in map at Order.tags");
    assertThatThrownBy(() -> write(generic)).isInstanceOf(SerializationException.class)
        .hasMessageContaining("null key").hasMessageContaining("tags");
  }

  @Test
  void aNullInARequiredFieldAndAnUnknownEnumSymbolStayRefused() {
    GenericRecord noCustomer = generic(TestRecords.orderV1(1));
    noCustomer.put("lines", null);
    GenericRecord badStatus = generic(TestRecords.orderV1(1));
    badStatus.put("status", new GenericData.EnumSymbol(Order.getClassSchema().getField("status").schema(), "LOST"));

    assertThatThrownBy(() -> write(noCustomer)).isInstanceOf(SerializationException.class)
        .hasMessageContaining("lines");
    assertThatThrownBy(() -> write(badStatus)).isInstanceOf(SerializationException.class)
        .hasMessageEndingWith("'LOST' is not a symbol of enum io.kafkacontracts.serde.test.v1.Status [NEW, PAID, "
            + "UNKNOWN] at Order.status");
  }
}
