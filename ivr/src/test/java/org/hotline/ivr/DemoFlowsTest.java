package org.hotline.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.config.IvrSettings;
import org.hotline.core.flow.QueuePlace;
import org.hotline.core.time.ManualClock;
import org.hotline.ivr.fake.FakeCall;
import org.hotline.ivr.fake.FakeQueueWait;
import org.hotline.ivr.fake.FakeStores;
import org.hotline.ivr.flows.Flows;
import org.hotline.ivr.flows.FlowsException;
import org.junit.jupiter.api.Test;

/** The shipped demo flows as callers meet them: language, hours, VIP, menus, queues, voicemail. */
class DemoFlowsTest {
  private static final IvrSettings EN =
      new IvrSettings("en", Optional.empty(), Duration.ofSeconds(5), 2);

  /** Monday 2 March 2026, 10:00 in Shanghai: open. */
  private static final Instant OPEN = Instant.parse("2026-03-02T02:00:00Z");

  /** Sunday 8 March 2026, 10:00 in Shanghai: closed. */
  private static final Instant SUNDAY = Instant.parse("2026-03-08T02:00:00Z");

  private static final String VIP_NUMBER = "+8613900000001";

  private final ManualClock clock = new ManualClock(OPEN);
  private final FakeCall call = new FakeCall(clock);
  private final FakeStores stores = new FakeStores();

  private void call(String number, IvrSettings settings) throws InterruptedException {
    try {
      Flows flows =
          Flows.load(
              settings, stores.services(clock, Map.of(VIP_NUMBER, "VIP")), PromptSets::shipped);
      flows.flowFor(number).orElseThrow().run(call);
    } catch (FlowsException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private void call(String number) throws InterruptedException {
    call(number, EN);
  }

  @Test
  void demo_servesItsThreeNumbers() throws FlowsException {
    Flows flows = Flows.load(EN, stores.services(clock, Map.of()), PromptSets::shipped);
    assertEquals(java.util.Set.of("100", "200", "300"), flows.current().numbers());
    assertTrue(flows.flowFor("999").isEmpty());
  }

  @Test
  void main_key1_afterLanguageChoice_queuesForSales_untilAnAgentAnswers()
      throws InterruptedException {
    call.media().keys("21@");
    call(DemoFlows.NUMBER);
    assertEquals(
        List.of(
            "play welcome",
            "play choose-language",
            "key 2",
            "language en",
            "play menu-main",
            "key 1",
            "chose 1",
            "enqueue sales 5",
            "play please-hold",
            "play queue-leave-offer",
            "loop moh",
            "key @",
            "agent answers"),
        call.log());
    assertEquals(List.of(), call.hangups());
  }

  @Test
  void main_noLanguageChoice_keepsTheConfiguredLanguage() throws InterruptedException {
    call.media().keys(".1@");
    call(DemoFlows.NUMBER, new IvrSettings("zh", Optional.empty(), Duration.ofSeconds(5), 2));
    assertEquals(List.of("zh"), call.languages());
    assertTrue(call.media().played().stream().allMatch(p -> p.prompt().language().equals("zh")));
  }

  @Test
  void main_key1ForChinese_playsTheRestInChinese() throws InterruptedException {
    call.media().keys("11@");
    call(DemoFlows.NUMBER);
    assertEquals(List.of("zh"), call.languages());
    assertEquals("en", call.media().played().get(1).prompt().language()); // the question itself
    assertEquals("zh", call.media().played().get(2).prompt().language()); // menu-main
  }

  @Test
  void main_whenClosed_saysSo_andTakesAMessageForAfterHours() throws InterruptedException {
    clock.set(SUNDAY);
    call.media().keys("2");
    call(DemoFlows.NUMBER);
    assertEquals(
        List.of(
            "welcome", "choose-language", "closed", "voicemail-intro", "beep", "voicemail-saved"),
        call.media().promptsPlayed());
    assertEquals("after-hours", stores.voicemails().getFirst().box());
    assertEquals(List.of("voicemail"), call.hangups());
  }

  @Test
  void main_onAPublicHoliday_isClosed() throws InterruptedException {
    clock.set(Instant.parse("2026-10-01T02:00:00Z")); // Thursday, National Day
    call.media().keys("2");
    call(DemoFlows.NUMBER);
    assertTrue(call.media().promptsPlayed().contains("closed"));
  }

  @Test
  void main_vipCaller_skipsTheMenu_andIsQueuedFirst() throws InterruptedException {
    call.from(VIP_NUMBER).media().keys("2@");
    call(DemoFlows.NUMBER);
    assertTrue(call.log().contains("play vip-welcome"), call.log().toString());
    assertTrue(call.log().contains("enqueue vip 0"), call.log().toString());
    assertFalse(call.log().contains("play menu-main"));
  }

  @Test
  void main_supportSubMenu_billing_asksForTheAccount_thenQueues() throws InterruptedException {
    call.media().keys("222" + "12345#" + "@");
    call(DemoFlows.NUMBER);
    assertEquals(List.of("2", "2"), call.choices());
    assertTrue(call.log().contains("play enter-account"));
    assertTrue(call.log().contains("enqueue billing 5"), call.log().toString());
  }

  @Test
  void main_supportSubMenu_key1_queuesForSupport() throws InterruptedException {
    call.media().keys("221@");
    call(DemoFlows.NUMBER);
    assertTrue(call.log().contains("enqueue support 5"), call.log().toString());
  }

  @Test
  void main_supportSubMenu_key9_goesBackToTheMainMenu() throws InterruptedException {
    call.media().keys("2291@");
    call(DemoFlows.NUMBER);
    assertEquals(List.of("2", "9", "1"), call.choices());
    assertTrue(call.log().contains("enqueue sales 5"));
  }

  @Test
  void main_key0_takesAMessageForTheGeneralBox() throws InterruptedException {
    call.media().keys("20");
    call(DemoFlows.NUMBER);
    assertEquals("general", stores.voicemails().getFirst().box());
  }

  @Test
  void main_noKeyAtTheMenu_goesToSupportAfterTheRetries() throws InterruptedException {
    call.media().keys("2...@");
    call(DemoFlows.NUMBER);
    assertEquals(List.of("default"), call.choices());
    assertTrue(call.log().contains("enqueue support 5"));
  }

  @Test
  void queue_announcesPlaceAndWait_every30Seconds() throws InterruptedException {
    call.places(new QueuePlace(4, 6, Optional.of(Duration.ofMinutes(3))));
    call.media().keys("21.@");
    call(DemoFlows.NUMBER);
    int at = call.log().indexOf("play you-are-caller-number");
    assertEquals(
        List.of(
            "play you-are-caller-number",
            "play num-4",
            "play caller-number-end",
            "play estimated-wait",
            "play about",
            "play num-3",
            "play minutes",
            "play queue-leave-offer",
            "loop moh"),
        call.log().subList(at, at + 9));
    assertEquals(Duration.ofSeconds(30), call.media().waits().get(2));
  }

  @Test
  void queue_starThen1_requestsACallbackKeepingThePlace() throws InterruptedException {
    call.media().keys("21*1");
    call(DemoFlows.NUMBER);
    var request = stores.callbacks().getFirst();
    assertEquals("sales", request.queue());
    assertEquals(5, request.priority());
    assertEquals(FakeQueueWait.QUEUED_AT, request.placeSince());
    assertEquals(List.of("callback"), call.hangups());
  }

  @Test
  void queue_starThen1_fromAWithheldNumber_takesAMessageInstead() throws InterruptedException {
    call.from("anonymous").media().keys("21*1");
    call(DemoFlows.NUMBER);
    assertTrue(stores.callbacks().isEmpty());
    assertTrue(call.log().contains("play callback-impossible"));
    assertEquals("general", stores.voicemails().getFirst().box());
  }

  @Test
  void queue_starThen2_takesAMessage() throws InterruptedException {
    call.media().keys("21*2");
    call(DemoFlows.NUMBER);
    assertEquals(1, stores.voicemails().size());
    assertTrue(call.log().contains("leave sales"));
  }

  @Test
  void number200_goesStraightToTheSupportQueue() throws InterruptedException {
    call.media().keys("@");
    call(DemoFlows.SUPPORT_NUMBER);
    assertEquals("enqueue support 5", call.log().getFirst());
  }

  @Test
  void number300_goesStraightToVoicemail() throws InterruptedException {
    call(DemoFlows.VOICEMAIL_NUMBER);
    assertEquals(
        List.of("voicemail-intro", "beep", "voicemail-saved"), call.media().promptsPlayed());
    assertEquals("general", stores.voicemails().getFirst().box());
  }

  @Test
  void flow_callerHangsUpAtTheMenu_stopsWithoutFurtherPrompts() throws InterruptedException {
    call.media().keys("2!");
    call(DemoFlows.NUMBER);
    assertEquals("key none, closed", call.log().getLast());
    assertEquals(List.of(), call.hangups());
  }
}
