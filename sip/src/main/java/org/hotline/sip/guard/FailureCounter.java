package org.hotline.sip.guard;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures per key (a source address, a user) within a sliding window: how many of the last
 * failures happened less than {@code window} ago. Each key keeps at most {@code limit} times, and
 * keys with nothing in the window are purged, so memory stays bounded by the keys that fail.
 */
final class FailureCounter<K> {
  private final Clock clock;
  private final Duration window;
  private final int limit;
  private final int maxKeys;
  private final Map<K, Deque<Long>> failures = new ConcurrentHashMap<>();

  /**
   * @param limit the count at which a caller acts; no more are kept per key
   * @param maxKeys keys tracked at most; past it, a new key's failure is counted after a purge, or
   *     not at all (a flood of sources cannot grow this without bound)
   */
  FailureCounter(Clock clock, Duration window, int limit, int maxKeys) {
    this.clock = clock;
    this.window = window;
    this.limit = limit;
    this.maxKeys = maxKeys;
  }

  /**
   * Counts a failure of {@code key} now; returns its failures within the window, this one included.
   */
  int fail(K key) {
    long now = clock.millis();
    if (!failures.containsKey(key) && failures.size() >= maxKeys) {
      purge();
      if (failures.size() >= maxKeys) {
        return 0;
      }
    }
    Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      drop(times, now);
      times.addLast(now);
      while (times.size() > limit) {
        times.removeFirst();
      }
      return times.size();
    }
  }

  /** Forgets {@code key}'s failures. */
  void clear(K key) {
    failures.remove(key);
  }

  /** Drops keys with no failure left in the window. */
  void purge() {
    long now = clock.millis();
    failures
        .entrySet()
        .removeIf(
            e -> {
              synchronized (e.getValue()) {
                drop(e.getValue(), now);
                return e.getValue().isEmpty();
              }
            });
  }

  int keys() {
    return failures.size();
  }

  private void drop(Deque<Long> times, long now) {
    long oldest = now - window.toMillis();
    while (!times.isEmpty() && times.peekFirst() <= oldest) {
      times.removeFirst();
    }
  }
}
