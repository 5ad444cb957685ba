package org.hotline.ivr.verb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hotline.ivr.fake.FakeCall;
import org.junit.jupiter.api.Test;

/** Collecting digits into a variable. */
class GatherVerbTest {
  private static final Duration FIRST = Duration.ofSeconds(5);
  private static final Duration NEXT = Duration.ofSeconds(3);

  private final FakeCall call = new FakeCall();
  private final FlowContext ctx = new FlowContext(call, "en");

  private static GatherVerb gather(int min, int max, int retries, Verb failed) {
    return new GatherVerb(
        "enter-account",
        "account",
        min,
        max,
        Optional.of('#'),
        FIRST,
        NEXT,
        retries,
        "invalid",
        "no-input",
        failed);
  }

  @Test
  void gather_untilTheFinishKey_storesTheDigitsWithoutIt() throws InterruptedException {
    call.media().keys("1234#");
    assertEquals(Outcome.CONTINUE, gather(1, 20, 0, Sequence.of()).execute(ctx));
    assertEquals("1234", ctx.variables().get("account"));
  }

  @Test
  void gather_stopsAtMaxLength_withoutWaitingForMore() throws InterruptedException {
    call.media().keys("98765");
    gather(4, 4, 0, Sequence.of()).execute(ctx);
    assertEquals("9876", ctx.variables().get("account"));
    assertEquals(4, call.media().waits().size());
  }

  @Test
  void gather_waitsFirstDigitTimeout_thenInterDigitTimeout() throws InterruptedException {
    call.media().keys("12.");
    gather(1, 20, 0, Sequence.of()).execute(ctx);
    assertEquals(List.of(FIRST, NEXT, NEXT), call.media().waits());
    assertEquals("12", ctx.variables().get("account"));
  }

  @Test
  void gather_tooFewDigits_playsInvalidAndAsksAgain() throws InterruptedException {
    call.media().keys("12#5678#");
    gather(4, 20, 1, Sequence.of()).execute(ctx);
    assertEquals(
        List.of("enter-account", "invalid", "enter-account"), call.media().promptsPlayed());
    assertEquals("5678", ctx.variables().get("account"));
  }

  @Test
  void gather_noDigits_playsNoInput_thenRunsFailedBranch_andLeavesTheVariableUnset()
      throws InterruptedException {
    call.media().keys("..");
    Outcome outcome = gather(1, 20, 1, new HangupVerb("goodbye")).execute(ctx);
    assertEquals(Outcome.END, outcome);
    assertEquals(
        List.of("enter-account", "no-input", "enter-account", "no-input", "goodbye"),
        call.media().promptsPlayed());
    assertFalse(ctx.variables().containsKey("account"));
  }

  @Test
  void gather_callerHangsUp_ends() throws InterruptedException {
    call.media().keys("1!");
    assertEquals(Outcome.END, gather(1, 20, 2, Sequence.of()).execute(ctx));
    assertFalse(ctx.variables().containsKey("account"));
  }

  @Test
  void gather_promptPlaysWithBargeIn() throws InterruptedException {
    call.media().keys("1#");
    gather(1, 20, 0, Sequence.of()).execute(ctx);
    assertEquals(true, call.media().played().getFirst().bargeIn());
  }

  @Test
  void gather_rejectsMaxBelowMin() {
    assertThrows(IllegalArgumentException.class, () -> gather(5, 4, 0, Sequence.of()));
  }
}
