package org.hotline.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.hotline.core.db.Database;
import org.hotline.core.db.TestDatabases;
import org.hotline.core.event.AgentEvent;
import org.hotline.core.event.EventBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentEventRecorderTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  @TempDir Path dir;
  Database db;
  AgentEventRepository events;
  final EventBus bus = new EventBus();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    events = new AgentEventRepository(db.dsl(), Clock.fixed(T0, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    db.close();
  }

  /**
   * Waits until every write queued so far on the write pool ran: one barrier task per write thread
   * (TestDatabases opens two), so both threads have finished what they took before.
   */
  private void drain() throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(2);
    Runnable meet =
        () -> {
          try {
            barrier.await(5, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    CompletableFuture.allOf(
            CompletableFuture.runAsync(meet, db.writes()),
            CompletableFuture.runAsync(meet, db.writes()))
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void everyStateChangeOnTheBus_isStoredWithItsTime_offThePublishersThread() throws Exception {
    Thread publisher = Thread.currentThread();
    Thread[] writer = new Thread[1];
    try (AgentEventRecorder recorder =
        new AgentEventRecorder(
            events,
            r ->
                db.writes()
                    .execute(
                        () -> {
                          writer[0] = Thread.currentThread();
                          r.run();
                        }),
            bus,
            meters)) {
      var registered =
          new AgentEvent.StateChanged(
              "1001", AgentState.LOGGED_OUT, AgentState.AVAILABLE, "registered", T0);
      var missed =
          new AgentEvent.StateChanged(
              "1001", AgentState.RESERVED, AgentState.BREAK, "missed", T0.plusSeconds(20));
      bus.publish(registered);
      drain();
      bus.publish(missed);
      bus.publish(
          new AgentEvent.StateChanged(
              "1002", AgentState.LOGGED_OUT, AgentState.AVAILABLE, "registered", T0));
      drain();
      assertEquals(List.of(registered, missed), events.of("1001", T0, T0.plusSeconds(60)));
      assertNotEquals(publisher, writer[0]);
      assertEquals(3.0, meters.counter("hotline.agent.events.written").count());
    }
  }

  @Test
  void aChangeTheDatabaseRefuses_isCountedAsFailed_andLaterOnesStillStored() throws Exception {
    try (AgentEventRecorder recorder = new AgentEventRecorder(events, db.writes(), bus, meters)) {
      bus.publish(
          new AgentEvent.StateChanged(
              "1001".repeat(20), AgentState.LOGGED_OUT, AgentState.AVAILABLE, "", T0));
      var ok =
          new AgentEvent.StateChanged(
              "1001", AgentState.LOGGED_OUT, AgentState.AVAILABLE, "registered", T0);
      bus.publish(ok);
      drain();
      assertEquals(1.0, meters.counter("hotline.agent.events.failed").count());
      assertEquals(List.of(ok), events.of("1001", T0, T0.plusSeconds(1)));
    }
  }

  @Test
  void closedRecorder_storesNothingMore() throws Exception {
    new AgentEventRecorder(events, db.writes(), bus, meters).close();
    bus.publish(
        new AgentEvent.StateChanged(
            "1001", AgentState.LOGGED_OUT, AgentState.AVAILABLE, "registered", T0));
    drain();
    assertEquals(List.of(), events.of("1001", T0, T0.plusSeconds(1)));
  }
}
