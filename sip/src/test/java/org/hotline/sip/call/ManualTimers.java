package org.hotline.sip.call;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hotline.core.time.ManualClock;

/**
 * Call timers driven by a {@link ManualClock}: {@link #advance} moves the clock and runs, in due
 * order and on the caller's thread, every task that falls due on the way.
 */
final class ManualTimers implements CallTimers {
  private final ManualClock clock;
  private final List<Task> tasks = new ArrayList<>();
  private long seq;

  ManualTimers(ManualClock clock) {
    this.clock = clock;
  }

  private final class Task implements Timer {
    private Instant due;
    private final Duration period;
    private final Runnable body;
    private final long order = seq++;

    Task(Instant due, Duration period, Runnable body) {
      this.due = due;
      this.period = period;
      this.body = body;
    }

    @Override
    public void cancel() {
      tasks.remove(this);
    }
  }

  @Override
  public Timer after(Duration delay, Runnable task) {
    return add(new Task(clock.instant().plus(delay), null, task));
  }

  @Override
  public Timer every(Duration period, Runnable task) {
    return add(new Task(clock.instant().plus(period), period, task));
  }

  private Task add(Task task) {
    tasks.add(task);
    return task;
  }

  /** Moves the clock by {@code by}, running what falls due. */
  void advance(Duration by) {
    Instant until = clock.instant().plus(by);
    Optional<Task> next;
    while ((next =
            tasks.stream()
                .filter(t -> !t.due.isAfter(until))
                .min(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.order)))
        .isPresent()) {
      Task task = next.get();
      clock.set(task.due);
      if (task.period == null) {
        tasks.remove(task);
      } else {
        task.due = task.due.plus(task.period);
      }
      task.body.run();
    }
    clock.set(until);
  }

  /** Tasks scheduled and not cancelled. */
  int pending() {
    return tasks.size();
  }
}
