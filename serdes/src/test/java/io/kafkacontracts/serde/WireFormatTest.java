package io.kafkacontracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

  @Test
  void theHeaderIsAZeroByteThenTheIdBigEndian() {
    byte[] data = new byte[6];
    WireFormat.writeHeader(data, 0x01020304);

    assertThat(data).containsExactly(0, 1, 2, 3, 4, 0);
    assertThat(WireFormat.readSchemaId("orders", data)).isEqualTo(0x01020304);
    WireFormat.writeHeader(data, Integer.MAX_VALUE);
    assertThat(WireFormat.readSchemaId("orders", data)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void emptyShortWrongMagicAndNonPositiveIdsAreRefusedNamingTheTopic() {
    assertThatThrownBy(() -> WireFormat.readSchemaId("orders", new byte[0]))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot deserialize a record of topic 'orders': it is empty, not in the Confluent wire format "
            + "(magic byte, 4-byte schema id, Avro body)");
    assertThatThrownBy(() -> WireFormat.readSchemaId("orders", null)).isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> WireFormat.readSchemaId("orders", new byte[] {0, 0, 1}))
        .hasMessage("Cannot deserialize a record of topic 'orders': 3 bytes are too short for the Confluent wire "
            + "format header (5 bytes)");
    assertThatThrownBy(() -> WireFormat.readSchemaId("orders", new byte[] {'{', '"', 'a', '"', ':'}))
        .hasMessage("Cannot deserialize a record of topic 'orders': unknown magic byte 0x7b (expected 0x00 of the "
            + "Confluent wire format)");
    assertThatThrownBy(() -> WireFormat.readSchemaId("orders", new byte[] {0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe}))
        .hasMessage("Cannot deserialize a record of topic 'orders' with schema id -2: schema ids are positive");
    assertThatThrownBy(() -> WireFormat.readSchemaId("orders", new byte[] {0, 0, 0, 0, 0}))
        .hasMessage("Cannot deserialize a record of topic 'orders' with schema id 0: schema ids are positive");
  }
}
