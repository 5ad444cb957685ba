package org.hotline.cti.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.hotline.config.DataSettings;
import org.hotline.core.agent.AgentControl;
import org.hotline.core.call.CallControl;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.ControlResult;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.cdr.CdrRepository;
import org.hotline.core.db.Database;
import org.hotline.core.event.CallEvent;
import org.hotline.core.event.EventBus;
import org.hotline.cti.feed.CtiEvents;
import org.hotline.cti.feed.ScreenPops;
import org.hotline.cti.location.CallerLocator;
import org.hotline.cti.protocol.CtiCodec;
import org.hotline.cti.protocol.CtiCommand;
import org.hotline.cti.protocol.CtiCommandException;
import org.hotline.cti.protocol.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentDeskTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Database db;
  CdrRepository cdrs;
  final EventBus bus = new EventBus();
  final RecordingControl control = new RecordingControl();
  final FakeCalls calls = new FakeCalls();
  CtiEvents events;
  AgentDesk desk;

  @BeforeEach
  void open() {
    db =
        new Database(
            new DataSettings(dir, "jdbc:h2:file:" + dir.resolve("hotline"), "hotline", "", 2));
    cdrs = new CdrRepository(db.dsl(), Clock.fixed(T0, ZoneOffset.UTC));
    ScreenPops pops =
        new ScreenPops(
            new CallerLocator("CN", "zh"),
            n -> java.util.Optional.empty(),
            (numbers, limit) -> List.of());
    events =
        new CtiEvents(
            bus, pops, Runnable::run, Clock.fixed(T0, ZoneOffset.UTC), new SimpleMeterRegistry());
    desk =
        new AgentDesk(
            control, List.of("lunch", "meeting"), cdrs, events.offeredCalls(), db.writes(), calls);
  }

  @AfterEach
  void close() {
    events.close();
    db.close();
  }

  /**
   * Runs the command of frame {@code {"type": command, ...args}}; the reply's fields but its {@code
   * id}.
   */
  Map<String, Object> run(String agentId, String command, Map<String, Object> args)
      throws Exception {
    Reply reply = desk.run(agentId, command(command, args)).get(5, TimeUnit.SECONDS);
    Map<String, Object> fields = CtiCodec.fields(reply);
    fields.remove("id");
    return fields;
  }

  /**
   * Why the command of frame {@code {"type": command, ...args}} is refused: when it is read, or by
   * the desk.
   */
  CtiCommandException refused(String agentId, String command, Map<String, Object> args) {
    CtiCommand read;
    try {
      read = command(command, args);
    } catch (CtiCommandException e) {
      return e;
    }
    CompletableFuture<Reply> reply = desk.run(agentId, read);
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> reply.get(5, TimeUnit.SECONDS));
    return assertInstanceOf(CtiCommandException.class, e.getCause());
  }

  static CtiCommand command(String type, Map<String, Object> args) {
    Map<String, Object> frame = new HashMap<>(args);
    frame.put("type", type);
    return CtiCodec.command(JSON.valueToTree(frame));
  }

  static Cdr cdr(String callId, String agentId) {
    return new Cdr(
        callId,
        "+8613800138000",
        "100",
        null,
        "sales",
        agentId,
        T0,
        T0.plusSeconds(1),
        T0.plusSeconds(60),
        3,
        50,
        CallOutcome.ANSWERED,
        "caller-bye",
        null,
        null,
        null,
        null);
  }

  @Test
  void setState_break_withAConfiguredReason_pausesTheAgent() throws Exception {
    Map<String, Object> reply =
        run("1001", "set-state", Map.of("state", "break", "reason", "lunch"));

    assertEquals(List.of("pause 1001 lunch"), control.calls);
    assertEquals(Map.of("ok", true, "agentId", "1001", "state", "break", "reason", "lunch"), reply);
  }

  @Test
  void setState_availableOrReady_makesTheAgentReady() throws Exception {
    assertEquals(
        Map.of("ok", true, "agentId", "1001", "state", "available"),
        run("1001", "set-state", Map.of("state", "available")));
    run("1001", "set-state", Map.of("state", "ready"));

    assertEquals(List.of("ready 1001", "ready 1001"), control.calls);
  }

  @Test
  void setState_logout_logsTheAgentOut() throws Exception {
    run("1001", "set-state", Map.of("state", "logout"));

    assertEquals(List.of("logout 1001"), control.calls);
  }

  @Test
  void setState_breakWithAnUnknownOrMissingReason_isABadArgumentNamingTheReasons() {
    CtiCommandException e = refused("1001", "set-state", Map.of("state", "break", "reason", "nap"));
    assertEquals("bad-argument", e.code());
    assertEquals("unknown break reason 'nap'; one of lunch, meeting", e.getMessage());

    assertEquals("bad-argument", refused("1001", "set-state", Map.of("state", "break")).code());
    assertEquals(List.of(), control.calls);
  }

  @Test
  void setState_unknownOrMissingState_isABadArgument() {
    assertEquals("bad-argument", refused("1001", "set-state", Map.of("state", "on_call")).code());
    assertEquals("bad-argument", refused("1001", "set-state", Map.of()).code());
    assertEquals("bad-argument", refused("1001", "set-state", Map.of("state", 7)).code());
  }

  @Test
  void hangup_endsTheAgentsCall_orSaysThereIsNone() throws Exception {
    calls.onCall.put("1001", "call-7");

    assertEquals(Map.of("ok", true, "callId", "call-7"), run("1001", "hangup", Map.of()));
    assertEquals("not-on-a-call", refused("1002", "hangup", Map.of()).code());
    assertEquals(List.of("hangup 1001", "hangup 1002"), calls.asked);
  }

  @Test
  void holdAndUnhold_actOnTheAgentsCall() throws Exception {
    calls.onCall.put("1001", "call-7");

    assertEquals(
        Map.of("ok", true, "callId", "call-7", "held", true), run("1001", "hold", Map.of()));
    assertEquals(
        Map.of("ok", true, "callId", "call-7", "held", false), run("1001", "unhold", Map.of()));
    assertEquals("not-on-a-call", refused("1002", "hold", Map.of()).code());
    assertEquals(List.of("hold 1001 true", "hold 1001 false", "hold 1002 true"), calls.asked);
  }

  @Test
  void transfer_toAQueueOrAnAgent_andTheReasonsItCannot() throws Exception {
    calls.onCall.put("1001", "call-7");

    assertEquals(
        Map.of("ok", true, "callId", "call-7", "queue", "billing"),
        run("1001", "transfer", Map.of("queue", "billing")));
    assertEquals(
        Map.of("ok", true, "callId", "call-7", "agent", "1002"),
        run("1001", "transfer", Map.of("agent", "1002")));
    assertEquals("unknown-queue", refused("1001", "transfer", Map.of("queue", "nowhere")).code());
    assertEquals("agent-unavailable", refused("1001", "transfer", Map.of("agent", "busy")).code());
    assertEquals("not-on-a-call", refused("1005", "transfer", Map.of("queue", "billing")).code());
    assertEquals("bad-argument", refused("1001", "transfer", Map.of()).code());
    assertEquals(
        "bad-argument",
        refused("1001", "transfer", Map.of("queue", "billing", "agent", "1002")).code());
    assertEquals("bad-argument", refused("1001", "transfer", Map.of("queue", 7)).code());
  }

  @Test
  void dial_takesNumbersAsPeopleWriteThem_andRefusesWhatIsNoNumber() throws Exception {
    assertEquals(
        Map.of("ok", true, "callId", "dial-1", "number", "+8613800138000"),
        run("1001", "dial", Map.of("number", "+86 138-0013 (8000)")));
    assertEquals(List.of("dial 1001 +8613800138000"), calls.asked);
    for (String bad :
        new String[] {"", "abc", "138;user=phone", "sip:x@example.com", "1".repeat(33)}) {
      assertEquals("bad-argument", refused("1001", "dial", Map.of("number", bad)).code(), bad);
    }
    assertEquals("bad-argument", refused("1001", "dial", Map.of()).code());
    assertEquals(1, calls.asked.size(), "a bad number never reaches the call layer");
    calls.dialResult = ControlResult.not(ControlResult.Status.NOT_AVAILABLE);
    assertEquals("not-available", refused("1001", "dial", Map.of("number", "13800138000")).code());
    calls.dialResult = ControlResult.not(ControlResult.Status.NO_ROUTE);
    assertEquals("no-route", refused("1001", "dial", Map.of("number", "13800138000")).code());
  }

  @Test
  void dial_aNumberTheDialPolicyRefuses_isDialNotAllowed_withThePolicysReason() {
    String reason =
        "+12025550123 is an international fixed-line or mobile number (US), which hotline.dial.allow does not allow"
            + " (national,!premium)";
    calls.dialResult = ControlResult.dialNotAllowed(reason);

    CtiCommandException e = refused("1001", "dial", Map.of("number", "+1 202 555 0123"));

    assertEquals("dial-not-allowed", e.code());
    assertEquals(reason, e.getMessage());
    assertEquals(
        List.of("dial 1001 +12025550123"),
        calls.asked,
        "the call layer, which holds the policy, decides");
  }

  /** A call layer where agents are on the calls in {@code onCall}. */
  static final class FakeCalls implements CallControl {
    final Map<String, String> onCall = new HashMap<>();
    final List<String> asked = new ArrayList<>();
    ControlResult dialResult = ControlResult.done("dial-1");

    @Override
    public CompletableFuture<java.util.Optional<String>> hangup(String agentId) {
      asked.add("hangup " + agentId);
      return CompletableFuture.completedFuture(java.util.Optional.ofNullable(onCall.get(agentId)));
    }

    @Override
    public CompletableFuture<ControlResult> hold(String agentId, boolean hold) {
      asked.add("hold " + agentId + " " + hold);
      return done(agentId);
    }

    @Override
    public CompletableFuture<ControlResult> transferToQueue(String agentId, String queue) {
      return queue.equals("nowhere") ? not(ControlResult.Status.UNKNOWN_QUEUE) : done(agentId);
    }

    @Override
    public CompletableFuture<ControlResult> transferToAgent(String agentId, String targetAgentId) {
      return targetAgentId.equals("busy")
          ? not(ControlResult.Status.AGENT_UNAVAILABLE)
          : done(agentId);
    }

    @Override
    public CompletableFuture<ControlResult> dial(String agentId, String number) {
      asked.add("dial " + agentId + " " + number);
      return CompletableFuture.completedFuture(dialResult);
    }

    private CompletableFuture<ControlResult> done(String agentId) {
      String call = onCall.get(agentId);
      return call == null
          ? not(ControlResult.Status.NOT_ON_A_CALL)
          : CompletableFuture.completedFuture(ControlResult.done(call));
    }

    private static CompletableFuture<ControlResult> not(ControlResult.Status why) {
      return CompletableFuture.completedFuture(ControlResult.not(why));
    }
  }

  @Test
  void wrapUp_ofTheAgentsFinishedCall_isStoredOnTheCdr() throws Exception {
    cdrs.insert(cdr("call-1", "1001"));

    Map<String, Object> reply =
        run(
            "1001",
            "wrap-up",
            Map.of("callId", "call-1", "disposition", "sale", "notes", "two units"));

    assertEquals(Map.of("ok", true, "callId", "call-1", "disposition", "sale"), reply);
    Cdr stored = cdrs.find("call-1").orElseThrow();
    assertEquals("sale", stored.disposition());
    assertEquals("two units", stored.notes());
  }

  @Test
  void wrapUp_ofACallStillOn_isKeptUntilTheCdrIsWritten() throws Exception {
    bus.publish(new CallEvent.Offered("call-1", "1001", "sales", "+8613800138000", null, T0, T0));
    bus.publish(new CallEvent.Connected("call-1", "1001", T0));

    run("1001", "wrap-up", Map.of("callId", "call-1", "disposition", "complaint"));
    cdrs.insert(cdr("call-1", "1001"));

    assertEquals("complaint", cdrs.find("call-1").orElseThrow().disposition());
    assertNull(cdrs.find("call-1").orElseThrow().notes());
  }

  @Test
  void wrapUp_ofAnotherAgentsCall_isRefused() {
    cdrs.insert(cdr("call-1", "1002"));
    bus.publish(new CallEvent.Offered("call-2", "1002", "sales", "+8613800138000", null, T0, T0));

    assertEquals(
        "not-your-call",
        refused("1001", "wrap-up", Map.of("callId", "call-1", "disposition", "sale")).code());
    assertEquals(
        "not-your-call",
        refused("1001", "wrap-up", Map.of("callId", "call-2", "disposition", "sale")).code());
    assertEquals(
        "not-your-call",
        refused("1001", "wrap-up", Map.of("callId", "no-such-call", "disposition", "sale")).code());
    assertNull(cdrs.find("call-1").orElseThrow().disposition());
  }

  @Test
  void wrapUp_withoutACallOrWithABadDispositionOrNotesTooLong_isABadArgument() {
    cdrs.insert(cdr("call-1", "1001"));
    Map<String, Object> tooLong = new HashMap<>(Map.of("callId", "call-1", "disposition", "sale"));
    tooLong.put("notes", "n".repeat(CdrRepository.MAX_NOTES + 1));

    assertEquals("bad-argument", refused("1001", "wrap-up", Map.of("disposition", "sale")).code());
    assertEquals("bad-argument", refused("1001", "wrap-up", Map.of("callId", "call-1")).code());
    assertEquals(
        "bad-argument",
        refused("1001", "wrap-up", Map.of("callId", "call-1", "disposition", "=cmd|x")).code());
    assertEquals(
        "bad-argument",
        refused("1001", "wrap-up", Map.of("callId", "call-1", "disposition", "s".repeat(33)))
            .code());
    assertEquals("bad-argument", refused("1001", "wrap-up", tooLong).code());
  }

  @Test
  void wrapUp_whenTheDatabaseFails_isAServerErrorWithoutDetails() {
    bus.publish(new CallEvent.Offered("call-1", "1001", "sales", "+8613800138000", null, T0, T0));
    db.close();

    CtiCommandException e =
        refused("1001", "wrap-up", Map.of("callId", "call-1", "disposition", "sale"));

    assertEquals("server-error", e.code());
    assertEquals("the wrap-up could not be stored now; send it again", e.getMessage());
  }

  /** Records what the desk asked of routing. */
  static final class RecordingControl implements AgentControl {
    final List<String> calls = new ArrayList<>();

    @Override
    public void ready(String agentId) {
      calls.add("ready " + agentId);
    }

    @Override
    public void pause(String agentId, String reason) {
      calls.add("pause " + agentId + " " + reason);
    }

    @Override
    public void logout(String agentId) {
      calls.add("logout " + agentId);
    }
  }
}
