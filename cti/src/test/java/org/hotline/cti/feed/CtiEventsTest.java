package org.hotline.cti.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.hotline.config.DataSettings;
import org.hotline.core.acd.QueueStats;
import org.hotline.core.agent.AgentState;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.cdr.CdrRepository;
import org.hotline.core.customer.Customer;
import org.hotline.core.customer.CustomerDirectory;
import org.hotline.core.customer.CustomerDraft;
import org.hotline.core.customer.CustomerRepository;
import org.hotline.core.db.Database;
import org.hotline.core.event.AgentEvent;
import org.hotline.core.event.CallEvent;
import org.hotline.core.event.EventBus;
import org.hotline.core.event.QueueEvent;
import org.hotline.core.ticket.Ticket;
import org.hotline.core.ticket.TicketDraft;
import org.hotline.core.ticket.TicketRepository;
import org.hotline.core.time.ManualClock;
import org.hotline.cti.location.CallerLocator;
import org.hotline.cti.protocol.CtiCodec;
import org.hotline.cti.protocol.CtiMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CtiEventsTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  static final String CALLER = "13800138000";

  @TempDir Path dir;
  Database db;
  CdrRepository cdrs;
  CustomerDirectory customers;
  TicketRepository tickets;
  final CallerLocator locator = new CallerLocator("CN", "zh");
  final EventBus bus = new EventBus();
  final ManualClock clock = new ManualClock(T0);
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final Queue<Runnable> lookups = new ArrayDeque<>();
  final List<CtiMessage> sent = new ArrayList<>();
  CtiEvents events;

  @BeforeEach
  void open() {
    db =
        new Database(
            new DataSettings(dir, "jdbc:h2:file:" + dir.resolve("hotline"), "hotline", "", 2));
    cdrs = new CdrRepository(db.dsl(), clock);
    customers =
        new CustomerDirectory(
            new CustomerRepository(db.dsl(), clock), locator, List.of("VIP", "normal"));
    tickets = new TicketRepository(db.dsl(), clock);
    events = feed(lookups::add);
  }

  CtiEvents feed(Executor executor) {
    ScreenPops pops =
        new ScreenPops(locator, customers::findByNumber, cdrs::lastCallsFrom, tickets::recentFor);
    CtiEvents feed = new CtiEvents(bus, pops, executor, clock, meters);
    feed.subscribe(sent::add);
    return feed;
  }

  @AfterEach
  void close() {
    events.close();
    db.close();
  }

  static CallEvent.Offered offer(String callId, String agentId, String caller) {
    return new CallEvent.Offered(callId, agentId, "sales", caller, "2>1", T0.minusSeconds(42), T0);
  }

  static Cdr pastCall(String callId, String caller, Instant at, String agentId) {
    return new Cdr(
        callId,
        caller,
        "100",
        "2",
        "sales",
        agentId,
        at,
        at.plusSeconds(1),
        at.plusSeconds(300),
        20,
        180,
        CallOutcome.ANSWERED,
        "caller-bye",
        null,
        null,
        null,
        null);
  }

  void runLookups() {
    while (!lookups.isEmpty()) {
      lookups.poll().run();
    }
  }

  /** The message's fields but its {@code type}, as the frame has them. */
  static Map<String, Object> body(CtiMessage message) {
    return CtiCodec.fields(message);
  }

  List<CtiMessage> sent(String type) {
    return sent.stream().filter(m -> m.type().equals(type)).toList();
  }

  @Test
  void offer_toAKnownCustomer_popsTheirCardLocationWaitAndLastFiveCalls() {
    Customer vip =
        customers.create(
            new CustomerDraft(
                "Wang Fang", "vip", "retail", "won", "prefers mornings", List.of(CALLER)));
    for (int i = 0; i < 6; i++) {
      cdrs.insert(pastCall("old-" + i, CALLER, T0.minus(Duration.ofDays(6 - i)), "100" + i));
    }
    cdrs.wrapUp("old-5", "complaint", "late parcel");
    clock.advance(Duration.ofMillis(35));

    bus.publish(offer("call-1", "1001", CALLER));
    runLookups();

    CtiMessage pop = sent("screen-pop").get(0);
    assertEquals(Optional.of("1001"), pop.aboutAgent());
    Map<String, Object> body = body(pop);
    assertEquals("call-1", body.get("callId"));
    assertEquals(
        Map.of(
            "number",
            "+8613800138000",
            "location",
            "北京市 中国移动",
            "carrier",
            "中国移动",
            "status",
            "valid"),
        body.get("caller"));
    Map<?, ?> customer = (Map<?, ?>) body.get("customer");
    assertEquals(vip.id(), customer.get("id"));
    assertEquals("Wang Fang", customer.get("name"));
    assertEquals("VIP", customer.get("level"));
    assertEquals("retail", customer.get("category"));
    assertEquals("won", customer.get("salesStage"));
    assertEquals("prefers mornings", customer.get("notes"));
    assertEquals("sales", body.get("queue"));
    assertEquals("2>1", body.get("ivr"));
    assertEquals(42L, body.get("waitedSeconds"));
    assertEquals(false, body.get("lookupFailed"));
    List<?> history = (List<?>) body.get("history");
    assertEquals(5, history.size());
    assertEquals(
        Map.of(
            "at",
            T0.minus(Duration.ofDays(1)).toString(),
            "outcome",
            "answered",
            "agentId",
            "1005",
            "queue",
            "sales",
            "disposition",
            "complaint",
            "talkSeconds",
            180L),
        history.get(0));
    Timer latency = meters.get("hotline.cti.screenpop").timer();
    assertEquals(1, latency.count());
    assertEquals(35.0, latency.totalTime(TimeUnit.MILLISECONDS));
  }

  @Test
  void offer_fromAnUnknownNumber_popsWithoutCustomerOrHistory() {
    bus.publish(offer("call-1", "1001", "+442070313000"));
    runLookups();

    Map<String, Object> body = body(sent("screen-pop").get(0));
    assertNull(body.get("customer"));
    assertEquals(List.of(), body.get("history"));
    assertEquals(List.of(), body.get("tickets"));
    assertEquals("+442070313000", ((Map<?, ?>) body.get("caller")).get("number"));
  }

  @Test
  void offer_toACustomerWithTickets_listsTheOpenAndPendingFirst_thenClosed_atMostFive() {
    Customer vip =
        customers.create(new CustomerDraft("Wang Fang", "vip", null, null, null, List.of(CALLER)));
    Customer other =
        customers.create(
            new CustomerDraft("Li Si", "normal", null, null, null, List.of("13900139000")));
    List<Ticket> opened = new java.util.ArrayList<>();
    for (String status : List.of("closed", "open", "closed", "pending", "closed", "open")) {
      clock.advance(Duration.ofMinutes(1));
      opened.add(
          tickets.create(
              new TicketDraft(
                  "t-" + opened.size(),
                  null,
                  status,
                  "old-" + opened.size(),
                  vip.id(),
                  CALLER,
                  "1002")));
    }
    tickets.create(new TicketDraft("not theirs", null, "open", null, other.id(), null, "1002"));

    bus.publish(offer("call-1", "1001", CALLER));
    runLookups();

    Map<String, Object> body = body(sent("screen-pop").get(0));
    assertEquals(false, body.get("lookupFailed"));
    List<?> listed = (List<?>) body.get("tickets");
    assertEquals(
        List.of("t-5", "t-3", "t-1", "t-4", "t-2"),
        listed.stream().map(t -> ((Map<?, ?>) t).get("title")).toList());
    Ticket newest = opened.get(5);
    Map<String, Object> first = new java.util.LinkedHashMap<>();
    first.put("id", newest.id());
    first.put("title", "t-5");
    first.put("status", "open");
    first.put("createdAt", newest.createdAt().toString());
    first.put("createdBy", "1002");
    first.put("callId", "old-5");
    assertEquals(first, listed.get(0));
    assertEquals(List.copyOf(first.keySet()), List.copyOf(((Map<?, ?>) listed.get(0)).keySet()));
  }

  @Test
  void offeredCalls_knowTheCaller_whileTheCallIsOn() {
    bus.publish(offer("call-1", "1001", CALLER));

    assertEquals(Optional.of(CALLER), events.offeredCalls().caller("call-1"));
    assertEquals(Optional.empty(), events.offeredCalls().caller("call-2"));

    bus.publish(
        new CallEvent.Finished(
            "call-1", pastCall("call-1", CALLER, T0, "1001"), T0.plusSeconds(60)));
    assertEquals(Optional.empty(), events.offeredCalls().caller("call-1"));
  }

  @Test
  void offer_fromAWithheldNumber_saysWithheld() {
    bus.publish(offer("call-1", "1001", "anonymous"));
    runLookups();

    Map<?, ?> caller = (Map<?, ?>) body(sent("screen-pop").get(0)).get("caller");
    assertEquals("withheld", caller.get("status"));
    assertNull(caller.get("number"));
    assertEquals("号码未显示", caller.get("location"));
  }

  @Test
  void offer_isRingingAtOnce_andTheScreenPopIsBuiltOnTheLookupExecutorNotTheBusThread() {
    bus.publish(offer("call-1", "1001", CALLER));

    assertEquals(List.of("call-state"), sent.stream().map(CtiMessage::type).toList());
    assertEquals("ringing", body(sent.get(0)).get("state"));
    assertEquals(1, lookups.size());

    runLookups();

    assertEquals(List.of("call-state", "screen-pop"), sent.stream().map(CtiMessage::type).toList());
  }

  @Test
  void offer_whenTheDatabaseIsDown_stillPopsFromTheNumberAlone() {
    db.close();

    bus.publish(offer("call-1", "1001", CALLER));
    runLookups();

    Map<String, Object> body = body(sent("screen-pop").get(0));
    assertEquals(true, body.get("lookupFailed"));
    assertEquals(List.of(), body.get("tickets"));
    assertEquals("北京市 中国移动", ((Map<?, ?>) body.get("caller")).get("location"));
    assertEquals(1, meters.counter("hotline.cti.screenpop.failed").count());
  }

  @Test
  void offer_whenTheLookupExecutorRefuses_stillPops() {
    events.close();
    sent.clear();
    events =
        feed(
            r -> {
              throw new RejectedExecutionException("full");
            });

    bus.publish(offer("call-1", "1001", CALLER));

    assertEquals(true, body(sent("screen-pop").get(0)).get("lookupFailed"));
  }

  @Test
  void callStates_ringingConnectedEnded_goToTheAgent() {
    bus.publish(offer("call-1", "1001", CALLER));
    bus.publish(new CallEvent.Connected("call-1", "1001", T0.plusSeconds(5)));
    bus.publish(
        new CallEvent.Finished(
            "call-1", pastCall("call-1", CALLER, T0, "1001"), T0.plusSeconds(60)));

    List<CtiMessage> states = sent("call-state");
    assertEquals(
        List.of("ringing", "connected", "ended"),
        states.stream().map(m -> body(m).get("state")).toList());
    assertTrue(states.stream().allMatch(m -> m.aboutAgent().equals(Optional.of("1001"))));
    assertEquals("answered", body(states.get(2)).get("outcome"));
    assertEquals(T0.plusSeconds(60).toString(), body(states.get(2)).get("at"));
    assertEquals(0, events.offeredCalls().size());
  }

  @Test
  void ringAll_theAgentsWhoDidNotAnswer_seeTheCallEndAnsweredElsewhere() {
    bus.publish(offer("call-1", "1001", CALLER));
    bus.publish(offer("call-1", "1002", CALLER));
    bus.publish(new CallEvent.Connected("call-1", "1002", T0.plusSeconds(5)));

    CtiMessage last = sent.get(sent.size() - 1);
    CtiMessage elsewhere = sent.get(sent.size() - 2);
    assertEquals(Optional.of("1001"), elsewhere.aboutAgent());
    assertEquals("answered-elsewhere", body(elsewhere).get("outcome"));
    assertEquals(Optional.of("1002"), last.aboutAgent());
    assertEquals("connected", body(last).get("state"));
    assertTrue(events.offeredCalls().offeredTo("call-1", "1002"));
    assertFalse(events.offeredCalls().offeredTo("call-1", "1001"));
  }

  @Test
  void callerWhoHangsUpWhileRinging_endsAbandonedForTheRingingAgent() {
    bus.publish(offer("call-1", "1001", CALLER));
    Cdr abandoned =
        new Cdr(
            "call-1",
            CALLER,
            "100",
            null,
            "sales",
            "1001",
            T0,
            null,
            T0.plusSeconds(9),
            9,
            0,
            CallOutcome.ABANDONED,
            "caller-bye",
            null,
            null,
            null,
            null);
    bus.publish(new CallEvent.Finished("call-1", abandoned, T0.plusSeconds(9)));

    CtiMessage ended = sent.get(sent.size() - 1);
    assertEquals(Optional.of("1001"), ended.aboutAgent());
    assertEquals("abandoned", body(ended).get("outcome"));
  }

  @Test
  void agentState_isLowerCaseWithReasonAndSince_forThatAgent() {
    bus.publish(
        new AgentEvent.StateChanged("1001", AgentState.AVAILABLE, AgentState.BREAK, "lunch", T0));

    CtiMessage m = sent.get(0);
    assertEquals("agent-state", m.type());
    assertEquals(Optional.of("1001"), m.aboutAgent());
    assertEquals("break", body(m).get("state"));
    assertEquals("available", body(m).get("previous"));
    assertEquals("lunch", body(m).get("reason"));
    assertEquals(T0.toString(), body(m).get("since"));
  }

  @Test
  void queueStats_goToEveryone_withTheFieldsOfTheQueuesApi() {
    QueueStats stats =
        new QueueStats(
            "sales",
            3,
            75,
            Map.of(AgentState.AVAILABLE, 2, AgentState.ON_CALL, 4),
            120,
            100,
            12,
            1,
            3,
            2,
            0.87,
            Duration.ofSeconds(20));

    bus.publish(new QueueEvent.StatsChanged(stats, T0));

    CtiMessage m = sent.get(0);
    assertEquals("queue-stats", m.type());
    assertEquals(Optional.empty(), m.aboutAgent());
    assertEquals(
        List.of(
            "queue",
            "waiting",
            "longestWaitSeconds",
            "agents",
            "offeredToday",
            "answeredToday",
            "abandonedToday",
            "givenBackToday",
            "overflowedToday",
            "callbacksWaiting",
            "serviceLevelToday",
            "serviceLevelSeconds"),
        List.copyOf(body(m).keySet()));
    assertEquals(3, body(m).get("waiting"));
    assertEquals(4, ((Map<?, ?>) body(m).get("agents")).get("on_call"));
    assertEquals(0, ((Map<?, ?>) body(m).get("agents")).get("break"));
    assertEquals(20L, body(m).get("serviceLevelSeconds"));
    assertEquals(3L, body(m).get("overflowedToday"));
  }

  @Test
  void current_isTheLatestStateOfEachAgentAndQueue() {
    QueueStats sales =
        new QueueStats(
            "sales", 3, 75, Map.of(), 120, 100, 12, 1, 0, 2, 0.87, Duration.ofSeconds(20));
    bus.publish(
        new AgentEvent.StateChanged(
            "1001", AgentState.LOGGED_OUT, AgentState.AVAILABLE, "registered", T0));
    bus.publish(
        new AgentEvent.StateChanged(
            "1002", AgentState.LOGGED_OUT, AgentState.AVAILABLE, "registered", T0));
    bus.publish(
        new AgentEvent.StateChanged(
            "1001", AgentState.AVAILABLE, AgentState.BREAK, "lunch", T0.plusSeconds(5)));
    bus.publish(new QueueEvent.StatsChanged(sales, T0));
    bus.publish(
        new QueueEvent.StatsChanged(
            new QueueStats(
                "sales", 1, 5, Map.of(), 121, 101, 12, 1, 0, 2, 0.88, Duration.ofSeconds(20)),
            T0));

    Map<String, Object> byWho = new java.util.HashMap<>();
    events
        .current()
        .forEach(
            m ->
                byWho.put(
                    m.type() + " " + m.aboutAgent().orElse(String.valueOf(body(m).get("queue"))),
                    body(m)));

    assertEquals(3, byWho.size(), byWho.toString());
    assertEquals("break", ((Map<?, ?>) byWho.get("agent-state 1001")).get("state"));
    assertEquals("available", ((Map<?, ?>) byWho.get("agent-state 1002")).get("state"));
    assertEquals(1, ((Map<?, ?>) byWho.get("queue-stats sales")).get("waiting"));
  }

  @Test
  void aSinkThatThrows_doesNotStopTheOthers() {
    List<CtiMessage> second = new ArrayList<>();
    events.subscribe(
        m -> {
          throw new IllegalStateException("connection gone");
        });
    events.subscribe(second::add);

    bus.publish(
        new AgentEvent.StateChanged("1001", AgentState.BREAK, AgentState.AVAILABLE, "", T0));

    assertEquals(1, second.size());
    assertNull(body(second.get(0)).get("reason"));
  }

  @Test
  void aCallerLookedUpWhenTheCallArrived_isPoppedAtTheOffer_beforeThePhoneCanRing() {
    customers.create(new CustomerDraft("Wang Fang", "vip", "retail", "won", "", List.of(CALLER)));
    bus.publish(new CallEvent.Arrived("call-1", CALLER, "100", T0.minusSeconds(50)));
    runLookups();

    bus.publish(offer("call-1", "1001", CALLER));

    assertTrue(lookups.isEmpty(), "nothing is looked up at the offer");
    assertEquals(
        List.of("call-state", "screen-pop"),
        sent.stream().map(CtiMessage::type).toList(),
        "the pop is sent before the offer's publisher goes on to ring the phone");
    Map<String, Object> body = body(sent("screen-pop").get(0));
    assertEquals("VIP", ((Map<?, ?>) body.get("customer")).get("level"));
    assertEquals("1001", body.get("agentId"));
    assertEquals(42L, body.get("waitedSeconds"));
  }

  @Test
  void everyOfferOfTheCall_popsFromTheSameLookups_untilTheCallFinishes() {
    bus.publish(new CallEvent.Arrived("call-1", CALLER, "100", T0));
    runLookups();
    bus.publish(offer("call-1", "1001", CALLER));
    bus.publish(offer("call-1", "1002", CALLER));
    assertEquals(2, sent("screen-pop").size());
    assertTrue(lookups.isEmpty());

    bus.publish(new CallEvent.Finished("call-1", null, T0));
    bus.publish(offer("call-1", "1003", CALLER));
    assertEquals(1, lookups.size(), "a finished call's facts are forgotten");
  }

  @Test
  void lookupsStillRunningAtTheOffer_popWhenTheyAreDone() {
    bus.publish(new CallEvent.Arrived("call-1", CALLER, "100", T0));
    bus.publish(offer("call-1", "1001", CALLER));
    assertTrue(sent("screen-pop").isEmpty(), "a platform thread does not wait");

    runLookups();
    assertEquals(1, sent("screen-pop").size());
    assertEquals(false, body(sent("screen-pop").get(0)).get("lookupFailed"));
  }

  @Test
  void anOfferOnACallsVirtualThread_waitsForItsLookups_soThePopStillComesFirst() throws Exception {
    events.close();
    java.util.concurrent.ExecutorService slow =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      events =
          feed(
              command ->
                  slow.execute(
                      () -> {
                        try {
                          Thread.sleep(100);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        command.run();
                      }));
      bus.publish(new CallEvent.Arrived("call-1", CALLER, "100", T0));
      Thread offering =
          Thread.ofVirtual().start(() -> bus.publish(offer("call-1", "1001", CALLER)));
      offering.join(5_000);

      assertEquals(
          List.of("call-state", "screen-pop"), sent.stream().map(CtiMessage::type).toList());
    } finally {
      slow.shutdownNow();
    }
  }

  @Test
  void lookupsThatFailAhead_stillPopTheNumber() {
    events.close();
    db.close();
    events = feed(lookups::add);
    bus.publish(new CallEvent.Arrived("call-1", CALLER, "100", T0));
    runLookups();
    bus.publish(offer("call-1", "1001", CALLER));

    CtiMessage pop = sent("screen-pop").get(0);
    assertEquals(true, body(pop).get("lookupFailed"));
    assertEquals(1.0, meters.counter("hotline.cti.screenpop.failed").count());
  }
}
