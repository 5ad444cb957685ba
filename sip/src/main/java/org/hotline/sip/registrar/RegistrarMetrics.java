package org.hotline.sip.registrar;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The registrar's counters. */
final class RegistrarMetrics {
  final Counter registered;
  final Counter unregistered;
  final Counter challenged;
  final Counter forbidden;
  final Counter errors;

  RegistrarMetrics(MeterRegistry r) {
    registered = r.counter("hotline.sip.register", "result", "ok");
    unregistered = r.counter("hotline.sip.register", "result", "removed");
    challenged = r.counter("hotline.sip.register", "result", "challenged");
    forbidden = r.counter("hotline.sip.register", "result", "forbidden");
    errors = r.counter("hotline.sip.register", "result", "error");
  }
}
