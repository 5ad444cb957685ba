package org.hotline.admin.security;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;

/**
 * Whether a browser request comes from a page of this server, or from no page at all: browsers send
 * {@code Origin} with every POST, PUT, DELETE and WebSocket handshake, and {@code Sec-Fetch-Site}
 * with every request.
 */
final class SameOrigin {
  private SameOrigin() {}

  /**
   * Whether {@code headers} show no other site's page: no {@code Origin} or the {@code Host}'s, no
   * cross-site fetch.
   */
  static boolean test(HttpHeaders headers) {
    String site = headers.get("Sec-Fetch-Site");
    if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
      return false;
    }
    String origin = headers.get(HttpHeaderNames.ORIGIN);
    if (origin == null) {
      return true;
    }
    String host = headers.get(HttpHeaderNames.HOST);
    try {
      return host != null && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
