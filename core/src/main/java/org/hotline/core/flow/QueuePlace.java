package org.hotline.core.flow;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a waiting call stands in its queue, for the announcements a caller hears while waiting.
 *
 * @param position 1 for the next call to be served; 0 when the call no longer waits (it is being
 *     offered to an agent, connected, or gone)
 * @param waiting how many calls wait in the queue
 * @param estimatedWait how long this call will likely wait from now, from the queue's recent real
 *     waits; empty while the queue has too little history to say
 */
public record QueuePlace(int position, int waiting, Optional<Duration> estimatedWait) {
  /** The place of a call that no longer waits. */
  public static final QueuePlace NOT_WAITING = new QueuePlace(0, 0, Optional.empty());

  public QueuePlace {
    Objects.requireNonNull(estimatedWait, "estimatedWait");
    if (position < 0 || waiting < 0) {
      throw new IllegalArgumentException(
          "negative position or count: " + position + ", " + waiting);
    }
  }
}
