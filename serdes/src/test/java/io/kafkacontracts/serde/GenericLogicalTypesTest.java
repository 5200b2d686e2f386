package io.kafkacontracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Generic records and primitives as Confluent's serdes give them: logical types as Java values with
 * {@code avro.use.logical.type.converters=true} (raw Avro types without), and a top-level string
 * or bytes value as {@code String} and {@code byte[]}.
 */
class GenericLogicalTypesTest {

  private static final Schema PAYMENT = new Schema.Parser().parse("""
      {"type": "record", "name": "Payment", "namespace": "com.example", "fields": [
        {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}},
        {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
        {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "day", "type": {"type": "int", "logicalType": "date"}}]}""");
  private static final UUID ID = UUID.fromString("3f2c1ab0-0000-4000-8000-000000000042");
  private static final Instant AT = Instant.ofEpochMilli(1_764_000_000_123L);
  private static final LocalDate DAY = LocalDate.of(2026, 12, 6);

  private final String scope = "logical-" + UUID.randomUUID();
  private final Map<String, Object> config = new HashMap<>(Map.of("schema.registry.url", "mock://" + scope,
      "auto.register.schemas", true));

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.dropScope(scope);
  }

  private static GenericRecord converted() {
    GenericRecord payment = new GenericData.Record(PAYMENT);
    payment.put("amount", new BigDecimal("1234.56"));
    payment.put("id", ID);
    payment.put("at", AT);
    payment.put("day", DAY);
    return payment;
  }

  private static GenericRecord raw() {
    GenericRecord payment = new GenericData.Record(PAYMENT);
    payment.put("amount", ByteBuffer.wrap(new BigDecimal("1234.56").unscaledValue().toByteArray()));
    payment.put("id", ID.toString());
    payment.put("at", AT.toEpochMilli());
    payment.put("day", (int) DAY.toEpochDay());
    return payment;
  }

  private byte[] write(Object value) {
    AvroSerializer<Object> serializer = new AvroSerializer<>();
    serializer.configure(config, false);
    return serializer.serialize("payments", value);
  }

  private Object read(byte[] bytes) {
    AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
    deserializer.configure(config, false);
    return deserializer.deserialize("payments", bytes);
  }

  @Test
  void withConvertersJavaValuesAreWrittenAsTheirRawFormsAndReadBackAsJavaValues() {
    byte[] rawBytes = write(raw());
    config.put(SerdeConfig.USE_LOGICAL_TYPE_CONVERTERS, true);

    byte[] convertedBytes = write(converted());

    assertThat(convertedBytes).isEqualTo(rawBytes);
    GenericRecord read = (GenericRecord) read(convertedBytes);
    assertThat(read.get("amount")).isEqualTo(new BigDecimal("1234.56"));
    assertThat(read.get("id")).isEqualTo(ID);
    assertThat(read.get("at")).isEqualTo(AT);
    assertThat(read.get("day")).isEqualTo(DAY);
  }

  @Test
  void withoutConvertersGenericRecordsHoldTheRawAvroTypes() {
    GenericRecord read = (GenericRecord) read(write(raw()));

    assertThat(read.get("amount")).isInstanceOf(ByteBuffer.class);
    assertThat(read.get("id")).isInstanceOf(Utf8.class);
    assertThat(read.get("at")).isEqualTo(AT.toEpochMilli());
    assertThat(read.get("day")).isEqualTo((int) DAY.toEpochDay());
    assertThatThrownBy(() -> write(converted())).isInstanceOf(SerializationException.class)
        .hasMessageContaining("Cannot serialize a com.example.Payment for topic 'payments'");
  }

  @Test
  void anUntypedDeserializerGivesTopLevelStringsAndBytesAsJavaTypes() {
    MockSchemaRegistry.forScope(scope).setGlobalCompatibility("NONE"); // three unrelated types on one topic
    assertThat(read(write("c-42"))).isEqualTo("c-42");
    assertThat(read(write(new byte[] {1, 2, 3}))).isEqualTo(new byte[] {1, 2, 3});
    assertThat(read(write(42L))).isEqualTo(42L);
  }
}
