package org.hotline.core.acd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import org.hotline.core.event.EventBus;
import org.hotline.core.event.QueueEvent;

/**
 * Publishes {@link QueueEvent.StatsChanged} for the queues that changed, coalesced: the first
 * change arms one timer {@link #EVERY} later, and every queue changed until it fires gets one event
 * with its figures then. A queue therefore gets at most one event per {@link #EVERY}, and a
 * wallboard sees any change within {@link #EVERY}. Touched only on the ACD's thread; the timer is
 * the ACD's own ({@link Timers}), no extra thread.
 */
final class StatsPublisher {
  static final Duration EVERY = Duration.ofMillis(250);

  private final QueueStatsReader stats;
  private final EventBus bus;
  private final Clock clock;
  private final BiConsumer<Instant, Runnable> at;
  private final Set<String> changed = new LinkedHashSet<>();
  private boolean armed;

  /**
   * @param at runs a task on the ACD's thread once the clock reaches an instant
   */
  StatsPublisher(
      QueueStatsReader stats, EventBus bus, Clock clock, BiConsumer<Instant, Runnable> at) {
    this.stats = stats;
    this.bus = bus;
    this.clock = clock;
    this.at = at;
  }

  /** Something of {@code queue} changed. */
  void changed(String queue) {
    changed.add(queue);
    if (!armed) {
      armed = true;
      at.accept(clock.instant().plus(EVERY), this::publish);
    }
  }

  private void publish() {
    armed = false;
    Instant now = clock.instant();
    Set<String> queues = Set.copyOf(changed);
    changed.clear();
    stats.of(queues).values().forEach(s -> bus.publish(new QueueEvent.StatsChanged(s, now)));
  }
}
