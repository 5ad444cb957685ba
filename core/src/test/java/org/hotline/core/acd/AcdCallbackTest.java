package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hotline.core.agent.AgentState;
import org.hotline.core.callback.CallbackRequest;
import org.hotline.core.flow.QueuePlace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Callbacks keep the caller's place; agents serve them like calls. */
class AcdCallbackTest {
  private AcdHarness h = new AcdHarness();

  @AfterEach
  void stop() {
    h.close();
  }

  private CallbackRequest request(long id, Instant placeSince) {
    return new CallbackRequest(
        id, "call-" + id, "+8613800138000", "sales", 5, placeSince, h.clock.instant());
  }

  private void enqueueCallback(long id, Instant placeSince) throws Exception {
    h.acd.enqueueCallback(request(id, placeSince));
    h.settle();
  }

  @Test
  void aCallback_keepsTheCallersPlaceAmongTheWaitingCalls() throws Exception {
    Instant start = h.clock.instant();
    h.call("c1", "sales");
    h.clock.advance(Duration.ofSeconds(30));
    h.call("c2", "sales");
    h.clock.advance(Duration.ofSeconds(30));
    // The caller of request 7 joined 10 s after c1, then asked to be called back.
    enqueueCallback(7, start.plusSeconds(10));

    assertEquals(
        new QueuePlace(3, 3, Optional.empty()), h.acd.place("c2").get(5, TimeUnit.SECONDS));
    h.ready("1001", "sales");
    h.serve("1001");
    h.serve("1001");
    assertEquals(List.of("c1", "callback-7", "c2"), h.connector.callsOffered());
    assertEquals(1, h.connector.callbacks.size());
    assertEquals(7, h.connector.callbacks.getFirst().request().id());
  }

  @Test
  void answered_theAgentIsOnTheCall_andTheRequestIsDone() throws Exception {
    h.ready("1001", "sales");
    enqueueCallback(7, h.clock.instant());
    assertEquals(1, h.stats("sales").callbacks());
    h.answer("1001", OfferResult.ANSWERED);
    assertEquals(AgentState.ON_CALL, h.state("1001"));
    assertEquals(List.of("done:7"), h.callbackStates.written);
    assertEquals(0, h.stats("sales").callbacks());
    h.endCall("1001");
    assertEquals(AgentState.AVAILABLE, h.state("1001"));
    assertEquals(1.0, h.count("hotline.acd.callbacks.done"));
  }

  @Test
  void agentNotAnswering_theNextAgentGetsIt_andTheRequestStaysPending() throws Exception {
    h.ready("1001", "sales");
    h.ready("1002", "sales");
    enqueueCallback(7, h.clock.instant());
    h.answer("1001", OfferResult.NOT_ANSWERED);
    assertEquals(List.of("callback-7>1001", "callback-7>1002"), h.connector.offered());
    assertEquals(List.of(), h.callbackStates.written);
  }

  @Test
  void customerUnreachable_theRequestFails_andTheAgentIsFreeWithoutAMiss() throws Exception {
    h.close();
    h = new AcdHarness(AcdPolicy.DEFAULTS.withMaxMissed(1));
    h.ready("1001", "sales");
    enqueueCallback(7, h.clock.instant());
    h.answer("1001", OfferResult.CALL_GONE);
    assertEquals(List.of("attempted:7", "failed:7"), h.callbackStates.written);
    assertEquals(AgentState.AVAILABLE, h.state("1001"));
    assertEquals(0, h.stats("sales").callbacks());
    assertEquals(1.0, h.count("hotline.acd.callbacks.failed"));
    // It left: not offered again.
    h.call("c1", "sales");
    assertEquals(List.of("callback-7", "c1"), h.connector.callsOffered());
  }

  @Test
  void withSeveralAttempts_anUnreachableCustomerIsTriedAgainAfterTheRetry_atTheKeptPlace()
      throws Exception {
    h.close();
    h = new AcdHarness(AcdPolicy.DEFAULTS.withCallbackAttempts(2, Duration.ofMinutes(10)));
    h.ready("1001", "sales");
    enqueueCallback(7, h.clock.instant().minusSeconds(60));
    h.answer("1001", OfferResult.CALL_GONE);
    assertEquals(List.of("attempted:7"), h.callbackStates.written);
    assertEquals(1, h.stats("sales").callbacks());
    h.advanceAndTick(Duration.ofMinutes(9));
    assertEquals(1, h.connector.offers.size());
    h.call("c1", "sales");
    h.serve("1001");
    h.advanceAndTick(Duration.ofMinutes(1));
    assertEquals(List.of("callback-7", "c1", "callback-7"), h.connector.callsOffered());
    h.answer("1001", OfferResult.CALL_GONE);
    assertEquals(List.of("attempted:7", "attempted:7", "failed:7"), h.callbackStates.written);
  }

  @Test
  void theSameRequestTwice_isServedOnce() throws Exception {
    enqueueCallback(7, h.clock.instant());
    enqueueCallback(7, h.clock.instant());
    assertEquals(1, h.stats("sales").callbacks());
  }
}
