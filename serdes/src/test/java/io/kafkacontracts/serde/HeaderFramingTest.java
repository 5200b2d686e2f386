package io.kafkacontracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkacontracts.registry.RegistrySchema;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Confluent 8's header framing, as its DualSchemaIdDeserializer reads it: the schema id in a record
 * header ({@code __value_schema_id}: byte 0x01 and the 16-byte GUID, or 0x00 and a 4-byte id), the
 * value the Avro body alone. A header-framed record is read by its header, never by bytes of its
 * body that look like a prefix.
 */
class HeaderFramingTest {

  private static final String SCOPE = "header-framing";
  /** Its body, for note "" and a = b = c = 0, d = -1, is 00 00 00 00 01: what a prefix of id 1 looks like. */
  private static final Schema READING = new Schema.Parser().parse("""
      {"type": "record", "name": "Reading", "namespace": "com.example", "fields": [
        {"name": "note", "type": "string"}, {"name": "a", "type": "int"}, {"name": "b", "type": "int"},
        {"name": "c", "type": "int"}, {"name": "d", "type": "int"}, {"name": "e", "type": "string"}]}""");

  private MockSchemaRegistry registry;
  private int longId;
  private int readingId;

  @BeforeEach
  void register() {
    registry = MockSchemaRegistry.forScope(SCOPE);
    longId = registry.register("numbers-value", RegistrySchema.avro("\"long\""), false);
    readingId = registry.register("readings-value", RegistrySchema.avro(READING.toString()), false);
  }

  @AfterEach
  void drop() {
    MockSchemaRegistry.dropScope(SCOPE);
  }

  private static AvroDeserializer<Object> deserializer(boolean isKey, Map<String, Object> more) {
    AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
    Map<String, Object> config = new java.util.HashMap<>(Map.of("schema.registry.url", "mock://" + SCOPE));
    config.putAll(more);
    deserializer.configure(config, isKey);
    return deserializer;
  }

  private static GenericRecord reading(String e) {
    GenericRecord reading = new GenericData.Record(READING);
    reading.put("note", "");
    reading.put("a", 0);
    reading.put("b", 0);
    reading.put("c", 0);
    reading.put("d", -1);
    reading.put("e", e);
    return reading;
  }

  private static byte[] body(GenericRecord record) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static byte[] guidHeader(UUID guid) {
    return ByteBuffer.allocate(17).put((byte) 1).putLong(guid.getMostSignificantBits())
        .putLong(guid.getLeastSignificantBits()).array();
  }

  @Test
  void aHeaderFramedBodyThatLooksLikeAPrefixIsReadByItsHeader() throws Exception {
    byte[] body = body(reading("x"));
    assertThat(Arrays.copyOf(body, 5)).containsExactly(0, 0, 0, 0, longId); // a prefix of the long's id, by chance
    org.apache.kafka.common.header.Headers headers = new RecordHeaders().add("__value_schema_id", guidHeader(registry.guidOf(readingId)));

    assertThat(deserializer(false, Map.of()).deserialize("readings", headers, body)).isEqualTo(reading("x"));
    // Read by the prefix alone (Confluent's PrefixSchemaIdDeserializer, chosen), it is what its bytes say.
    assertThatThrownBy(() -> deserializer(false, Map.of("value.schema.id.deserializer",
        "io.confluent.kafka.serializers.schema.id.PrefixSchemaIdDeserializer")).deserialize("readings", headers, body))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Cannot deserialize a record of topic 'readings' with schema id " + longId + ": ");
  }

  @Test
  void aHeaderMayHoldAnIdAndAKeyHasItsOwnHeader() throws Exception {
    byte[] id = ByteBuffer.allocate(5).put((byte) 0).putInt(readingId).array();

    assertThat(deserializer(false, Map.of()).deserialize("readings",
        new RecordHeaders().add("__value_schema_id", id), body(reading("y")))).isEqualTo(reading("y"));
    assertThat(deserializer(true, Map.of()).deserialize("readings",
        new RecordHeaders().add("__key_schema_id", guidHeader(registry.guidOf(readingId))), body(reading("z"))))
        .isEqualTo(reading("z"));
    // A value deserializer does not take the key's header for its own: the value is read by its prefix.
    byte[] prefixed = ByteBuffer.allocate(5 + body(reading("w")).length).put((byte) 0).putInt(readingId)
        .put(body(reading("w"))).array();
    assertThat(deserializer(false, Map.of()).deserialize("readings",
        new RecordHeaders().add("__key_schema_id", id), prefixed)).isEqualTo(reading("w"));
  }

  @Test
  void aHeaderThatIsNeitherFormOrAnUnknownGuidIsRefusedSayingSo() throws Exception {
    byte[] body = body(reading("x"));
    UUID unknown = UUID.fromString("cc0e0e0e-53c1-4a1a-8f1a-000000000001");

    assertThatThrownBy(() -> deserializer(false, Map.of()).deserialize("readings",
        new RecordHeaders().add("__value_schema_id", new byte[] {2, 1, 2}), body))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot deserialize a record of topic 'readings': its header '__value_schema_id' holds 3 bytes "
            + "starting with 0x02, neither a schema id (0x00 and 4 bytes) nor a schema GUID (0x01 and 16 bytes)");
    assertThatThrownBy(() -> deserializer(false, Map.of()).deserialize("readings",
        new RecordHeaders().add("__value_schema_id", guidHeader(unknown)), body))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot deserialize a record of topic 'readings' with schema GUID " + unknown
            + ": the registry has no schema with this GUID");
  }

  @Test
  void onlyConfluentsDualAndPrefixDeserializersAreAccepted() {
    assertThatThrownBy(() -> deserializer(false, Map.of("value.schema.id.deserializer",
        "com.example.MySchemaIdDeserializer"))).isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
        .hasMessageContaining("DualSchemaIdDeserializer, the default");
    deserializer(false, Map.of("value.schema.id.deserializer",
        "io.confluent.kafka.serializers.schema.id.DualSchemaIdDeserializer"));
  }
}
