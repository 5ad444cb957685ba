package org.hotline.admin.cti;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.admin.http.Json;
import org.hotline.cti.bridge.CtiMessage;

/**
 * The JSON text of CTI frames: events as {@code {"type", ...body, "agentId"?}}, replies as {@code
 * {"type": "reply", "id", ...result}}, errors as {@code {"type": "error", "id", "code",
 * "message"}}. {@code type}, {@code id} and {@code agentId} win over body fields of the same name.
 */
final class CtiJson {
  private CtiJson() {}

  /** {@code message} as a frame's UTF-8 text. */
  static byte[] event(CtiMessage message) {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", message.type());
    message.body().forEach(frame::putIfAbsent);
    message.agentId().ifPresent(agentId -> frame.put("agentId", agentId));
    return Json.bytes(frame);
  }

  /** The reply to command {@code id} with {@code result}'s fields. */
  static byte[] reply(Object id, Map<String, Object> result) {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", "reply");
    frame.put("id", id);
    if (result != null) {
      result.forEach(frame::putIfAbsent);
    }
    return Json.bytes(frame);
  }

  /** The error answering command {@code id} (null when it is not known). */
  static byte[] error(Object id, String code, String message) {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", "error");
    frame.put("id", id);
    frame.put("code", code);
    frame.put("message", message);
    return Json.bytes(frame);
  }
}
