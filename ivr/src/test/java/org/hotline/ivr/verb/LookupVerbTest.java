package org.hotline.ivr.verb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.core.dial.DialAudit;
import org.hotline.ivr.fake.FakeCall;
import org.hotline.ivr.fake.FakeStores;
import org.junit.jupiter.api.Test;

/** Branching on the caller's customer level. */
class LookupVerbTest {
  private final FakeCall call = new FakeCall();
  private final LookupVerb lookup =
      new LookupVerb(Map.of("VIP", PlayVerb.of("vip-welcome")), PlayVerb.of("welcome"));

  private FlowContext context(Function<String, Optional<String>> levels) {
    FakeStores stores = new FakeStores();
    FlowServices services =
        new FlowServices(
            Clock.systemUTC(), levels, stores, stores, FakeStores.dialing(DialAudit.NONE));
    return new FlowContext(call, "en", services, name -> Optional.empty());
  }

  @Test
  void lookup_knownLevel_runsItsBranch_andSetsTheLevel() throws InterruptedException {
    FlowContext ctx =
        context(
            number -> number.equals(call.callerNumber()) ? Optional.of("vip") : Optional.empty());
    assertEquals(Outcome.CONTINUE, lookup.execute(ctx));
    assertEquals(List.of("vip-welcome"), call.media().promptsPlayed());
    assertEquals("vip", ctx.variables().get(LookupVerb.LEVEL));
  }

  @Test
  void lookup_levelWithoutBranch_continues() throws InterruptedException {
    FlowContext ctx = context(number -> Optional.of("gold"));
    assertEquals(Outcome.CONTINUE, lookup.execute(ctx));
    assertEquals(List.of(), call.media().promptsPlayed());
    assertEquals("gold", ctx.variables().get(LookupVerb.LEVEL));
  }

  @Test
  void lookup_noMatch_runsUnknown() throws InterruptedException {
    FlowContext ctx = context(number -> Optional.empty());
    lookup.execute(ctx);
    assertEquals(List.of("welcome"), call.media().promptsPlayed());
    assertFalse(ctx.variables().containsKey(LookupVerb.LEVEL));
  }

  @Test
  void lookup_thatThrows_isNoMatch_andTheCallGoesOn() throws InterruptedException {
    FlowContext ctx =
        context(
            number -> {
              throw new IllegalStateException("database down");
            });
    assertEquals(Outcome.CONTINUE, lookup.execute(ctx));
    assertEquals(List.of("welcome"), call.media().promptsPlayed());
  }
}
