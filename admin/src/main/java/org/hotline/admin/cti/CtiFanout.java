package org.hotline.admin.cti;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.cti.protocol.CtiEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each CTI message to the open connections whose session {@link Session#sees sees} it. A
 * message is written as JSON once, however many connections get it, and handing it over never waits
 * for a connection: each has its own bounded backlog.
 *
 * <p>Meter {@code hotline.cti.connections}: the connections open now.
 */
final class CtiFanout {
  private static final Logger log = LoggerFactory.getLogger(CtiFanout.class);

  private final Set<CtiConnection> connections = ConcurrentHashMap.newKeySet();

  CtiFanout(MeterRegistry meters) {
    Gauge.builder("hotline.cti.connections", connections, Set::size)
        .description("CTI connections open")
        .strongReference(true)
        .register(meters);
  }

  void add(CtiConnection connection) {
    connections.add(connection);
  }

  void remove(CtiConnection connection) {
    connections.remove(connection);
  }

  /**
   * Closes the connections of {@code session}, which has ended (4401): from any thread, at once.
   */
  void ended(Session session) {
    for (CtiConnection connection : connections) {
      if (connection.session().token().equals(session.token())) {
        connection.close(CtiClose.LOGGED_OUT);
      }
    }
  }

  /** Sends event {@code message} to whoever sees it; returns at once, on the caller's thread. */
  void publish(CtiEvent message) {
    byte[] frame = null;
    for (CtiConnection connection : connections) {
      if (!connection.session().sees(message)) {
        continue;
      }
      if (frame == null) {
        try {
          frame = CtiJson.event(message);
        } catch (RuntimeException e) {
          log.error("CTI message {} cannot be written as JSON; dropped", message.type(), e);
          return;
        }
      }
      connection.send(frame);
    }
  }
}
