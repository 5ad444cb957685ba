package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.hotline.core.event.QueueEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Queue figures on the bus, coalesced, and the service level. */
class AcdQueueEventsTest {
  private final AcdHarness h = new AcdHarness();

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void aBurstOfChanges_publishesOneEventWithTheFiguresAtTheEnd() throws Exception {
    h.call("c1", "sales");
    h.call("c2", "sales");
    h.call("c3", "sales");
    h.acd.abandon("c2");
    h.settle();
    assertEquals(List.of(), h.statsEvents("sales"));
    h.advanceAndTick(StatsPublisher.EVERY);
    List<QueueEvent.StatsChanged> events = h.statsEvents("sales");
    assertEquals(1, events.size());
    assertEquals(2, events.getFirst().stats().waiting());
    assertEquals(1, events.getFirst().stats().abandoned());
    assertEquals(h.clock.instant(), events.getFirst().at());
  }

  @Test
  void changesAfterAnEvent_publishTheNextOneAWindowLater_perQueue() throws Exception {
    h.call("c1", "sales");
    h.advanceAndTick(StatsPublisher.EVERY);
    h.call("c2", "sales");
    h.call("p1", "support");
    h.advanceAndTick(StatsPublisher.EVERY.minusMillis(1));
    assertEquals(1, h.statsEvents("sales").size());
    h.advanceAndTick(Duration.ofMillis(1));
    assertEquals(2, h.statsEvents("sales").size());
    assertEquals(1, h.statsEvents("support").size());
    // Nothing changed: nothing published.
    h.advanceAndTick(Duration.ofSeconds(5));
    assertEquals(2, h.statsEvents("sales").size());
  }

  @Test
  void serviceLevel_isAnsweredInTime_overAnswered_asTheReportsCountIt() throws Exception {
    // c1 answered after 10 s (in time), c2 after 30 s (late).
    h.call("c1", "sales");
    h.call("c2", "sales");
    h.clock.advance(Duration.ofSeconds(10));
    h.ready("1001", "sales");
    h.answer("1001", OfferResult.ANSWERED);
    h.clock.advance(Duration.ofSeconds(19));
    h.endCall("1001");
    h.answer("1001", OfferResult.ANSWERED);
    // c3 abandoned after 5 s, c4 after 40 s: abandons are not in the standard service level.
    h.call("c3", "sales");
    h.call("c4", "sales");
    h.clock.advance(Duration.ofSeconds(5));
    h.acd.abandon("c3");
    h.settle();
    h.clock.advance(Duration.ofSeconds(35));
    h.acd.abandon("c4");
    QueueStats s = h.stats("sales");
    assertEquals(2, s.answered());
    assertEquals(2, s.abandoned());
    assertEquals(1.0 / 2, s.serviceLevel(), 1e-9);
    assertEquals(Duration.ofSeconds(20), s.serviceLevelThreshold());
  }

  @Test
  void serviceLevel_withNoCallsYet_isFull() throws Exception {
    h.ready("1001", "sales");
    assertEquals(1.0, h.stats("sales").serviceLevel());
  }

  @Test
  void serviceLevel_withOnlyAbandonedCalls_isFull_andNoAnsweredCallTellsItIsNoFigure()
      throws Exception {
    h.call("c1", "sales");
    h.clock.advance(Duration.ofSeconds(40));
    h.acd.abandon("c1");
    QueueStats s = h.stats("sales");
    assertEquals(0, s.answered());
    assertEquals(1, s.abandoned());
    assertEquals(1.0, s.serviceLevel());
  }
}
