package org.hotline.sip.stack;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the stack layer reports the bad input it handled: one INFO line per malformed message
 * (source and reason, never a stack trace), then the {@link MalformedListener}.
 */
final class BadInput {
  private static final Logger log = LoggerFactory.getLogger(BadInput.class);

  private final MalformedListener listener;

  BadInput(MalformedListener listener) {
    this.listener = listener;
  }

  void malformed(String transport, String source, String reason, String outcome) {
    MalformedMessage m = new MalformedMessage(transport.toLowerCase(Locale.ROOT), source, reason);
    log.info(
        "malformed SIP message from {} over {}: {}; {}",
        m.source(),
        m.transport(),
        m.reason(),
        outcome);
    try {
      listener.malformed(m);
    } catch (RuntimeException e) {
      log.warn("malformed-message listener failed: {}", e.toString());
    }
  }

  void rejected(String method, String source, int status, String reason) {
    log.debug("{} from {} answered {}: {}", method, source, status, reason);
    try {
      listener.rejected(status);
    } catch (RuntimeException e) {
      log.warn("malformed-message listener failed: {}", e.toString());
    }
  }
}
