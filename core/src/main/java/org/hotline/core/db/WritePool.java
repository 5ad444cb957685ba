package org.hotline.core.db;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor for database writes: a fixed number of platform threads over a bounded queue.
 *
 * <p>Bounded both ways on purpose: threads because each holds a connection, the queue because a
 * database that stops answering must not turn into unbounded memory. When the queue is full the
 * executor throws {@link java.util.concurrent.RejectedExecutionException} to the caller instead of
 * running the write on the caller's thread, which might be a SIP or media thread.
 */
final class WritePool {
  /** Writes waiting for a thread before new ones are rejected. */
  static final int QUEUE_CAPACITY = 10_000;

  private final ExecutorService executor;

  WritePool(int threads) {
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY),
            threadFactory(),
            new ThreadPoolExecutor.AbortPolicy());
  }

  ExecutorService executor() {
    return executor;
  }

  private static ThreadFactory threadFactory() {
    AtomicInteger next = new AtomicInteger(1);
    return r -> {
      // Not daemon: a queued CDR write must not vanish because the JVM thought it was idle.
      return new Thread(r, "hotline-db-write-" + next.getAndIncrement());
    };
  }
}
