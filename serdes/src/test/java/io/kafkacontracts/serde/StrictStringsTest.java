package io.kafkacontracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkacontracts.serde.test.v1.Line;
import io.kafkacontracts.serde.test.v1.Order;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Strings are read strictly: bytes that are not UTF-8 make a {@link SerializationException} naming
 * the topic, the schema id and the field, where Confluent's deserializer and plain Avro return text
 * with U+FFFD in place of what was written. Generated and generic readers alike.
 */
class StrictStringsTest {

  private final String scope = "utf8-" + UUID.randomUUID();
  private final Map<String, Object> config = new HashMap<>(Map.of("schema.registry.url", "mock://" + scope,
      "auto.register.schemas", true));

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.dropScope(scope);
  }

  /** An order whose line's sku is "Xé" with its é (C3 A9) turned into C3 28, which is no UTF-8. */
  private byte[] orderWithABrokenSku() {
    Order order = Order.newBuilder(TestRecords.orderV1(2))
        .setLines(List.of(Line.newBuilder().setSku("Xé").setQuantity(1).build())).build();
    AvroSerializer<Order> serializer = new AvroSerializer<>();
    serializer.configure(config, false);
    byte[] bytes = serializer.serialize("orders", order);
    byte[] sku = "Xé".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + sku.length <= bytes.length; i++) {
      if (bytes[i] == sku[0] && bytes[i + 1] == sku[1] && bytes[i + 2] == sku[2]) {
        bytes[i + 2] = 0x28;
        return bytes;
      }
    }
    throw new AssertionError("the sku's bytes were not found");
  }

  @Test
  void aGeneratedRecordWithInvalidUtf8IsRefusedNamingTheField() {
    byte[] bytes = orderWithABrokenSku();
    int id = java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt();

    AvroDeserializer<Order> typed = AvroDeserializer.forType(Order.class);
    typed.configure(config, false);
    assertThatThrownBy(() -> typed.deserialize("orders", bytes)).isInstanceOf(SerializationException.class)
        .hasMessage("Cannot deserialize a record of topic 'orders' with schema id " + id + ": a string of 3 bytes "
            + "holds invalid UTF-8 at its byte 1 in field lines.sku");
  }

  @Test
  void aGenericRecordWithInvalidUtf8IsRefusedToo() {
    byte[] bytes = orderWithABrokenSku();
    AvroDeserializer<Object> generic = new AvroDeserializer<>();
    generic.configure(config, false);

    assertThatThrownBy(() -> generic.deserialize("orders", bytes)).isInstanceOf(SerializationException.class)
        .hasMessageEndingWith("holds invalid UTF-8 at its byte 1 in field lines.sku");
  }

  @Test
  void aPrimitiveStringWithInvalidUtf8IsRefusedAndValidTextOfEveryPlaneReadsBack() {
    AvroSerializer<String> serializer = new AvroSerializer<>();
    serializer.configure(config, true);
    AvroDeserializer<String> keys = AvroDeserializer.forType(String.class);
    keys.configure(config, true);
    String text = "a é € 𝄞 z"; // 1-, 2-, 3- and 4-byte sequences
    assertThat(keys.deserialize("orders", serializer.serialize("orders", text))).isEqualTo(text);

    byte[] bytes = serializer.serialize("orders", "ab");
    bytes[bytes.length - 1] = (byte) 0xED; // the lead of a surrogate, alone
    assertThatThrownBy(() -> keys.deserialize("orders", bytes)).isInstanceOf(SerializationException.class)
        .hasMessageEndingWith(": a string of 2 bytes holds invalid UTF-8 at its byte 1");
  }

  @Test
  void overlongFormsSurrogatesAndStrayContinuationsAreNotUtf8() {
    AvroSerializer<String> serializer = new AvroSerializer<>();
    serializer.configure(config, false);
    AvroDeserializer<String> strings = AvroDeserializer.forType(String.class);
    strings.configure(config, false);
    List<byte[]> invalid = List.of(new byte[] {(byte) 0xC0, (byte) 0x80}, // an overlong NUL
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate, U+D800
        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
        new byte[] {(byte) 0x80}); // a continuation byte without its lead
    for (byte[] sequence : invalid) {
      // A valid string of the same length, its bytes (the payload's last) then replaced.
      byte[] framed = serializer.serialize("texts", "x".repeat(sequence.length));
      System.arraycopy(sequence, 0, framed, framed.length - sequence.length, sequence.length);
      assertThatThrownBy(() -> strings.deserialize("texts", framed)).isInstanceOf(SerializationException.class)
          .hasMessageEndingWith("holds invalid UTF-8 at its byte 0");
    }
  }
}
