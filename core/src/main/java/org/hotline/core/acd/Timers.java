package org.hotline.core.acd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The ACD's timers, due by the injected clock rather than by the scheduler: the scheduler only
 * wakes the actor, which then runs what the clock says is due. Tests advance a fake clock and call
 * {@link #runDue}. Touched only on the ACD's thread.
 */
final class Timers {
  private record Timer(Instant due, long seq, Runnable task) {}

  private final ScheduledExecutorService actor;
  private final Clock clock;
  private final PriorityQueue<Timer> queue =
      new PriorityQueue<>(
          (a, b) -> a.due.equals(b.due) ? Long.compare(a.seq, b.seq) : a.due.compareTo(b.due));
  private long seq;

  Timers(ScheduledExecutorService actor, Clock clock) {
    this.actor = actor;
    this.clock = clock;
  }

  /** Runs {@code task} on the actor once the clock reaches {@code due}. */
  void at(Instant due, Runnable task) {
    queue.add(new Timer(due, seq++, task));
    wakeAt(due);
  }

  /** Runs, in due order, every timer due now (including ones they add that are due). */
  void runDue() {
    Instant now = clock.instant();
    while (!queue.isEmpty() && !queue.peek().due.isAfter(now)) {
      queue.poll().task.run();
    }
  }

  private void wakeAt(Instant due) {
    // +1 ms: the scheduler's ticks and the wall clock may disagree by a little.
    long delay = Math.max(0, Duration.between(clock.instant(), due).toMillis()) + 1;
    try {
      actor.schedule(
          () -> {
            runDue();
            if (clock.instant().isBefore(due)) {
              wakeAt(due);
            }
          },
          delay,
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Shutting down: nothing more is due.
    }
  }
}
