package org.hotline.sip.guard;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The calls up, in all and per source address, as the call layer opens and ends them; the admission
 * step refuses a new call beyond the caps from these counts.
 */
public final class CallCounts {
  private final Map<String, InetAddress> sourceByCall = new ConcurrentHashMap<>();
  private final Map<InetAddress, AtomicInteger> bySource = new ConcurrentHashMap<>();

  /** A call from {@code source} is up. A call id already counted is not counted again. */
  public void opened(String callId, InetAddress source) {
    if (sourceByCall.putIfAbsent(callId, source) == null) {
      bySource.computeIfAbsent(source, s -> new AtomicInteger()).incrementAndGet();
    }
  }

  /** The call has ended (or was never opened: then nothing changes). */
  public void closed(String callId) {
    InetAddress source = sourceByCall.remove(callId);
    if (source != null) {
      bySource.computeIfPresent(source, (s, n) -> n.decrementAndGet() <= 0 ? null : n);
    }
  }

  /** Calls up in all. */
  public int total() {
    return sourceByCall.size();
  }

  /** Calls up from {@code source}. */
  public int from(InetAddress source) {
    AtomicInteger n = bySource.get(source);
    return n == null ? 0 : n.get();
  }
}
