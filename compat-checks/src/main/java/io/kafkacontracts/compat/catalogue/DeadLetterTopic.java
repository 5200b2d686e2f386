package io.kafkacontracts.compat.catalogue;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The topic that receives records a consumer could not process. It carries the failed records'
 * bytes unchanged (still in the wire format of the source topic), so it has no schema of its own.
 *
 * @param name      {@code <topic>.dlq}
 * @param retention how long failed records are kept
 */
public record DeadLetterTopic(String name, Duration retention) {
  public DeadLetterTopic {
    requireNonNull(name, "name == null");
    requireNonNull(retention, "retention == null");
  }

  /** The dead-letter topic name for a topic: {@code <topic>.dlq}. */
  public static String nameFor(String topic) {
    return topic + ".dlq";
  }
}
