package io.kafkacontracts.serde;

import io.kafkacontracts.serde.test.Node;
import io.kafkacontracts.serde.test.v1.Line;
import io.kafkacontracts.serde.test.v1.Order;
import io.kafkacontracts.serde.test.v1.Status;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records of the test contracts (src/test/avro). */
public final class TestRecords {

  private TestRecords() {}

  public static Order orderV1(int n) {
    return Order.newBuilder()
        .setId(new UUID(42, n))
        .setPlacedAt(Instant.ofEpochMilli(1_700_000_000_000L + n))
        .setAmount(new BigDecimal("1234.50"))
        .setStatus(Status.PAID)
        .setLines(List.of(Line.newBuilder().setSku("SKU-" + n).setQuantity(2).build()))
        .setTags(Map.of("source", "test"))
        .setNote(n % 2 == 0 ? null : "gift wrap")
        .build();
  }

  public static io.kafkacontracts.serde.test.v2.Order orderV2(int n, String channel) {
    return io.kafkacontracts.serde.test.v2.Order.newBuilder()
        .setId(new UUID(42, n))
        .setPlacedAt(Instant.ofEpochMilli(1_700_000_000_000L + n))
        .setAmount(new BigDecimal("99.95"))
        .setStatus(io.kafkacontracts.serde.test.v2.Status.NEW)
        .setLines(List.of())
        .setTags(Map.of())
        .setNote(null)
        .setChannel(channel)
        .build();
  }

  public static Node list(int length) {
    Node head = null;
    for (int i = length; i > 0; i--) {
      head = Node.newBuilder().setValue(i).setNext(head).build();
    }
    return head;
  }
}
