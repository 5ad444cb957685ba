package org.hotline.cti.bridge;

import java.util.function.Consumer;

/** Where the CTI bridge's events come from: the server's events turned into CTI messages. */
public interface CtiFeed {
  /**
   * Calls {@code sink} with every message from now on, on the thread that produced it; the sink
   * must return at once (hand the message to the connection's event loop).
   */
  void subscribe(Consumer<CtiMessage> sink);
}
