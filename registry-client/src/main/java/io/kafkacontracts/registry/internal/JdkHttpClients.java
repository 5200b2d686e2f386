package io.kafkacontracts.registry.internal;

import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK {@link HttpClient}'s threads: an executor for its own tasks, and closing the client on
 * every Java version we run on. Why closing matters: the client's selector thread sits in
 * {@code select()}, and HotSpot holds JVM exit for up to 300 ms while any thread is in native code,
 * so a Maven run that used the registry took 0.3 s longer to end (measured). Java 21's client
 * closes itself; Java 17's has no close, and its selector thread only ends when the client is
 * garbage-collected, or when interrupted, which ends its loop and shuts the client down.
 */
final class JdkHttpClients {

  /** Java 17's client names itself {@code ...HttpClientImpl@hash(id)} and its selector thread after that id. */
  private static final Pattern CLIENT_ID = Pattern.compile("\\((\\d+)\\)$");
  private static final AtomicInteger TASK_THREADS = new AtomicInteger();
  private static final long IDLE_SECONDS = 30;

  private JdkHttpClients() {}

  /**
   * An executor for a client's own tasks (the selector thread hands each answer's reading to it),
   * with one daemon thread per core that ends when idle; the caller shuts it down after closing the
   * client. Why not the client's default: that is a cached pool, which starts a thread for every
   * task arriving while the others are busy, so 32 parallel fetches ran on about 40 of them on 2
   * cores. The tasks never block, so more threads than cores cannot help them; a thread per core
   * cut their CPU in a 1,000-request check by 30% (benchmarks/README.md).
   */
  static ExecutorService taskExecutor() {
    int threads = Runtime.getRuntime().availableProcessors();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), task -> {
          Thread thread = new Thread(task, "kafka-contracts-http-" + TASK_THREADS.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /** Closes the client; requests sent afterwards may fail or never complete, so the caller refuses them first. */
  static void close(HttpClient http) {
    if (http instanceof AutoCloseable closeable) { // Java 21 and later
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot close the HTTP client", e);
      }
      return;
    }
    Thread selector = selectorThread(http);
    if (selector != null) {
      selector.interrupt();
    }
  }

  /** The client's selector thread, or null when this JDK names it otherwise (then it ends on garbage collection). */
  static Thread selectorThread(HttpClient http) {
    Matcher id = CLIENT_ID.matcher(http.toString());
    if (!id.find()) {
      return null;
    }
    String name = "HttpClient-" + id.group(1) + "-SelectorManager";
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int count = root.enumerate(threads, true);
    for (int i = 0; i < count; i++) {
      if (threads[i].getName().equals(name)) {
        return threads[i];
      }
    }
    return null;
  }
}
