package org.hotline.core.report;

import java.time.Instant;
import java.util.List;

/**
 * The queue summary of a range.
 *
 * @param from the range's start (included)
 * @param to the range's end (excluded)
 * @param calls every inbound customer call that arrived in the range, with or without a queue
 * @param callsWithoutQueue those that never reached a queue (ended in the IVR, transferred from it,
 *     failed): counted in {@code calls}, in no queue figure
 * @param queues one summary per queue, by name
 * @param overall all queues together
 */
public record Summary(
    Instant from,
    Instant to,
    long calls,
    long callsWithoutQueue,
    List<QueueSummary> queues,
    QueueSummary overall) {
  public Summary {
    queues = List.copyOf(queues);
  }
}
