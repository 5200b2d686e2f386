package io.kafkacontracts.serde;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Routes a record a consumer could not deserialize to its topic's dead-letter topic, bytes
 * unchanged, with headers saying where it came from and why. The consumer then seeks past it
 * ({@link #skip}) and goes on with the records after it. Stateless.
 *
 * <pre>{@code
 * try {
 *   records = consumer.poll(timeout);
 * } catch (RecordDeserializationException poison) {
 *   dlqProducer.send(DeadLetters.recordFor(Topics.X, poison)).get();
 *   DeadLetters.skip(consumer, poison);
 * }
 * }</pre>
 */
public final class DeadLetters {

  public static final String SOURCE_TOPIC = "kafkacontracts.dlq.topic";
  public static final String SOURCE_PARTITION = "kafkacontracts.dlq.partition";
  public static final String SOURCE_OFFSET = "kafkacontracts.dlq.offset";
  public static final String ERROR = "kafkacontracts.dlq.error";

  private DeadLetters() {}

  /**
   * The dead-letter record for a record that failed to deserialize: its key and value bytes as
   * read, its headers, and the source and the error as headers.
   *
   * @throws IllegalArgumentException when the topic has no dead-letter topic in the catalogue
   */
  public static ProducerRecord<byte[], byte[]> recordFor(Topic<?, ?> topic, RecordDeserializationException failure) {
    String deadLetterTopic = topic.deadLetterTopic().orElseThrow(() -> new IllegalArgumentException(
        "topic '" + topic.name() + "' has no dead-letter topic in contracts.yaml"));
    RecordHeaders headers = new RecordHeaders();
    if (failure.headers() != null) {
      for (Header header : failure.headers()) {
        headers.add(header);
      }
    }
    headers.add(SOURCE_TOPIC, utf8(failure.topicPartition().topic()));
    headers.add(SOURCE_PARTITION, utf8(Integer.toString(failure.topicPartition().partition())));
    headers.add(SOURCE_OFFSET, utf8(Long.toString(failure.offset())));
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    headers.add(ERROR, utf8(String.valueOf(cause.getMessage())));
    return new ProducerRecord<>(deadLetterTopic, null, bytes(failure.keyBuffer()), bytes(failure.valueBuffer()),
        headers);
  }

  /** Moves the consumer past the failed record, so the next poll returns the records after it. */
  public static void skip(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
      RecordDeserializationException failure) {
    consumer.seek(failure.topicPartition(), failure.offset() + 1);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    if (buffer == null) {
      return null;
    }
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
