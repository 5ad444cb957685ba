package org.hotline.admin.cti;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hotline.cti.bridge.CtiMessage;
import org.junit.jupiter.api.Test;

class CtiJsonTest {
  @Test
  void event_isTheTypeThenTheBodyThenTheAgent() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("callId", "c-1");
    body.put("caller", "+8613800000000");

    String json = text(CtiJson.event(new CtiMessage("screen-pop", Optional.of("1001"), body)));

    assertEquals("{\"type\":\"screen-pop\",\"callId\":\"c-1\",\"caller\":\"+8613800000000\",\"agentId\":\"1001\"}", json);
  }

  @Test
  void event_aboutNoAgent_hasNoAgentId_andBodyFieldsCannotReplaceTheType() {
    String json = text(CtiJson.event(new CtiMessage("queue-stats", Optional.empty(), Map.of("type", "forged"))));

    assertEquals("{\"type\":\"queue-stats\"}", json);
  }

  @Test
  void replyAndError_carryTheCommandsId() {
    assertEquals("{\"type\":\"reply\",\"id\":\"c1\",\"state\":\"ready\"}", text(CtiJson.reply("c1", Map.of("state", "ready"))));
    assertEquals(
        "{\"type\":\"error\",\"id\":null,\"code\":\"bad-json\",\"message\":\"m\"}", text(CtiJson.error(null, "bad-json", "m")));
  }

  static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }
}
