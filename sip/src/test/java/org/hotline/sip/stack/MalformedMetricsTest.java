package org.hotline.sip.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MalformedMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MalformedMetrics metrics = new MalformedMetrics(registry);

  private double malformed(String transport) {
    return registry.get("hotline.sip.malformed").tag("transport", transport).counter().count();
  }

  @Test
  void bothTransports_areThereAtZero_beforeAnythingArrives() {
    assertEquals(0, malformed("udp"));
    assertEquals(0, malformed("tcp"));
  }

  @Test
  void malformedMessages_areCountedByTransport() {
    metrics.malformed(new MalformedMessage("udp", "192.0.2.1", "malformed Via header"));
    metrics.malformed(
        new MalformedMessage("udp", "192.0.2.1:5060", "SIP version SIP/7.0 not supported"));
    metrics.malformed(
        new MalformedMessage("tcp", "192.0.2.1:40000", "more than one Content-Length header"));
    assertEquals(2, malformed("udp"));
    assertEquals(1, malformed("tcp"));
  }

  @Test
  void requestsTheStackRefused_areCountedByStatus() {
    metrics.rejected(416);
    metrics.rejected(416);
    metrics.rejected(420);
    assertEquals(
        2, registry.get("hotline.sip.requests.rejected").tag("status", "416").counter().count());
    assertEquals(
        1, registry.get("hotline.sip.requests.rejected").tag("status", "420").counter().count());
  }
}
