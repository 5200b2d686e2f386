package io.kafkacontracts.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkacontracts.registry.SchemaRegistryException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MemoTest {

  private final AtomicLong now = new AtomicLong();
  private final AtomicInteger loads = new AtomicInteger();

  private Memo<Integer, String> memo(int max, Duration ttl) {
    return new Memo<>(max, ttl, Duration.ofSeconds(5), now::get);
  }

  private String load(int key) {
    loads.incrementAndGet();
    return "v" + key;
  }

  @Test
  void answersLiveForTheirTtl() {
    Memo<Integer, String> memo = memo(10, Duration.ofSeconds(60));
    memo.get(1, () -> load(1));
    now.addAndGet(Duration.ofSeconds(59).toNanos());
    memo.get(1, () -> load(1));
    assertThat(loads).hasValue(1);
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    memo.get(1, () -> load(1));
    assertThat(loads).hasValue(2);
  }

  @Test
  void notFoundIsKeptBrieflyAndOtherFailuresNotAtAll() {
    Memo<Integer, String> memo = memo(10, null);
    SchemaRegistryException notFound = new SchemaRegistryException("nope", 404, 40403, null, null);
    SchemaRegistryException down = new SchemaRegistryException("down", 503, 503, null, null);

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> memo.get(1, () -> { loads.incrementAndGet(); throw notFound; })).isSameAs(notFound);
    }
    assertThat(loads).hasValue(1);
    now.addAndGet(Duration.ofSeconds(6).toNanos());
    assertThat(memo.get(1, () -> load(1))).isEqualTo("v1");

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> memo.get(2, () -> { loads.incrementAndGet(); throw down; })).isSameAs(down);
    }
    assertThat(loads).hasValue(4);
  }

  @Test
  void isBounded() {
    Memo<Integer, String> memo = memo(100, null);
    for (int i = 0; i < 1_000; i++) {
      final int key = i;
      memo.get(key, () -> load(key));
    }
    assertThat(memo.size()).isLessThanOrEqualTo(100);
  }
}
