package org.hotline.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hotline.config.IvrSettings;
import org.hotline.ivr.fake.FakeCall;
import org.hotline.ivr.fake.FakeMediaSession.Played;
import org.junit.jupiter.api.Test;

/** The demo flow {@code main} as a caller meets it: welcome, menu, queue. */
class DemoFlowsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final IvrSettings EN = new IvrSettings("en", Optional.empty(), TIMEOUT, 2);

  private final FakeCall call = new FakeCall();

  private void run(IvrSettings settings) throws InterruptedException {
    DemoFlows.directory(settings).flowFor("100").orElseThrow().run(call);
  }

  @Test
  void menu_whenKey1_enqueuesSales() throws InterruptedException {
    call.media().keys("1");
    run(EN);
    assertEquals(
        List.of("play welcome", "play menu-main", "key 1", "chose 1", "enqueue sales 5", "play please-hold"),
        call.log());
  }

  @Test
  void menu_whenKey2_enqueuesSupport() throws InterruptedException {
    call.media().keys("2");
    run(EN);
    assertEquals(List.of("2"), call.choices());
    assertTrue(call.log().contains("enqueue support 5"), call.log().toString());
  }

  @Test
  void menu_afterRetriesWithoutInput_goesToDefaultQueue() throws InterruptedException {
    run(EN); // no key at all: every wait times out
    assertEquals(
        List.of(
            "play welcome",
            "play menu-main", "key timeout", "play no-input",
            "play menu-main", "key timeout", "play no-input",
            "play menu-main", "key timeout", "play no-input",
            "chose default", "enqueue support 5", "play please-hold"),
        call.log());
  }

  @Test
  void menu_withoutRetries_goesToDefaultQueueAfterOneTry() throws InterruptedException {
    run(new IvrSettings("en", Optional.empty(), TIMEOUT, 0));
    assertEquals(List.of("welcome", "menu-main", "no-input", "please-hold"), call.media().promptsPlayed());
    assertEquals(List.of("default"), call.choices());
  }

  @Test
  void menu_invalidKey_playsInvalidThenRepeats() throws InterruptedException {
    call.media().keys("91");
    run(EN);
    assertEquals(
        List.of(
            "play welcome",
            "play menu-main", "key 9", "play invalid",
            "play menu-main", "key 1", "chose 1", "enqueue sales 5", "play please-hold"),
        call.log());
  }

  @Test
  void menu_invalidKeysAndTimeoutsShareTheRetries() throws InterruptedException {
    call.media().keys("9.#");
    run(EN);
    assertEquals(
        List.of("welcome", "menu-main", "invalid", "menu-main", "no-input", "menu-main", "invalid", "please-hold"),
        call.media().promptsPlayed());
    assertEquals(List.of("default"), call.choices());
  }

  @Test
  void menu_waitsTheConfiguredTimeout() throws InterruptedException {
    run(new IvrSettings("en", Optional.empty(), Duration.ofSeconds(7), 1));
    assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(7)), call.media().waits());
  }

  @Test
  void menu_keyPressedBeforeOrDuringPrompts_counts_nothingIsCleared() throws InterruptedException {
    call.media().keys("1"); // pressed as soon as the call was answered, before the flow began
    run(EN);
    assertEquals(0, call.log().stream().filter("clear"::equals).count());
    Played menu = call.media().played().get(1);
    assertEquals("menu-main", menu.prompt().name());
    assertTrue(menu.bargeIn(), "menu prompt plays with barge-in");
    assertEquals(List.of("1"), call.choices());
  }

  @Test
  void flow_callerHangsUp_stopsWithoutFurtherPrompts() throws InterruptedException {
    call.media().keys("!");
    run(EN);
    assertEquals(List.of("play welcome", "play menu-main", "caller hangs up", "key none, closed"), call.log());
    assertEquals(List.of(), call.choices());
    assertEquals(List.of(), call.hangups());
  }

  @Test
  void flow_callerHangsUpDuringWelcome_neverReachesTheMenu() throws InterruptedException {
    call.media().hangUpDuring("welcome");
    run(EN);
    assertEquals(List.of("welcome"), call.media().promptsPlayed());
    assertEquals(List.of(), call.media().waits());
  }

  @Test
  void flow_callerHangsUpDuringNoInputPrompt_stopsRetrying() throws InterruptedException {
    call.media().hangUpDuring("no-input");
    run(EN);
    assertEquals(List.of("welcome", "menu-main", "no-input"), call.media().promptsPlayed());
    assertEquals(List.of(), call.choices());
  }

  @Test
  void enqueue_whenCallerLeavesQueue_flowEndsWithoutHangingUp() throws InterruptedException {
    call.callerLeavesQueue().media().keys("2");
    run(EN);
    assertEquals("caller hangs up", call.log().getLast());
    assertEquals(List.of(), call.hangups());
  }

  @Test
  void flow_whenConnectedToAgent_endsWithoutHangingUp() throws InterruptedException {
    call.media().keys("1");
    run(EN);
    assertTrue(call.isActive());
    assertEquals(List.of(), call.hangups());
  }

  @Test
  void flow_playsPromptsInConfiguredLanguage() throws InterruptedException {
    call.media().keys("91");
    run(new IvrSettings("zh", Optional.empty(), TIMEOUT, 2));
    assertTrue(call.media().played().stream().allMatch(p -> p.prompt().language().equals("zh")));
  }

  @Test
  void demo_usesTheSpokenPrompts() {
    assertEquals(
        java.util.Set.of("welcome", "menu-main", "invalid", "no-input", "please-hold"),
        DemoFlows.main(EN).promptNames());
  }
}
