package org.hotline.admin.cti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Map;
import org.hotline.admin.http.Json;
import org.hotline.core.user.Role;
import org.hotline.cti.bridge.CtiUsers.User;
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
    JsonNode reply = run(agent, "{\"type\": \"echo\", \"id\": \"c1\", \"state\": \"ready\"}");

    assertEquals("reply", reply.get("type").asText());
    assertEquals("c1", reply.get("id").asText());
    assertEquals("1001", reply.get("agentId").asText());
    assertEquals(new FakeCti.Call("1001", "echo", Map.of("state", "ready")), bridge.calls.get(0));
    assertEquals(1.0, meters.get("hotline.cti.commands").tag("result", "reply").counter().count());
  }

  @Test
  void agentCommand_namingThemselves_isAllowed() throws Exception {
    assertEquals("reply", run(agent, "{\"type\": \"echo\", \"id\": 7, \"agentId\": \"1001\"}").get("type").asText());
  }

  @Test
  void agentCommand_namingAnotherAgent_isForbidden_andNotRun() throws Exception {
    JsonNode error = run(agent, "{\"type\": \"echo\", \"id\": \"c2\", \"agentId\": \"1002\"}");

    assertError(error, "c2", "forbidden");
    assertTrue(bridge.calls.isEmpty());
  }

  @Test
  void supervisorCommand_isForbidden_andNotRun() throws Exception {
    Session supervisor = new Session("s", new User("lin", Role.SUPERVISOR), LATER);

    assertError(run(supervisor, "{\"type\": \"echo\", \"id\": \"c9\", \"agentId\": \"1002\"}"), "c9", "forbidden");
    assertTrue(bridge.calls.isEmpty());
  }

  @Test
  void integrationCommand_actsOnTheAgentItNames() throws Exception {
    run(integration, "{\"type\": \"echo\", \"id\": \"c3\", \"agentId\": \"1002\"}");

    assertEquals(new FakeCti.Call("1002", "echo", Map.of()), bridge.calls.get(0));
  }

  @Test
  void integrationCommand_withoutAnAgent_isABadArgument() throws Exception {
    assertError(run(integration, "{\"type\": \"echo\", \"id\": \"c4\"}"), "c4", "bad-argument");
  }

  @Test
  void commandWithoutAType_isABadArgument() throws Exception {
    assertError(run(agent, "{\"id\": \"c5\"}"), "c5", "bad-argument");
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
    JsonNode error = run(agent, "{\"type\": \"not-on-a-call\", \"id\": \"c6\"}");

    assertError(error, "c6", "not-on-a-call");
    assertEquals("agent 1001 is not on a call", error.get("message").asText());
    assertEquals(1.0, meters.get("hotline.cti.commands").tag("result", "error").counter().count());
  }

  @Test
  void bridgeFailure_isAnInternalError_thatShowsNothingOfIt() throws Exception {
    JsonNode error = run(agent, "{\"type\": \"crash\", \"id\": \"c7\"}");

    assertError(error, "c7", "internal");
    assertEquals("internal error", error.get("message").asText());
  }

  JsonNode run(Session session, String text) throws Exception {
    return Json.MAPPER.readTree(runner.run(session, text).get());
  }

  static void assertError(JsonNode error, String id, String code) {
    assertEquals("error", error.get("type").asText());
    assertEquals(id, error.get("id").isNull() ? null : error.get("id").asText());
    assertEquals(code, error.get("code").asText());
  }
}
