package io.kafkacontracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkacontracts.serde.test.Node;
import io.kafkacontracts.serde.test.v1.Order;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bytes from anyone. Every case ends in a {@link SerializationException} naming the topic, the
 * schema id once read, and what is wrong; none allocates what the payload claims (the test JVM
 * runs with -Xmx256m), overflows the stack or hangs.
 */
class HostileInputTest {

  private final String scope = "hostile-" + UUID.randomUUID();
  private final Map<String, Object> config = Map.of("schema.registry.url", "mock://" + scope);
  private AvroDeserializer<Order> orders;
  private AvroDeserializer<GenericRecord> generic;
  private int orderId;
  private int nodeId;

  @BeforeEach
  void registerContracts() {
    AvroSerializer<Object> serializer = new AvroSerializer<>();
    serializer.configure(config, false);
    orderId = idOf(serializer.serialize("orders", TestRecords.orderV1(1)));
    nodeId = idOf(serializer.serialize("lists", TestRecords.list(3)));
    orders = AvroDeserializer.forType(Order.class);
    orders.configure(config, false);
    generic = new AvroDeserializer<>();
    generic.configure(config, false);
  }

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.dropScope(scope);
  }

  private static int idOf(byte[] record) {
    return java.nio.ByteBuffer.wrap(record, 1, 4).getInt();
  }

  /** The wire-format header for a schema id followed by the given body bytes. */
  private static byte[] framed(int id, int... body) {
    byte[] bytes = new byte[5 + body.length];
    bytes[1] = (byte) (id >>> 24);
    bytes[2] = (byte) (id >>> 16);
    bytes[3] = (byte) (id >>> 8);
    bytes[4] = (byte) id;
    for (int i = 0; i < body.length; i++) {
      bytes[5 + i] = (byte) body[i];
    }
    return bytes;
  }

  /** Avro's zig-zag varint encoding of a long. */
  private static int[] varint(long value) {
    long n = (value << 1) ^ (value >> 63);
    int[] out = new int[10];
    int i = 0;
    while ((n & ~0x7FL) != 0) {
      out[i++] = (int) ((n & 0x7F) | 0x80);
      n >>>= 7;
    }
    out[i++] = (int) n;
    return Arrays.copyOf(out, i);
  }

  private static int[] concat(int[]... parts) {
    return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
  }

  /** The body of a valid order up to (not including) its lines array. */
  private static int[] orderPrefix() {
    int[] uuid = concat(varint(36), "00000000-0000-002a-0000-000000000001".chars().toArray());
    return concat(uuid, varint(1_700_000_000_001L), varint(2), new int[] {0x01, 0xe2}, varint(1));
  }

  private void refused(AvroDeserializer<?> deserializer, String topic, byte[] payload, String message) {
    assertThatThrownBy(() -> deserializer.deserialize(topic, payload))
        .isInstanceOf(SerializationException.class)
        .hasMessage(message);
  }

  @Test
  void emptyShortAndWronglyFramedPayloads() {
    refused(orders, "orders", new byte[0], "Cannot deserialize a record of topic 'orders': it is empty, not in the "
        + "Confluent wire format (magic byte, 4-byte schema id, Avro body)");
    refused(orders, "orders", new byte[] {0, 0, 1}, "Cannot deserialize a record of topic 'orders': 3 bytes are too "
        + "short for the Confluent wire format header (5 bytes)");
    refused(orders, "orders", new byte[] {7, 0, 0, 0, 1, 2}, "Cannot deserialize a record of topic 'orders': unknown "
        + "magic byte 0x07 (expected 0x00 of the Confluent wire format)");
    refused(orders, "orders", framed(-5, 0), "Cannot deserialize a record of topic 'orders' with schema id -5: "
        + "schema ids are positive");
  }

  @Test
  void anUnknownSchemaId() {
    refused(orders, "orders", framed(9_999, 0), "Cannot deserialize a record of topic 'orders' with schema id 9999: "
        + "the registry has no schema with this id");
  }

  @Test
  void aTruncatedBody() {
    AvroSerializer<Order> serializer = new AvroSerializer<>();
    serializer.configure(config, false);
    byte[] whole = serializer.serialize("orders", TestRecords.orderV1(1));

    refused(orders, "orders", Arrays.copyOf(whole, whole.length - 3), "Cannot deserialize a record of topic 'orders' "
        + "with schema id " + orderId + ": malformed Avro data: EOFException string of length 9 needs 9 bytes but "
        + "only 6 are left");
  }

  @Test
  void lengthsLargerThanThePayloadAreRefusedBeforeAllocating() {
    // 14 bytes that make plain Avro allocate 2 GB: a string length of Integer.MAX_VALUE.
    refused(orders, "orders", framed(orderId, concat(varint(Integer.MAX_VALUE), new int[] {1, 2, 3, 4})),
        "Cannot deserialize a record of topic 'orders' with schema id " + orderId + ": malformed Avro data: "
            + "EOFException string of length 2147483647 needs 2147483647 bytes but only 4 are left");
    refused(orders, "orders", framed(orderId, concat(orderPrefix(), varint(1_000_000_000L))),
        "Cannot deserialize a record of topic 'orders' with schema id " + orderId + ": malformed Avro data: "
            + "AvroRuntimeException array item count 1000000000 is more than a payload of 0 bytes left can hold");
    refused(orders, "orders", framed(orderId, concat(orderPrefix(), varint(0), varint(500_000_000L))),
        "Cannot deserialize a record of topic 'orders' with schema id " + orderId + ": malformed Avro data: "
            + "AvroRuntimeException map item count 500000000 is more than a payload of 0 bytes left can hold");
  }

  @Test
  void invalidUnionAndEnumIndexes() {
    int[] badEnum = concat(varint(36), "00000000-0000-002a-0000-000000000001".chars().toArray(),
        varint(1_700_000_000_001L), varint(2), new int[] {0x01, 0xe2}, varint(7));
    refused(orders, "orders", framed(orderId, badEnum), "Cannot deserialize a record of topic 'orders' with schema id "
        + orderId + ": malformed Avro data: an enum symbol or union branch index is out of range (Index 7 out of "
        + "bounds for length 3)");
    int[] badUnion = concat(orderPrefix(), varint(0), varint(0), varint(5));
    refused(orders, "orders", framed(orderId, badUnion), "Cannot deserialize a record of topic 'orders' with schema id "
        + orderId + ": malformed Avro data: an enum symbol or union branch index is out of range (Index 5 out of "
        + "bounds for length 2)");
  }

  @Test
  void recursionDeeperThanTheLimitIsRefusedWithoutAStackOverflow() {
    ByteArrayOutputStream deep = new ByteArrayOutputStream();
    for (int i = 0; i < 200_000; i++) {
      deep.write(0x02); // value 1
      deep.write(0x02); // union branch 1: another Node
    }
    deep.write(0x02);
    deep.write(0x00); // union branch 0: null
    int[] body = new int[deep.size()];
    byte[] bytes = deep.toByteArray();
    for (int i = 0; i < bytes.length; i++) {
      body[i] = bytes[i];
    }
    String refusal = "Cannot deserialize a record of topic 'lists' with schema id " + nodeId + ": malformed Avro data: "
        + "AvroRuntimeException records nest deeper than the limit of 100 (avro.max.nesting.depth)";

    AvroDeserializer<Node> lists = AvroDeserializer.forType(Node.class);
    lists.configure(config, false);
    refused(lists, "lists", framed(nodeId, body), refusal);
    refused(generic, "lists", framed(nodeId, body), refusal);
  }

  @Test
  void dataWithinTheDepthLimitStillReads() {
    AvroSerializer<Node> serializer = new AvroSerializer<>();
    serializer.configure(config, false);
    AvroDeserializer<Node> lists = AvroDeserializer.forType(Node.class);
    lists.configure(config, false);

    assertThat(lists.deserialize("lists", serializer.serialize("lists", TestRecords.list(100))))
        .isEqualTo(TestRecords.list(100));
    refused(lists, "lists", serializer.serialize("lists", TestRecords.list(101)), "Cannot deserialize a record of "
        + "topic 'lists' with schema id " + nodeId + ": malformed Avro data: AvroRuntimeException records nest deeper "
        + "than the limit of 100 (avro.max.nesting.depth)");
  }

  @Test
  void trailingBytesAfterTheRecord() {
    AvroSerializer<Order> serializer = new AvroSerializer<>();
    serializer.configure(config, false);
    byte[] whole = serializer.serialize("orders", TestRecords.orderV1(1));

    refused(orders, "orders", Arrays.copyOf(whole, whole.length + 2), "Cannot deserialize a record of topic 'orders' "
        + "with schema id " + orderId + ": 2 trailing bytes after the record (is it framed right?)");
  }
}
