package org.hotline.ivr.verb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.flow.QueuePlace;
import org.hotline.core.time.ManualClock;
import org.hotline.ivr.fake.FakeCall;
import org.hotline.ivr.fake.FakeQueueWait;
import org.hotline.ivr.fake.FakeStores;
import org.junit.jupiter.api.Test;

/** Waiting in a queue: music, announcements, the agent answering, the leave key, hanging up. */
class EnqueueVerbTest {
  private static final Duration EVERY = Duration.ofSeconds(30);

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T02:00:00Z"));
  private final FakeCall call = new FakeCall(clock);
  private final FakeStores stores = new FakeStores();
  private final FlowContext ctx =
      new FlowContext(call, "en", stores.services(clock, Map.of()), name -> Optional.empty());

  private static QueueOptions announcing(Optional<Character> leaveKey) {
    return new QueueOptions("please-hold", "moh", EVERY, true, true, leaveKey, Optional.empty());
  }

  private static EnqueueVerb enqueue(QueueOptions options, Verb leave) {
    return new EnqueueVerb("sales", 5, options, leave);
  }

  @Test
  void enqueue_playsHoldPromptThenMusic_andEndsWhenTheAgentAnswers() throws InterruptedException {
    call.media().keys("@");
    assertEquals(Outcome.END, new EnqueueVerb("sales", 5).execute(ctx));
    assertEquals(
        List.of("enqueue sales 5", "play please-hold", "loop moh", "key @", "agent answers"),
        call.log());
    assertEquals(List.of(), call.hangups());
  }

  @Test
  void enqueue_withoutAnnouncements_waitsOnlyForTheAgentOrTheCaller() throws InterruptedException {
    call.media().keys("@");
    new EnqueueVerb("sales", 5).execute(ctx);
    assertEquals(List.of(EnqueueVerb.IDLE_WAIT), call.media().waits());
  }

  @Test
  void enqueue_everyInterval_announcesPositionAndEstimatedWait_thenMusicAgain()
      throws InterruptedException {
    call.places(new QueuePlace(3, 4, Optional.of(Duration.ofSeconds(150))));
    call.media().keys(".@");
    enqueue(announcing(Optional.empty()), Sequence.of()).execute(ctx);
    assertEquals(
        List.of(
            "enqueue sales 5",
            "play please-hold",
            "loop moh",
            "key timeout",
            "play you-are-caller-number",
            "play num-3",
            "play caller-number-end",
            "play estimated-wait",
            "play about",
            "play num-3",
            "play minutes",
            "loop moh",
            "key @",
            "agent answers"),
        call.log());
    assertEquals(List.of(EVERY, EVERY), call.media().waits());
  }

  @Test
  void enqueue_shortEstimate_isLessThanAMinute() throws InterruptedException {
    call.places(new QueuePlace(1, 1, Optional.of(Duration.ofSeconds(40))));
    call.media().keys(".@");
    enqueue(announcing(Optional.empty()), Sequence.of()).execute(ctx);
    assertTrue(call.log().contains("play less-than-a-minute"), call.log().toString());
  }

  @Test
  void enqueue_withoutEstimate_announcesOnlyThePosition() throws InterruptedException {
    call.places(new QueuePlace(2, 2, Optional.empty()));
    call.media().keys(".@");
    enqueue(announcing(Optional.empty()), Sequence.of()).execute(ctx);
    assertFalse(call.log().contains("play estimated-wait"), call.log().toString());
    assertTrue(call.log().contains("play num-2"), call.log().toString());
  }

  @Test
  void enqueue_announcesInTheCallsLanguage() throws InterruptedException {
    ctx.language("zh");
    call.places(new QueuePlace(2, 2, Optional.of(Duration.ofSeconds(120))));
    call.media().keys(".@");
    enqueue(announcing(Optional.empty()), Sequence.of()).execute(ctx);
    assertTrue(call.media().played().stream().allMatch(p -> p.prompt().language().equals("zh")));
    // 第二位 but 两分钟
    assertTrue(call.media().promptsPlayed().containsAll(List.of("num-2", "num-2-measure")));
  }

  @Test
  void enqueue_callNoLongerWaiting_skipsTheAnnouncement_andTheMusicPlaysOn()
      throws InterruptedException {
    call.places(QueuePlace.NOT_WAITING);
    call.media().keys(".@");
    enqueue(announcing(Optional.empty()), Sequence.of()).execute(ctx);
    assertFalse(call.log().contains("play you-are-caller-number"), call.log().toString());
    assertEquals(1, call.log().stream().filter("loop moh"::equals).count());
  }

  @Test
  void enqueue_leaveKey_leavesTheQueue_andRunsTheLeaveBranchWithThePlaceKept()
      throws InterruptedException {
    call.media().keys("*");
    Outcome outcome =
        enqueue(announcing(Optional.of('*')), PlayVerb.of("leave-options")).execute(ctx);
    assertEquals(Outcome.CONTINUE, outcome);
    assertEquals(
        List.of(
            "enqueue sales 5",
            "play please-hold",
            "loop moh",
            "key *",
            "leave sales",
            "stop",
            "play leave-options"),
        call.log());
    assertEquals("sales", ctx.variables().get(EnqueueVerb.QUEUE));
    assertEquals(FakeQueueWait.QUEUED_AT.toString(), ctx.variables().get(EnqueueVerb.QUEUED_AT));
    assertEquals("5", ctx.variables().get(EnqueueVerb.PRIORITY));
  }

  @Test
  void enqueue_otherKeys_areIgnored() throws InterruptedException {
    call.media().keys("15#@");
    enqueue(announcing(Optional.of('*')), PlayVerb.of("leave-options")).execute(ctx);
    assertFalse(call.log().contains("play leave-options"));
    assertEquals("agent answers", call.log().getLast());
  }

  @Test
  void enqueue_withLeaveKey_promptsPlayWithBargeIn() throws InterruptedException {
    call.media().keys("@");
    enqueue(announcing(Optional.of('*')), Sequence.of()).execute(ctx);
    assertTrue(call.media().played().getFirst().bargeIn());
  }

  @Test
  void enqueue_agentAnsweredAtOnce_playsNothing() throws InterruptedException {
    call.agentFree();
    assertEquals(Outcome.END, enqueue(announcing(Optional.of('*')), Sequence.of()).execute(ctx));
    assertEquals(List.of("enqueue sales 5", "agent answers"), call.log());
  }

  @Test
  void enqueue_queueGivesTheCallBack_theFlowGoesOn() throws InterruptedException {
    call.media().onPlay("please-hold", () -> call.queueWait().givesBack());
    Outcome outcome =
        Sequence.of(new EnqueueVerb("sales", 5), new HangupVerb("not-available")).execute(ctx);
    assertEquals(Outcome.END, outcome);
    assertEquals(
        List.of(
            "enqueue sales 5",
            "play please-hold",
            "queue gives back",
            "stop",
            "play not-available",
            "hangup flow-hangup"),
        call.log());
  }

  @Test
  void enqueue_callerHangsUpWhileWaiting_ends() throws InterruptedException {
    call.places(new QueuePlace(3, 4, Optional.empty()));
    call.media().keys(".!");
    assertEquals(
        Outcome.END,
        enqueue(announcing(Optional.of('*')), PlayVerb.of("leave-options")).execute(ctx));
    assertEquals("key none, closed", call.log().getLast());
    assertEquals(List.of(), call.hangups());
  }

  @Test
  void enqueue_callerHangsUpDuringAnnouncement_stopsAnnouncing() throws InterruptedException {
    call.places(new QueuePlace(3, 4, Optional.of(Duration.ofMinutes(5))));
    call.media().keys(".").hangUpDuring("you-are-caller-number");
    assertEquals(Outcome.END, enqueue(announcing(Optional.empty()), Sequence.of()).execute(ctx));
    assertEquals("caller hangs up", call.log().getLast());
  }

  @Test
  void enqueue_nextAnnouncement_comesAfterTheRestOfTheInterval_notAfterEachKey()
      throws InterruptedException {
    call.places(new QueuePlace(3, 4, Optional.empty()));
    call.media().keys("1@");
    enqueue(announcing(Optional.empty()), Sequence.of()).execute(ctx);
    assertEquals(List.of(EVERY, EVERY), call.media().waits()); // no time passed for the key
  }
}
