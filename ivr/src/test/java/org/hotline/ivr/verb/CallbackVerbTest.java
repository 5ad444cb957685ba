package org.hotline.ivr.verb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.callback.CallbackRequest;
import org.hotline.core.time.ManualClock;
import org.hotline.ivr.fake.FakeCall;
import org.hotline.ivr.fake.FakeStores;
import org.junit.jupiter.api.Test;

/** Asking to be called back. */
class CallbackVerbTest {
  private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

  private final ManualClock clock = new ManualClock(NOW);
  private final FakeCall call = new FakeCall(clock);
  private final FakeStores stores = new FakeStores();
  private final FlowContext ctx =
      new FlowContext(call, "en", stores.services(clock, Map.of()), name -> Optional.empty());
  private final CallbackVerb callback =
      new CallbackVerb(
          Optional.of("sales"), 5, CallbackVerb.CONFIRM_PROMPT, CallbackVerb.IMPOSSIBLE_PROMPT);

  @Test
  void callback_fromAMenu_queuesFromNow_confirmsAndHangsUp() throws InterruptedException {
    assertEquals(Outcome.END, callback.execute(ctx));
    CallbackRequest request = stores.callbacks().getFirst();
    assertEquals("sales", request.queue());
    assertEquals(5, request.priority());
    assertEquals(NOW, request.placeSince());
    assertEquals(call.callerNumber(), request.number());
    assertEquals(List.of("play callback-confirmed", "hangup callback"), call.log());
  }

  @Test
  void callback_afterLeavingAQueue_keepsThePlaceInThatQueue() throws InterruptedException {
    ctx.variables()
        .putAll(
            Map.of(
                EnqueueVerb.QUEUE,
                "support",
                EnqueueVerb.QUEUED_AT,
                "2026-03-02T11:50:00Z",
                EnqueueVerb.PRIORITY,
                "0"));
    callback.execute(ctx);
    CallbackRequest request = stores.callbacks().getFirst();
    assertEquals("support", request.queue());
    assertEquals(0, request.priority());
    assertEquals(Instant.parse("2026-03-02T11:50:00Z"), request.placeSince());
  }

  @Test
  void callback_withheldNumber_saysImpossible_andContinues() throws InterruptedException {
    call.from("anonymous");
    assertEquals(Outcome.CONTINUE, callback.execute(ctx));
    assertEquals(List.of("play callback-impossible"), call.log());
    assertTrue(stores.callbacks().isEmpty());
    assertFalse(CallbackVerb.callable(""));
    assertFalse(CallbackVerb.callable("unknown"));
    assertTrue(CallbackVerb.callable("+8613800138000"));
  }

  @Test
  void callback_toANumberTheDialPolicyRefuses_saysImpossible_auditsIt_andContinues()
      throws InterruptedException {
    List<String> audited = new ArrayList<>();
    FlowContext guarded =
        new FlowContext(
            call,
            "en",
            stores.services(
                clock,
                Map.of(),
                FakeStores.dialing(
                    (site, who, number, reason) -> audited.add(site + " " + who + " " + number))),
            name -> Optional.empty());

    for (String foreignOrPremium : new String[] {"+12025550123", "16812345"}) {
      call.from(foreignOrPremium);
      assertEquals(Outcome.CONTINUE, callback.execute(guarded));
    }

    assertTrue(stores.callbacks().isEmpty(), "no callback to dial later");
    assertEquals(List.of("play callback-impossible", "play callback-impossible"), call.log());
    assertEquals(
        List.of(
            "callback call " + call.id() + " +12025550123",
            "callback call " + call.id() + " 16812345"),
        audited);
  }

  @Test
  void callback_withoutQueue_andNotFromAQueue_isImpossible() throws InterruptedException {
    var fromLeaveOnly =
        new CallbackVerb(
            Optional.empty(), 5, CallbackVerb.CONFIRM_PROMPT, CallbackVerb.IMPOSSIBLE_PROMPT);
    assertEquals(Outcome.CONTINUE, fromLeaveOnly.execute(ctx));
    assertTrue(stores.callbacks().isEmpty());
  }

  @Test
  void callback_storeDown_saysImpossible_andContinues() throws InterruptedException {
    FlowContext down =
        new FlowContext(
            call,
            "en",
            new FakeStores().failing().services(clock, Map.of()),
            n -> Optional.empty());
    assertEquals(Outcome.CONTINUE, callback.execute(down));
    assertEquals(List.of("play callback-impossible"), call.log());
  }
}
