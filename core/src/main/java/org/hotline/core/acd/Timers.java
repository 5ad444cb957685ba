package org.hotline.core.acd;

import java.time.Instant;
import java.util.PriorityQueue;

/**
 * The ACD's timers, due by the injected clock rather than by the scheduler: the scheduler only
 * wakes the actor, which then runs what the clock says is due. Tests advance a fake clock and tick.
 * Touched only on the ACD's thread.
 */
final class Timers {
  private record Timer(Instant due, long seq, Runnable task) {}

  private final PriorityQueue<Timer> queue =
      new PriorityQueue<>((a, b) -> a.due.equals(b.due) ? Long.compare(a.seq, b.seq) : a.due.compareTo(b.due));
  private long seq;

  void at(Instant due, Runnable task) {
    queue.add(new Timer(due, seq++, task));
  }

  /** Runs, in due order, every timer due at {@code now} (including ones they add that are due). */
  void runDue(Instant now) {
    while (!queue.isEmpty() && !queue.peek().due.isAfter(now)) {
      queue.poll().task.run();
    }
  }
}
