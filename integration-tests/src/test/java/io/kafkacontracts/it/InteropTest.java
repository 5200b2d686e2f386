package io.kafkacontracts.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.kafkacontracts.events.Topics;
import io.kafkacontracts.events.machine.MachinePinotMessage;
import io.kafkacontracts.registry.ApicurioRegistry;
import io.kafkacontracts.registry.SchemaRegistryClient;
import io.kafkacontracts.serde.AvroDeserializer;
import io.kafkacontracts.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Our serdes against another implementation of Confluent's wire format, Apicurio's Kafka serde,
 * through a real Apicurio Registry 3.3 (its v3 API for Apicurio's serde, the Confluent-compatible
 * API for ours), and against plain Avro. Skipped where no Java 21+ runtime exists.
 */
@ExtendWith(ApicurioRegistry.Current.class)
class InteropTest {

  private final String ccompat = ApicurioRegistry.url(ApicurioRegistry.Distribution.CURRENT);
  private final Map<String, Object> ours = Map.of("schema.registry.url", ccompat);
  private final MachinePinotMessage message = Ci.example(Topics.MACHINE_TELEMETRY,
      Ci.examples(Topics.MACHINE_TELEMETRY), "press-7");

  /** Apicurio's serde writing the Confluent format: 4-byte content ids in the payload, no headers. */
  private Map<String, Object> apicurios() {
    Map<String, Object> config = new HashMap<>();
    config.put("apicurio.registry.url", ccompat.replace("/apis/ccompat/v7", "/apis/registry/v3"));
    config.put("apicurio.registry.auto-register", "true");
    config.put("apicurio.registry.use-id", "contentId");
    config.put("apicurio.registry.id-handler", "io.apicurio.registry.serde.Default4ByteIdHandler");
    config.put("apicurio.registry.headers.enabled", "false");
    config.put("apicurio.registry.use-specific-avro-reader", "true");
    return config;
  }

  @Test
  void whatApicuriosSerializerWritesOursReads() {
    String topic = "interop-from-apicurio-" + UUID.randomUUID();
    byte[] bytes;
    try (AvroKafkaSerializer<MachinePinotMessage> theirs = new AvroKafkaSerializer<>()) {
      theirs.configure(apicurios(), false);
      bytes = theirs.serialize(topic, message);
    }

    AvroDeserializer<MachinePinotMessage> reader = AvroDeserializer.forType(MachinePinotMessage.class);
    reader.configure(ours, false);
    assertThat(bytes[0]).isZero();
    assertThat(reader.deserialize(topic, bytes)).isEqualTo(message);
    // Byte for byte the same Avro body as ours (the ids differ: Apicurio registered its own text).
    assertThat(body(bytes)).isEqualTo(body(ourBytes(topic + ".ours")));
  }

  @Test
  void whatOurSerializerWritesApicuriosReads() {
    String topic = "interop-to-apicurio-" + UUID.randomUUID();
    byte[] bytes = ourBytes(topic);

    try (AvroKafkaDeserializer<MachinePinotMessage> theirs = new AvroKafkaDeserializer<>()) {
      theirs.configure(apicurios(), false);
      assertThat(theirs.deserialize(topic, bytes)).isEqualTo(message);
    }
  }

  @Test
  void ourBytesDecodeWithPlainAvroAndTheSchemaFetchedById() throws Exception {
    String topic = "interop-plain-" + UUID.randomUUID();
    byte[] bytes = ourBytes(topic);
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();

    SchemaRegistryClient registry = SchemaRegistryClient.builder().baseUrls(ccompat).build();
    Schema writer = new Schema.Parser().parse(registry.schemaById(id).schema());
    GenericRecord plain = new GenericDatumReader<GenericRecord>(writer)
        .read(null, DecoderFactory.get().binaryDecoder(body(bytes), null));

    assertThat(plain.get("machine_id").toString()).isEqualTo(message.getMachineId());
    MachinePinotMessage typed = new SpecificDatumReader<MachinePinotMessage>(writer, MachinePinotMessage.getClassSchema())
        .read(null, DecoderFactory.get().binaryDecoder(body(bytes), null));
    assertThat(typed).isEqualTo(message);
  }

  private byte[] ourBytes(String topic) {
    AvroSerializer<MachinePinotMessage> serializer = new AvroSerializer<>();
    serializer.configure(ours, false);
    return serializer.serialize(topic, message);
  }

  private static byte[] body(byte[] record) {
    return Arrays.copyOfRange(record, 5, record.length);
  }
}
