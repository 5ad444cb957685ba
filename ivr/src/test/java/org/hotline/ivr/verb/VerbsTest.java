package org.hotline.ivr.verb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hotline.ivr.fake.FakeCall;
import org.hotline.ivr.speech.Speech;
import org.junit.jupiter.api.Test;

/** The verbs one at a time. */
class VerbsTest {
  private final FakeCall call = new FakeCall();
  private final FlowContext ctx = new FlowContext(call, "en");

  private static MenuVerb menu(Map<Character, Verb> branches, int retries) {
    return new MenuVerb(
        "menu-main",
        branches,
        Duration.ofSeconds(3),
        retries,
        "invalid",
        "no-input",
        new HangupVerb());
  }

  @Test
  void play_playsEachPromptInOrder_thenContinues() throws InterruptedException {
    Outcome outcome = PlayVerb.prompts(List.of("welcome", "menu-main"), true).execute(ctx);
    assertEquals(Outcome.CONTINUE, outcome);
    assertEquals(List.of("welcome", "menu-main"), call.media().promptsPlayed());
    assertTrue(call.media().played().stream().allMatch(p -> p.bargeIn()));
  }

  @Test
  void play_callerHangsUp_skipsTheRestAndEnds() throws InterruptedException {
    call.media().hangUpDuring("welcome");
    assertEquals(Outcome.END, PlayVerb.of("welcome", "menu-main").execute(ctx));
    assertEquals(List.of("welcome"), call.media().promptsPlayed());
  }

  @Test
  void menu_branchThatContinues_letsTheFlowGoOn() throws InterruptedException {
    call.media().keys("3");
    Outcome outcome = menu(Map.of('3', PlayVerb.of("goodbye")), 1).execute(ctx);
    assertEquals(Outcome.CONTINUE, outcome);
    assertEquals(List.of("3"), call.choices());
  }

  @Test
  void menu_branchSequence_runsAllItsVerbs() throws InterruptedException {
    call.media().keys("*");
    menu(Map.of('*', Sequence.of(PlayVerb.of("goodbye"), new HangupVerb())), 0).execute(ctx);
    assertEquals(List.of("menu-main", "goodbye"), call.media().promptsPlayed());
    assertEquals(List.of(HangupVerb.CAUSE), call.hangups());
  }

  @Test
  void menu_defaultBranch_isRecordedAsDefault() throws InterruptedException {
    menu(Map.of('1', PlayVerb.of("welcome")), 0).execute(ctx);
    assertEquals(List.of(MenuVerb.DEFAULT_CHOICE), call.choices());
    assertEquals(List.of(HangupVerb.CAUSE), call.hangups());
  }

  @Test
  void menu_rejectsKeysThatAreNotDtmf() {
    assertThrows(IllegalArgumentException.class, () -> menu(Map.of('x', new HangupVerb()), 0));
  }

  @Test
  void menu_rejectsNegativeRetriesAndZeroTimeout() {
    assertThrows(IllegalArgumentException.class, () -> menu(Map.of(), -1));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new MenuVerb("m", Map.of(), Duration.ZERO, 0, "invalid", "no-input", new HangupVerb()));
  }

  @Test
  void menu_promptNames_includeItsBranches() {
    MenuVerb menu = menu(Map.of('1', new EnqueueVerb("sales", 5)), 1);
    assertEquals(
        java.util.Set.of("menu-main", "invalid", "no-input", "please-hold", "moh"),
        menu.promptNames());
  }

  @Test
  void play_saysNumbersDigitsAndWaits_inTheCallsLanguage() throws InterruptedException {
    ctx.variables().put("account", "2048");
    ctx.language("zh");
    var parts =
        List.<Speech>of(
            new Speech.Prompt("welcome"),
            new Speech.Number(Speech.Value.of("12")),
            new Speech.Digits(Speech.Value.of("$account")),
            new Speech.Wait(Speech.Value.of("120")));
    assertEquals(Outcome.CONTINUE, new PlayVerb(parts, false).execute(ctx));
    assertEquals(
        List.of(
            "welcome",
            "num-10",
            "num-2",
            "num-2",
            "num-0",
            "num-4",
            "num-8",
            "about",
            "num-2-measure",
            "minutes"),
        call.media().promptsPlayed());
  }

  @Test
  void play_numberFromAnUnsetVariable_saysNothing() throws InterruptedException {
    var parts =
        List.<Speech>of(
            new Speech.Number(Speech.Value.of("$missing")), new Speech.Prompt("goodbye"));
    new PlayVerb(parts, false).execute(ctx);
    assertEquals(List.of("goodbye"), call.media().promptsPlayed());
  }

  @Test
  void goto_returnsAGoToTheFlow() throws InterruptedException {
    assertEquals(Outcome.goTo("sales"), new GotoVerb("sales").execute(ctx));
  }

  @Test
  void hangup_withoutPrompt_hangsUpAtOnce() throws InterruptedException {
    assertEquals(Outcome.END, new HangupVerb().execute(ctx));
    assertEquals(List.of("hangup flow-hangup"), call.log());
  }

  @Test
  void hangup_callerGoneDuringGoodbye_doesNotHangUpAgain() throws InterruptedException {
    call.media().hangUpDuring("goodbye");
    new HangupVerb("goodbye").execute(ctx);
    assertEquals(List.of(), call.hangups());
  }

  @Test
  void context_await_answersAnInterrupt_soATornDownCallFreesItsThread() {
    Thread.currentThread().interrupt();
    assertThrows(InterruptedException.class, () -> ctx.await(new CompletableFuture<Void>()));
    assertFalse(Thread.interrupted());
  }

  @Test
  void context_await_failedFuture_throwsItsCause() {
    var failure = new IllegalStateException("media gone");
    var thrown =
        assertThrows(
            CompletionException.class, () -> ctx.await(CompletableFuture.failedFuture(failure)));
    assertSame(failure, thrown.getCause());
  }

  @Test
  void context_promptIsInTheCallsLanguage() {
    assertEquals(
        new org.hotline.core.media.Prompt("zh", "welcome"),
        new FlowContext(call, "zh").prompt("welcome"));
  }
}
