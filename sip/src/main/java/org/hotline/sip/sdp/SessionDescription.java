package org.hotline.sip.sdp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** A parsed SDP body: the session-level defaults and its media sections, in order. */
final class SessionDescription {

  InetAddress connection;
  String direction;
  final List<MediaDescription> media = new ArrayList<>();

  /** The media section's connection address, else the session's (RFC 8866 section 5.7). */
  InetAddress connectionOf(MediaDescription m) {
    return m.connection != null ? m.connection : connection;
  }

  /** The media section's direction, else the session's, else sendrecv (RFC 3264 section 5.1). */
  String directionOf(MediaDescription m) {
    if (m.direction != null) {
      return m.direction;
    }
    return direction != null ? direction : "sendrecv";
  }
}
