package org.hotline.admin.cti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.hotline.admin.http.Json;
import org.hotline.core.user.Role;
import org.hotline.cti.bridge.CtiUsers.User;
import org.hotline.cti.protocol.CtiCommand;
import org.junit.jupiter.api.Test;

class CommandRunnerTest {
  static final Instant LATER = Instant.parse("2026-03-01T20:00:00Z");
  final FakeCti bridge = new FakeCti();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final CommandRunner runner = new CommandRunner(bridge, meters);
  final Session agent = new Session("a", new User("1001", Role.AGENT), LATER);
  final Session integration = new Session("i", new User("crm", Role.INTEGRATION), LATER);

  @Test
  void agentCommand_actsOnTheAgent_andRepliesWithTheIdAndTheResult() throws Exception {
    JsonNode reply = run(agent, "{\"type\": \"set-state\", \"id\": \"c1\", \"state\": \"ready\"}");

    assertEquals("reply", reply.get("type").asText());
    assertEquals("c1", reply.get("id").asText());
    assertEquals("1001", reply.get("agentId").asText());
    assertEquals(
        new FakeCti.Call("1001", new CtiCommand.SetState("available", null)), bridge.calls.get(0));
    assertEquals(1.0, meters.get("hotline.cti.commands").tag("result", "reply").counter().count());
  }

  @Test
  void reply_isTheFrameTheDocsShow() throws Exception {
    String frame =
        text(
            agent,
            "{\"type\": \"set-state\", \"id\": \"7\", \"state\": \"break\", \"reason\": \"lunch\"}");

    assertEquals(
        "{\"type\":\"reply\",\"id\":\"7\",\"ok\":true,\"agentId\":\"1001\",\"state\":\"break\",\"reason\":\"lunch\"}",
        frame);
  }

  @Test
  void commandId_isRepeatedAsSent_aNumberAsANumber() throws Exception {
    assertEquals(
        "{\"type\":\"reply\",\"id\":7,\"ok\":true,\"agentId\":\"1001\",\"state\":\"logout\"}",
        text(agent, "{\"type\": \"set-state\", \"id\": 7, \"state\": \"logout\"}"));
    assertEquals(
        "{\"type\":\"reply\",\"id\":null,\"ok\":true,\"agentId\":\"1001\",\"state\":\"logout\"}",
        text(agent, "{\"type\": \"set-state\", \"id\": [7], \"state\": \"logout\"}"));
  }

  @Test
  void agentCommand_namingThemselves_isAllowed() throws Exception {
    assertEquals(
        "reply",
        run(
                agent,
                "{\"type\": \"set-state\", \"id\": 7, \"agentId\": \"1001\", \"state\": \"logout\"}")
            .get("type")
            .asText());
  }

  @Test
  void agentCommand_namingAnotherAgent_isForbidden_andNotRun() throws Exception {
    JsonNode error =
        run(
            agent,
            "{\"type\": \"set-state\", \"id\": \"c2\", \"agentId\": \"1002\", \"state\": \"logout\"}");

    assertError(error, "c2", "forbidden");
    assertTrue(bridge.calls.isEmpty());
  }

  @Test
  void supervisorCommand_isForbidden_andNotRun_evenAnUnknownOne() throws Exception {
    Session supervisor = new Session("s", new User("lin", Role.SUPERVISOR), LATER);

    assertError(
        run(supervisor, "{\"type\": \"hangup\", \"id\": \"c9\", \"agentId\": \"1002\"}"),
        "c9",
        "forbidden");
    assertError(run(supervisor, "{\"type\": \"park\", \"id\": \"c9\"}"), "c9", "forbidden");
    assertTrue(bridge.calls.isEmpty());
  }

  @Test
  void integrationCommand_actsOnTheAgentItNames() throws Exception {
    run(
        integration,
        "{\"type\": \"dial\", \"id\": \"c3\", \"agentId\": \"1002\", \"number\": \"138 0013 8000\"}");

    assertEquals(new FakeCti.Call("1002", new CtiCommand.Dial("13800138000")), bridge.calls.get(0));
  }

  @Test
  void integrationCommand_withoutAnAgent_isABadArgument_beforeTheCommandIsRead() throws Exception {
    assertError(run(integration, "{\"type\": \"hangup\", \"id\": \"c4\"}"), "c4", "bad-argument");
    assertError(
        run(integration, "{\"type\": \"park\", \"id\": \"c4\", \"agentId\": 1002}"),
        "c4",
        "bad-argument");
  }

  @Test
  void commandWithoutAType_isABadArgument() throws Exception {
    assertError(run(agent, "{\"id\": \"c5\"}"), "c5", "bad-argument");
    assertError(run(agent, "{\"id\": \"c5\", \"type\": 3}"), "c5", "bad-argument");
    assertError(run(agent, "{\"id\": \"c5\", \"type\": \" \"}"), "c5", "bad-argument");
  }

  @Test
  void unknownCommand_isAnsweredUnknownCommand_andNotRun() throws Exception {
    JsonNode error = run(agent, "{\"type\": \"park\", \"id\": \"c10\"}");

    assertError(error, "c10", "unknown-command");
    assertEquals("unknown command 'park'", error.get("message").asText());
    assertTrue(bridge.calls.isEmpty());
    assertEquals(1.0, meters.get("hotline.cti.commands").tag("result", "error").counter().count());
  }

  @Test
  void commandWithAMalformedField_isABadArgument_andNotRun() throws Exception {
    JsonNode error = run(agent, "{\"type\": \"set-state\", \"id\": \"c11\", \"state\": 7}");
    JsonNode missing =
        run(agent, "{\"type\": \"wrap-up\", \"id\": \"c12\", \"disposition\": \"sale\"}");

    assertError(error, "c11", "bad-argument");
    assertEquals("state must be a string", error.get("message").asText());
    assertError(missing, "c12", "bad-argument");
    assertEquals("callId is required", missing.get("message").asText());
    assertTrue(bridge.calls.isEmpty());
  }

  @Test
  void frameThatIsNotAJsonObject_isBadJson_withoutAnId() throws Exception {
    for (String text : new String[] {"{not json", "[1, 2]", "null", "\"set-state\""}) {
      JsonNode error = run(agent, text);

      assertError(error, null, "bad-json");
    }
  }

  @Test
  void bridgeRefusal_isAnErrorWithTheBridgesCodeAndMessage() throws Exception {
    JsonNode error = run(agent, "{\"type\": \"hangup\", \"id\": \"c6\"}");

    assertError(error, "c6", "not-on-a-call");
    assertEquals("agent 1001 is not on a call", error.get("message").asText());
    assertEquals(1.0, meters.get("hotline.cti.commands").tag("result", "error").counter().count());
  }

  @Test
  void bridgeFailure_isAnInternalError_thatShowsNothingOfIt() throws Exception {
    JsonNode error = run(agent, "{\"type\": \"hold\", \"id\": \"c7\"}");

    assertError(error, "c7", "internal");
    assertEquals("internal error", error.get("message").asText());
  }

  JsonNode run(Session session, String text) throws Exception {
    return Json.MAPPER.readTree(runner.run(session, text).get());
  }

  String text(Session session, String text) throws Exception {
    return new String(runner.run(session, text).get(), StandardCharsets.UTF_8);
  }

  static void assertError(JsonNode error, String id, String code) {
    assertEquals("error", error.get("type").asText());
    assertEquals(id, error.get("id").isNull() ? null : error.get("id").asText());
    assertEquals(code, error.get("code").asText());
  }
}
