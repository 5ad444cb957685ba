package org.hotline.sip.call;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The call layer's timers (ring no-answer, the dead-peer watch), behind an interface so tests drive
 * them with a manual clock instead of sleeping. A task must only hand over to its call's executor.
 */
interface CallTimers {

  /** A scheduled task that may be cancelled. */
  interface Timer {
    /** Stops the task; it does not run again (or at all). */
    void cancel();
  }

  /** Runs {@code task} once, after {@code delay}. */
  Timer after(Duration delay, Runnable task);

  /** Runs {@code task} every {@code period}, first after one period. */
  Timer every(Duration period, Runnable task);

  /** Timers on a real scheduler. */
  static CallTimers on(ScheduledExecutorService scheduler) {
    return new CallTimers() {
      @Override
      public Timer after(Duration delay, Runnable task) {
        var f = scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
      }

      @Override
      public Timer every(Duration period, Runnable task) {
        var f =
            scheduler.scheduleAtFixedRate(
                task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
      }
    };
  }
}
