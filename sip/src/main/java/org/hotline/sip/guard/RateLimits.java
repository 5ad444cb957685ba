package org.hotline.sip.guard;

import java.net.InetAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-source request rates: one {@link TokenBucket} per source address and {@link RequestClass},
 * each allowing bursts of twice its rate. The table of sources is bounded: when full, sources idle
 * long enough to have full buckets are purged, and if it is still full the sources it cannot hold
 * share one set of buckets (a flood from many addresses then limits itself, not the sources already
 * known).
 */
final class RateLimits {
  private final Map<RequestClass, Integer> rates;
  private final LongSupplier nanos;
  private final int maxSources;
  private final Map<InetAddress, Buckets> bySource = new ConcurrentHashMap<>();
  private final Buckets overflow;

  RateLimits(Map<RequestClass, Integer> rates, LongSupplier nanos, int maxSources) {
    this.rates = new EnumMap<>(rates);
    this.nanos = nanos;
    this.maxSources = maxSources;
    this.overflow = new Buckets(nanos.getAsLong());
  }

  /** Whether {@code source} may send one more request of {@code kind} now. */
  boolean allow(InetAddress source, RequestClass kind) {
    long now = nanos.getAsLong();
    return buckets(source, now).get(kind).take(now);
  }

  /** Drops sources whose buckets are all full: they sent nothing for a while. */
  void purge() {
    long now = nanos.getAsLong();
    bySource.values().removeIf(b -> b.idle(now));
  }

  int sources() {
    return bySource.size();
  }

  private Buckets buckets(InetAddress source, long now) {
    Buckets b = bySource.get(source);
    if (b != null) {
      return b;
    }
    if (bySource.size() >= maxSources) {
      purge();
      if (bySource.size() >= maxSources) {
        return overflow;
      }
    }
    return bySource.computeIfAbsent(source, s -> new Buckets(now));
  }

  private final class Buckets {
    private final EnumMap<RequestClass, TokenBucket> byClass = new EnumMap<>(RequestClass.class);

    Buckets(long now) {
      rates.forEach((kind, rate) -> byClass.put(kind, new TokenBucket(rate, 2 * rate, now)));
    }

    TokenBucket get(RequestClass kind) {
      return byClass.get(kind);
    }

    boolean idle(long now) {
      for (TokenBucket b : byClass.values()) {
        if (!b.idle(now)) {
          return false;
        }
      }
      return true;
    }
  }
}
