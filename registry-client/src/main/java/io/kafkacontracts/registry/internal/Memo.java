package io.kafkacontracts.registry.internal;

import io.kafkacontracts.registry.SchemaRegistryException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A bounded, thread-safe memo of registry answers. Concurrent calls for the same key while it is
 * being loaded wait for that one load instead of making their own. Answers live for a TTL
 * ({@link Duration#ZERO} ... never: use {@code null} for "forever"); "not found" answers live
 * briefly; other failures are not kept, so the next call tries again.
 *
 * @param <K> the key
 * @param <V> the answer
 */
final class Memo<K, V> {

  private record Entry<V>(CompletableFuture<V> answer, long expiresAt) {}

  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final Duration ttl;
  private final Duration missTtl;
  private final LongSupplier clock;

  /**
   * @param maxEntries the most answers kept; past it, expired and then arbitrary entries go
   * @param ttl        how long an answer is kept; null for as long as there is room
   * @param missTtl    how long a "not found" answer is kept
   * @param clock      nanoTime, replaceable in tests
   */
  Memo(int maxEntries, Duration ttl, Duration missTtl, LongSupplier clock) {
    this.maxEntries = maxEntries;
    this.ttl = ttl;
    this.missTtl = missTtl;
    this.clock = clock;
  }

  V get(K key, Supplier<V> load) {
    while (true) {
      long now = clock.getAsLong();
      Entry<V> existing = entries.get(key);
      if (existing != null && existing.expiresAt() - now > 0) {
        return join(existing.answer());
      }
      CompletableFuture<V> mine = new CompletableFuture<>();
      Entry<V> pending = new Entry<>(mine, Long.MAX_VALUE);
      boolean won = existing == null ? entries.putIfAbsent(key, pending) == null : entries.replace(key, existing, pending);
      if (!won) {
        continue; // someone else is loading it, or just did: read theirs
      }
      try {
        V value = load.get();
        mine.complete(value);
        // The TTL runs from the answer, not from the question: a slow call is not born stale.
        long answered = clock.getAsLong();
        entries.replace(key, pending, new Entry<>(mine, ttl == null ? Long.MAX_VALUE : answered + ttl.toNanos()));
        trim();
        return value;
      } catch (RuntimeException e) {
        mine.completeExceptionally(e);
        if (isNotFound(e)) {
          entries.replace(key, pending, new Entry<>(mine, clock.getAsLong() + missTtl.toNanos()));
        } else {
          entries.remove(key, pending);
        }
        throw e;
      }
    }
  }

  void put(K key, V value) {
    entries.put(key, new Entry<>(CompletableFuture.completedFuture(value),
        ttl == null ? Long.MAX_VALUE : clock.getAsLong() + ttl.toNanos()));
    trim();
  }

  void invalidateIf(Predicate<K> which) {
    entries.keySet().removeIf(which);
  }

  int size() {
    return entries.size();
  }

  private void trim() {
    if (entries.size() <= maxEntries) {
      return;
    }
    long now = clock.getAsLong();
    entries.values().removeIf(e -> e.expiresAt() - now <= 0);
    Iterator<Map.Entry<K, Entry<V>>> it = entries.entrySet().iterator();
    while (entries.size() > maxEntries && it.hasNext()) {
      Map.Entry<K, Entry<V>> next = it.next();
      if (next.getValue().answer().isDone()) {
        it.remove();
      }
    }
  }

  private static boolean isNotFound(RuntimeException e) {
    return e instanceof SchemaRegistryException s
        && (s.errorCode() == 40401 || s.errorCode() == 40402 || s.errorCode() == 40403);
  }

  private static <V> V join(CompletableFuture<V> answer) {
    try {
      return answer.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
