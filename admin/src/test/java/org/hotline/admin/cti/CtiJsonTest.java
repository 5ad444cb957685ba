package org.hotline.admin.cti;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.hotline.cti.protocol.CallState;
import org.hotline.cti.protocol.Reply;
import org.junit.jupiter.api.Test;

class CtiJsonTest {
  @Test
  void event_isTheTypeThenItsFields_withTheAgent() {
    String json =
        text(
            CtiJson.event(
                CallState.connected("1001", "c-1", Instant.parse("2026-03-01T08:00:06Z"))));

    assertEquals(
        "{\"type\":\"call-state\",\"agentId\":\"1001\",\"callId\":\"c-1\",\"state\":\"connected\",\"at\":\"2026-03-01T08:00:06Z\"}",
        json);
  }

  @Test
  void event_aboutNoAgent_hasNoAgentId() {
    String json = text(CtiJson.event(FakeCti.queueStats("sales", 2)));

    assertEquals(
        "{\"type\":\"queue-stats\",\"queue\":\"sales\",\"waiting\":2,\"longestWaitSeconds\":0,\"agents\":{},\"offeredToday\":0,"
            + "\"answeredToday\":0,\"abandonedToday\":0,\"givenBackToday\":0,\"overflowedToday\":0,\"callbacksWaiting\":0,"
            + "\"serviceLevelToday\":1.0,\"serviceLevelSeconds\":20}",
        json);
  }

  @Test
  void replyAndError_carryTheCommandsId() {
    assertEquals(
        "{\"type\":\"reply\",\"id\":\"c1\",\"ok\":true,\"agentId\":\"1001\",\"state\":\"available\"}",
        text(CtiJson.reply("c1", Reply.stateSet("1001", "available", null))));
    assertEquals(
        "{\"type\":\"reply\",\"id\":7,\"ok\":true,\"callId\":\"call-7\"}",
        text(CtiJson.reply(7, Reply.hungUp("call-7"))));
    assertEquals(
        "{\"type\":\"error\",\"id\":null,\"code\":\"bad-json\",\"message\":\"m\"}",
        text(CtiJson.error(null, "bad-json", "m")));
  }

  static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }
}
