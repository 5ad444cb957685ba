package org.hotline.core.event;

import java.time.Instant;
import java.util.Objects;
import org.hotline.core.acd.QueueStats;

/** A change of a queue as a whole: its waiting calls, its agents, today's figures. */
public sealed interface QueueEvent extends HotlineEvent {
  String queue();

  /**
   * The queue's figures changed. Coalesced: the ACD publishes at most one per queue per {@code 250
   * ms}, with the figures at the time of publishing, so a wallboard can redraw on each.
   */
  record StatsChanged(QueueStats stats, Instant at) implements QueueEvent {
    public StatsChanged {
      Objects.requireNonNull(stats, "stats");
      Objects.requireNonNull(at, "at");
    }

    @Override
    public String queue() {
      return stats.queue();
    }
  }
}
