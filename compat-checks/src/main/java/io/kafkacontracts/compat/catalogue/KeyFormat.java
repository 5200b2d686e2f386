package io.kafkacontracts.compat.catalogue;

import java.util.Set;

/**
 * How a topic's key is written: {@link #AVRO} in Confluent's wire format under a key subject, or
 * {@link #PLAIN}, the bytes Kafka's own serializers write ({@code StringSerializer},
 * {@code LongSerializer}, ...), with no subject, as producers in other languages and consumers with
 * {@code StringDeserializer} expect. Framing a key changes its bytes and so its partition.
 */
public enum KeyFormat {
  AVRO,
  PLAIN;

  /** The Avro primitives Kafka has a serializer of its own for. */
  public static final Set<String> PLAIN_TYPES = Set.of("string", "long", "int", "bytes", "float", "double");
}
