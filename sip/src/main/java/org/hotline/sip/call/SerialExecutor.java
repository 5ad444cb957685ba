package org.hotline.sip.call;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one call's tasks one at a time, in submission order, on a shared executor: the call's state
 * is only ever touched by one thread at a time, with no lock. Every task runs with the call's id in
 * the logging context (MDC {@code callId}).
 */
final class SerialExecutor implements Executor {
  private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private final Executor pool;
  private final String callId;

  SerialExecutor(Executor pool, String callId) {
    this.pool = pool;
    this.callId = callId;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    schedule();
  }

  private void schedule() {
    if (!tasks.isEmpty() && running.compareAndSet(false, true)) {
      pool.execute(this::drain);
    }
  }

  private void drain() {
    MDC.put("callId", callId);
    try {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        try {
          task.run();
        } catch (RuntimeException e) {
          log.error("call task failed", e);
        }
      }
    } finally {
      MDC.remove("callId");
      running.set(false);
    }
    schedule();
  }
}
