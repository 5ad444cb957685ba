package org.hotline.cti.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code queue-stats}: a queue's real-time figures, as {@code GET /api/queues} shows them too
 * ({@code org.hotline.cti.feed.QueueFigures}). About no agent: every connection gets it.
 *
 * @param agents how many of the queue's agents are in each state, by state name, every state listed
 * @param serviceLevelToday the share of today's calls served in time, 0 to 1
 * @param serviceLevelSeconds the threshold of that service level
 */
@JsonTypeName("queue-stats")
public record QueueStatsChanged(
    String queue,
    int waiting,
    long longestWaitSeconds,
    Map<String, Integer> agents,
    long offeredToday,
    long answeredToday,
    long abandonedToday,
    long givenBackToday,
    long overflowedToday,
    int callbacksWaiting,
    double serviceLevelToday,
    long serviceLevelSeconds)
    implements CtiEvent {
  public QueueStatsChanged {
    agents = Collections.unmodifiableMap(new LinkedHashMap<>(agents));
  }

  @Override
  public Optional<String> aboutAgent() {
    return Optional.empty();
  }
}
