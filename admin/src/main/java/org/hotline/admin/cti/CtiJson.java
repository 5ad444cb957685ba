package org.hotline.admin.cti;

import org.hotline.cti.protocol.CtiCodec;
import org.hotline.cti.protocol.CtiMessage;
import org.hotline.cti.protocol.ErrorReply;
import org.hotline.cti.protocol.Reply;

/**
 * The JSON text of CTI frames, as {@link CtiCodec} writes the protocol's messages: events as {@code
 * {"type", ...fields}}, replies as {@code {"type": "reply", "id", "ok": true, ...result}}, errors
 * as {@code {"type": "error", "id", "code", "message"}}.
 */
final class CtiJson {
  private CtiJson() {}

  /** {@code message} as a frame's UTF-8 text. */
  static byte[] event(CtiMessage message) {
    return CtiCodec.write(message);
  }

  /** The reply to command {@code id} (a string, a number or null, as sent). */
  static byte[] reply(Object id, Reply result) {
    return CtiCodec.write(result.to(id));
  }

  /** The error answering command {@code id} (null when it is not known). */
  static byte[] error(Object id, String code, String message) {
    return CtiCodec.write(new ErrorReply(id, code, message));
  }
}
