package io.kafkacontracts.registry.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to retry: exponential backoff with full jitter, capped, within a total
 * time budget. Immutable.
 *
 * @param maxRetries     retries after the first attempt
 * @param initialBackoff the first backoff's upper bound
 * @param maxBackoff     the largest backoff
 * @param totalTimeout   the budget for all attempts and waits together
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration totalTimeout) {

  /** The wait before retry number {@code retry} (1-based): random in [bound/2, bound]. */
  Duration backoff(int retry) {
    long bound = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(retry - 1, 20));
    long half = bound / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(bound - half + 1));
  }
}
