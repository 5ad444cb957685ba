package org.hotline.admin.cti;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

/**
 * Why the server closes a CTI connection: the close frame's status code and reason (RFC 6455
 * section 7.4; codes 4000-4999 are the application's own) and the {@code reason} tag of meter
 * {@code hotline.cti.closes}.
 *
 * <p>4401 and 4408 borrow the meaning of HTTP 401 and 408 so a client can tell "log in" from "log
 * in again".
 */
enum CtiClose {
  /** No token, or one never issued: 4401 "log in first". */
  UNAUTHENTICATED(4401, "log in first", "unauthenticated"),
  /**
   * The session was ended: by a logout, or by an administrator disabling its user or giving it
   * another password or role: 4401 "logged out".
   */
  LOGGED_OUT(4401, "logged out", "logged-out"),
  /** A role that may not use CTI (an administrator): 4403 "not allowed". */
  FORBIDDEN(4403, "not allowed", "forbidden"),
  /** The token expired, before or while connected: 4408 "session expired". */
  EXPIRED(4408, "session expired", "expired"),
  /** Too many messages waiting for the client to read them: 1008 "too slow". */
  TOO_SLOW(WebSocketCloseStatus.POLICY_VIOLATION.code(), "too slow", "too-slow"),
  /** A message longer than the largest allowed, in fragments: 1009 "message too big". */
  TOO_BIG(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), "message too big", "too-big"),
  /** Nothing heard from the client (not even a pong) for too long: 1001 "idle". */
  IDLE(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code(), "idle", "idle");

  private final int code;
  private final String reason;
  private final String tag;

  CtiClose(int code, String reason, String tag) {
    this.code = code;
    this.reason = reason;
    this.tag = tag;
  }

  /** The close frame's status code. */
  int code() {
    return code;
  }

  /** The close frame's reason text. */
  String reason() {
    return reason;
  }

  /** Counts one close for this reason. */
  void count(MeterRegistry meters) {
    Counter.builder("hotline.cti.closes")
        .description("CTI connections closed by the server, by reason")
        .tag("reason", tag)
        .register(meters)
        .increment();
  }
}
