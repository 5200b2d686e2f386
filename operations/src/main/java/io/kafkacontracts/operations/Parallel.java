package io.kafkacontracts.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Registry work per subject, a bounded number of requests at a time. */
final class Parallel {

  private Parallel() {}

  /**
   * Applies {@code work} to every item, {@code parallelism} at a time, and returns the results in
   * the items' order. {@code work} reports its own failures in its result: an exception escaping it
   * is a bug, and stops the lot.
   */
  static <T, R> List<R> map(List<T> items, int parallelism, Function<T, R> work) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, items.size())));
    try {
      List<Future<R>> pending = new ArrayList<>();
      for (T item : items) {
        pending.add(pool.submit(() -> work.apply(item)));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> future : pending) {
        results.add(future.get());
      }
      return List.copyOf(results);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("failed unexpectedly: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
