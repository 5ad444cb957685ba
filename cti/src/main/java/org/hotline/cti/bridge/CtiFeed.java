package org.hotline.cti.bridge;

import java.util.List;
import java.util.function.Consumer;
import org.hotline.cti.protocol.CtiEvent;

/** Where the CTI bridge's events come from: the server's events turned into CTI messages. */
public interface CtiFeed {
  /**
   * Calls {@code sink} with every event from now on, on the thread that produced it; the sink must
   * return at once (hand the event to the connection's event loop).
   */
  void subscribe(Consumer<CtiEvent> sink);

  /**
   * How things stand now, for a connection that opens: the latest {@code agent-state} of every
   * agent and {@code queue-stats} of every queue, as they were last sent.
   */
  default List<CtiEvent> current() {
    return List.of();
  }
}
