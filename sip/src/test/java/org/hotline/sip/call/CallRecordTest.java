package org.hotline.sip.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hotline.core.call.Call;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.event.CallEvent;
import org.hotline.core.event.EventBus;
import org.hotline.core.time.ManualClock;
import org.junit.jupiter.api.Test;

class CallRecordTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  final ManualClock clock = new ManualClock(T0);
  final EventBus bus = new EventBus();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final List<String> steps = new ArrayList<>();
  final CompletableFuture<Void> stored = new CompletableFuture<>();
  final List<Cdr> recorded = new ArrayList<>();

  CallServices services() {
    bus.subscribe(
        event -> {
          if (event instanceof CallEvent.Finished f) {
            steps.add("finished " + f.callId() + " " + f.cdr().outcome().code());
          }
        });
    return new CallServices(
        null,
        null,
        null,
        cdr -> {
          recorded.add(cdr);
          return stored;
        },
        bus,
        clock,
        Runnable::run,
        null,
        null,
        null,
        Duration.ofSeconds(20),
        Duration.ZERO,
        new CallMetrics(meters),
        id -> java.util.Optional.empty(),
        null);
  }

  Call endedCall() {
    Call call = new Call("call-1", "13800138000", "", "100", T0);
    clock.advance(Duration.ofSeconds(30));
    call.ended(clock.instant(), CallOutcome.ABANDONED, "caller-bye");
    return call;
  }

  @Test
  void theCallIsFinished_onlyOnceItsCdrIsStored_betweenItsOwnSteps() {
    CallServices services = services();
    CallRecord.close(
        services,
        Runnable::run,
        endedCall(),
        CallOutcome.ABANDONED,
        () -> steps.add("before"),
        () -> steps.add("after"));

    assertEquals(1, recorded.size());
    assertEquals("call-1", recorded.get(0).callId());
    assertTrue(steps.isEmpty(), "nothing is finished while the CDR is being stored: " + steps);

    stored.complete(null);
    assertEquals(List.of("before", "finished call-1 abandoned", "after"), steps);
    assertEquals(0.0, meters.counter("hotline.cdr.lost").count());
  }

  @Test
  void aCdrTheDatabaseRefused_isCountedAndLogged_andTheCallStillFinishes() {
    CallServices services = services();
    CallRecord.close(
        services,
        Runnable::run,
        endedCall(),
        CallOutcome.ABANDONED,
        () -> {},
        () -> steps.add("after"));

    stored.completeExceptionally(new IllegalStateException("database gone"));
    assertEquals(List.of("finished call-1 abandoned", "after"), steps);
    assertEquals(1.0, meters.counter("hotline.cdr.lost").count());
  }
}
