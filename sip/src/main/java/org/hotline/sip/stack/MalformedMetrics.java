package org.hotline.sip.stack;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what the stack refused: {@code hotline.sip.malformed{transport}} for malformed messages
 * and {@code hotline.sip.requests.rejected{status}} for well-formed requests it answered itself.
 */
public final class MalformedMetrics implements MalformedListener {
  private final MeterRegistry registry;
  private final Counter udp;
  private final Counter tcp;

  public MalformedMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Registered up front so that dashboards see 0 rather than nothing.
    this.udp = counter(registry, "udp");
    this.tcp = counter(registry, "tcp");
  }

  @Override
  public void malformed(MalformedMessage message) {
    switch (message.transport()) {
      case "udp" -> udp.increment();
      case "tcp" -> tcp.increment();
      default -> counter(registry, message.transport()).increment();
    }
  }

  @Override
  public void rejected(int status) {
    registry.counter("hotline.sip.requests.rejected", "status", String.valueOf(status)).increment();
  }

  private static Counter counter(MeterRegistry registry, String transport) {
    return Counter.builder("hotline.sip.malformed")
        .description("SIP messages refused as malformed")
        .tag("transport", transport)
        .register(registry);
  }
}
