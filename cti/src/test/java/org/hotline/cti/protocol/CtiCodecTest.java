package org.hotline.cti.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON of the CTI protocol: every message and command as the wire had it, both ways. */
class CtiCodecTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  /** The screen-pop of docs/cti-protocol.md, as the map-built frames wrote it. */
  static final String SCREEN_POP =
      "{\"type\":\"screen-pop\",\"agentId\":\"1001\",\"callId\":\"a84b4c76e66710@10.0.0.7\","
          + "\"caller\":{\"number\":\"+8613800138000\",\"location\":\"北京市 中国移动\",\"carrier\":\"中国移动\",\"status\":\"valid\"},"
          + "\"customer\":{\"id\":42,\"name\":\"Wang Fang\",\"level\":\"VIP\",\"category\":\"retail\",\"salesStage\":\"won\",\"notes\":\"prefers mornings\"},"
          + "\"queue\":\"sales\",\"ivr\":\"2>1\",\"waitedSeconds\":42,"
          + "\"history\":[{\"at\":\"2026-02-28T08:00:00Z\",\"outcome\":\"answered\",\"agentId\":\"1005\",\"queue\":\"sales\",\"disposition\":\"complaint\",\"talkSeconds\":180}],"
          + "\"tickets\":[{\"id\":311,\"title\":\"Parcel arrived broken\",\"status\":\"open\",\"createdAt\":\"2026-02-28T08:02:10Z\",\"createdBy\":\"1005\",\"callId\":\"f81d4fae7dec11d0@10.0.0.7\"}],"
          + "\"lookupFailed\":false}";

  static ScreenPop screenPop() {
    return new ScreenPop(
        "1001",
        "a84b4c76e66710@10.0.0.7",
        new ScreenPop.Caller("+8613800138000", "北京市 中国移动", "中国移动", "valid"),
        new ScreenPop.Customer(42, "Wang Fang", "VIP", "retail", "won", "prefers mornings"),
        "sales",
        "2>1",
        42,
        List.of(
            new ScreenPop.PastCall(
                Instant.parse("2026-02-28T08:00:00Z"),
                "answered",
                "1005",
                "sales",
                "complaint",
                180)),
        List.of(
            new ScreenPop.TicketLine(
                311,
                "Parcel arrived broken",
                "open",
                Instant.parse("2026-02-28T08:02:10Z"),
                "1005",
                "f81d4fae7dec11d0@10.0.0.7")),
        false);
  }

  static Stream<Arguments> messages() {
    Map<String, Integer> agents = new LinkedHashMap<>();
    agents.put("logged_out", 0);
    agents.put("available", 2);
    agents.put("reserved", 0);
    agents.put("on_call", 4);
    agents.put("wrap_up", 0);
    agents.put("break", 1);
    return Stream.of(
        Arguments.of(screenPop(), SCREEN_POP),
        Arguments.of(
            new ScreenPop(
                "1001",
                "c-2",
                new ScreenPop.Caller(null, "Number withheld", null, "withheld"),
                null,
                "sales",
                null,
                0,
                List.of(),
                List.of(),
                true),
            "{\"type\":\"screen-pop\",\"agentId\":\"1001\",\"callId\":\"c-2\","
                + "\"caller\":{\"number\":null,\"location\":\"Number withheld\",\"carrier\":null,\"status\":\"withheld\"},"
                + "\"customer\":null,\"queue\":\"sales\",\"ivr\":null,\"waitedSeconds\":0,\"history\":[],\"tickets\":[],\"lookupFailed\":true}"),
        Arguments.of(
            CallState.ringing("1001", "a84b", T0, "sales", "13800138000"),
            "{\"type\":\"call-state\",\"agentId\":\"1001\",\"callId\":\"a84b\",\"state\":\"ringing\",\"at\":\"2026-03-01T08:00:00Z\","
                + "\"queue\":\"sales\",\"caller\":\"13800138000\"}"),
        Arguments.of(
            CallState.ringing("1001", "a84b", T0, null, null),
            "{\"type\":\"call-state\",\"agentId\":\"1001\",\"callId\":\"a84b\",\"state\":\"ringing\",\"at\":\"2026-03-01T08:00:00Z\","
                + "\"queue\":null,\"caller\":null}"),
        Arguments.of(
            CallState.connected("1001", "a84b", T0),
            "{\"type\":\"call-state\",\"agentId\":\"1001\",\"callId\":\"a84b\",\"state\":\"connected\",\"at\":\"2026-03-01T08:00:00Z\"}"),
        Arguments.of(
            CallState.held("1001", "a84b", T0),
            "{\"type\":\"call-state\",\"agentId\":\"1001\",\"callId\":\"a84b\",\"state\":\"held\",\"at\":\"2026-03-01T08:00:00Z\"}"),
        Arguments.of(
            CallState.ended("1001", "a84b", T0, "answered"),
            "{\"type\":\"call-state\",\"agentId\":\"1001\",\"callId\":\"a84b\",\"state\":\"ended\",\"at\":\"2026-03-01T08:00:00Z\","
                + "\"outcome\":\"answered\"}"),
        Arguments.of(
            CallState.ended("1001", "a84b", T0, null),
            "{\"type\":\"call-state\",\"agentId\":\"1001\",\"callId\":\"a84b\",\"state\":\"ended\",\"at\":\"2026-03-01T08:00:00Z\","
                + "\"outcome\":null}"),
        Arguments.of(
            new AgentStateChanged(
                "1001", "break", "available", "lunch", Instant.parse("2026-03-01T12:00:00Z")),
            "{\"type\":\"agent-state\",\"agentId\":\"1001\",\"state\":\"break\",\"previous\":\"available\",\"reason\":\"lunch\","
                + "\"since\":\"2026-03-01T12:00:00Z\"}"),
        Arguments.of(
            new AgentStateChanged("1001", "available", null, null, T0),
            "{\"type\":\"agent-state\",\"agentId\":\"1001\",\"state\":\"available\",\"previous\":null,\"reason\":null,"
                + "\"since\":\"2026-03-01T08:00:00Z\"}"),
        Arguments.of(
            new QueueStatsChanged("sales", 3, 75, agents, 120, 100, 12, 1, 0, 2, 0.87, 20),
            "{\"type\":\"queue-stats\",\"queue\":\"sales\",\"waiting\":3,\"longestWaitSeconds\":75,"
                + "\"agents\":{\"logged_out\":0,\"available\":2,\"reserved\":0,\"on_call\":4,\"wrap_up\":0,\"break\":1},"
                + "\"offeredToday\":120,\"answeredToday\":100,\"abandonedToday\":12,\"givenBackToday\":1,"
                + "\"overflowedToday\":0,\"callbacksWaiting\":2,\"serviceLevelToday\":0.87,\"serviceLevelSeconds\":20}"),
        Arguments.of(
            Reply.stateSet("1001", "break", "lunch").to("7"),
            "{\"type\":\"reply\",\"id\":\"7\",\"ok\":true,\"agentId\":\"1001\",\"state\":\"break\",\"reason\":\"lunch\"}"),
        Arguments.of(
            Reply.stateSet("1001", "available", null).to(7),
            "{\"type\":\"reply\",\"id\":7,\"ok\":true,\"agentId\":\"1001\",\"state\":\"available\"}"),
        Arguments.of(
            Reply.wrappedUp("call-1", "sale").to("8"),
            "{\"type\":\"reply\",\"id\":\"8\",\"ok\":true,\"callId\":\"call-1\",\"disposition\":\"sale\"}"),
        Arguments.of(
            Reply.hungUp("call-7").to(null),
            "{\"type\":\"reply\",\"id\":null,\"ok\":true,\"callId\":\"call-7\"}"),
        Arguments.of(
            Reply.held("call-7", true).to("h"),
            "{\"type\":\"reply\",\"id\":\"h\",\"ok\":true,\"callId\":\"call-7\",\"held\":true}"),
        Arguments.of(
            Reply.held("call-7", false).to("u"),
            "{\"type\":\"reply\",\"id\":\"u\",\"ok\":true,\"callId\":\"call-7\",\"held\":false}"),
        Arguments.of(
            Reply.transferredToQueue("call-7", "billing").to("t"),
            "{\"type\":\"reply\",\"id\":\"t\",\"ok\":true,\"callId\":\"call-7\",\"queue\":\"billing\"}"),
        Arguments.of(
            Reply.transferredToAgent("call-7", "1002").to("t"),
            "{\"type\":\"reply\",\"id\":\"t\",\"ok\":true,\"callId\":\"call-7\",\"agent\":\"1002\"}"),
        Arguments.of(
            Reply.dialled("call-9", "+8613800138000").to("d"),
            "{\"type\":\"reply\",\"id\":\"d\",\"ok\":true,\"callId\":\"call-9\",\"number\":\"+8613800138000\"}"),
        Arguments.of(
            new ErrorReply("7", "bad-argument", "unknown break reason 'nap'; one of lunch"),
            "{\"type\":\"error\",\"id\":\"7\",\"code\":\"bad-argument\",\"message\":\"unknown break reason 'nap'; one of lunch\"}"),
        Arguments.of(
            new ErrorReply(null, "bad-json", "m"),
            "{\"type\":\"error\",\"id\":null,\"code\":\"bad-json\",\"message\":\"m\"}"));
  }

  @ParameterizedTest
  @MethodSource("messages")
  void message_isWrittenAsTheWireHadIt_andReadBackTheSame(CtiMessage message, String json) {
    assertEquals(json, new String(CtiCodec.write(message), StandardCharsets.UTF_8));
    assertEquals(message, CtiCodec.message(json));
  }

  @Test
  void messageTypes_areTheirWireNames_andTellWhomTheyConcern() {
    assertEquals("screen-pop", screenPop().type());
    assertEquals(java.util.Optional.of("1001"), screenPop().aboutAgent());
    assertEquals(
        "queue-stats", new QueueStatsChanged("q", 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, 1, 20).type());
    assertEquals(
        java.util.Optional.empty(),
        new QueueStatsChanged("q", 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, 1, 20).aboutAgent());
    assertEquals("reply", Reply.hungUp("c").type());
    assertEquals("error", new ErrorReply(null, "x", "y").type());
  }

  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of(
            new CtiCommand.SetState("break", "lunch"),
            "{\"type\":\"set-state\",\"state\":\"break\",\"reason\":\"lunch\"}"),
        Arguments.of(
            new CtiCommand.SetState("available", null),
            "{\"type\":\"set-state\",\"state\":\"available\"}"),
        Arguments.of(
            new CtiCommand.SetState("logout", null),
            "{\"type\":\"set-state\",\"state\":\"logout\"}"),
        Arguments.of(
            new CtiCommand.WrapUp("call-1", "sale", "two units"),
            "{\"type\":\"wrap-up\",\"callId\":\"call-1\",\"disposition\":\"sale\",\"notes\":\"two units\"}"),
        Arguments.of(
            new CtiCommand.WrapUp("call-1", "sale", null),
            "{\"type\":\"wrap-up\",\"callId\":\"call-1\",\"disposition\":\"sale\"}"),
        Arguments.of(new CtiCommand.Hangup(), "{\"type\":\"hangup\"}"),
        Arguments.of(new CtiCommand.Hold(), "{\"type\":\"hold\"}"),
        Arguments.of(new CtiCommand.Unhold(), "{\"type\":\"unhold\"}"),
        Arguments.of(
            new CtiCommand.Transfer("billing", null),
            "{\"type\":\"transfer\",\"queue\":\"billing\"}"),
        Arguments.of(
            new CtiCommand.Transfer(null, "1002"), "{\"type\":\"transfer\",\"agent\":\"1002\"}"),
        Arguments.of(
            new CtiCommand.Dial("+8613800138000"),
            "{\"type\":\"dial\",\"number\":\"+8613800138000\"}"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void command_isReadFromItsJson_andWrittenBackTheSame(CtiCommand command, String json) {
    assertEquals(command, CtiCodec.command(json));
    assertEquals(json, CtiCodec.write(command));
  }

  @Test
  void command_asTheDocsShowIt_withIdAndAgent_isReadWithoutThem() {
    String sent =
        "{\"type\": \"set-state\", \"id\": \"7\", \"state\": \"break\", \"reason\": \"lunch\", \"agentId\": \"1001\"}";

    assertEquals(new CtiCommand.SetState("break", "lunch"), CtiCodec.command(sent));
  }

  @Test
  void command_fieldsAreStripped_readyIsAvailable_andSpacingLeavesANumber() {
    assertEquals(
        new CtiCommand.SetState("available", null),
        CtiCodec.command("{\"type\":\"set-state\",\"state\":\" ready \",\"reason\":\"x\"}"));
    assertEquals(
        new CtiCommand.Dial("+8613800138000"),
        CtiCodec.command("{\"type\":\"dial\",\"number\":\"+86 138-0013 (8000)\"}"));
    assertEquals(
        new CtiCommand.Transfer("billing", null),
        CtiCodec.command("{\"type\":\"transfer\",\"queue\":\" billing \",\"agent\":\"  \"}"));
    assertEquals(
        new CtiCommand.Hangup(), CtiCodec.command("{\"type\":\"hangup\",\"callId\":\"whatever\"}"));
  }

  static Stream<Arguments> badCommands() {
    String longType = "x".repeat(50);
    return Stream.of(
        Arguments.of("{\"type\":\"nap\"}", "unknown-command", "unknown command 'nap'"),
        Arguments.of(
            "{\"type\":\"" + longType + "\"}",
            "unknown-command",
            "unknown command '" + "x".repeat(40) + "...'"),
        Arguments.of("{\"type\":\"Hangup\"}", "unknown-command", "unknown command 'Hangup'"),
        Arguments.of("{\"type\":\"set-state\"}", "bad-argument", "state is required"),
        Arguments.of(
            "{\"type\":\"set-state\",\"state\":\"  \"}", "bad-argument", "state is required"),
        Arguments.of(
            "{\"type\":\"set-state\",\"state\":7}", "bad-argument", "state must be a string"),
        Arguments.of(
            "{\"type\":\"set-state\",\"state\":true}", "bad-argument", "state must be a string"),
        Arguments.of(
            "{\"type\":\"set-state\",\"state\":[\"break\"]}",
            "bad-argument",
            "state must be a string"),
        Arguments.of(
            "{\"type\":\"set-state\",\"state\":{\"a\":1}}",
            "bad-argument",
            "state must be a string"),
        Arguments.of(
            "{\"type\":\"set-state\",\"state\":\"napping\"}",
            "bad-argument",
            "state is available, break or logout, got 'napping'"),
        Arguments.of(
            "{\"type\":\"set-state\",\"state\":\"break\"}", "bad-argument", "reason is required"),
        Arguments.of(
            "{\"type\":\"wrap-up\",\"disposition\":\"sale\"}",
            "bad-argument",
            "callId is required"),
        Arguments.of(
            "{\"type\":\"wrap-up\",\"callId\":\"c\"}", "bad-argument", "disposition is required"),
        Arguments.of(
            "{\"type\":\"wrap-up\",\"callId\":\"c\",\"disposition\":\"sale\",\"notes\":3}",
            "bad-argument",
            "notes must be a string"),
        Arguments.of(
            "{\"type\":\"wrap-up\",\"callId\":\"c\",\"disposition\":\"not a code\"}",
            "bad-argument",
            "disposition is a code of letters, digits, '-', '_' or '.', at most 32 long"),
        Arguments.of(
            "{\"type\":\"wrap-up\",\"callId\":\"c\",\"disposition\":\"sale\",\"notes\":\""
                + "n".repeat(2001)
                + "\"}",
            "bad-argument",
            "notes are longer than 2000 characters"),
        Arguments.of(
            "{\"type\":\"transfer\"}",
            "bad-argument",
            "transfer takes a queue or an agent, one of them"),
        Arguments.of(
            "{\"type\":\"transfer\",\"queue\":\"a\",\"agent\":\"b\"}",
            "bad-argument",
            "transfer takes a queue or an agent, one of them"),
        Arguments.of(
            "{\"type\":\"transfer\",\"queue\":5}", "bad-argument", "queue must be a string"),
        Arguments.of("{\"type\":\"dial\"}", "bad-argument", "number is required"),
        Arguments.of(
            "{\"type\":\"dial\",\"number\":13800138000}",
            "bad-argument",
            "number must be a string"),
        Arguments.of(
            "{\"type\":\"dial\",\"number\":\"call me\"}",
            "bad-argument",
            "number is digits, with + * # allowed, at most 32"));
  }

  @ParameterizedTest
  @MethodSource("badCommands")
  void badCommand_isRefusedWithTheProtocolsCodeAndMessage(
      String json, String code, String message) {
    CtiCommandException e = assertThrows(CtiCommandException.class, () -> CtiCodec.command(json));

    assertEquals(code, e.code());
    assertEquals(message, e.getMessage());
  }
}
