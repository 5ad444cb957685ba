package org.hotline.admin.cti;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;

/**
 * The {@code hotline_session} cookie that carries a session token for browsers: {@code HttpOnly}
 * (no script reads it) and {@code SameSite=Strict} (no other site's page sends it, which guards
 * the WebSocket and the API against cross-site requests).
 */
public final class SessionCookie {
  /** The cookie's name. */
  public static final String NAME = "hotline_session";

  private SessionCookie() {}

  /** The {@code Set-Cookie} value that gives the browser {@code token}. */
  public static String set(String token) {
    return set(token, false);
  }

  /** The {@code Set-Cookie} value that gives the browser {@code token}, marked {@code Secure} (HTTPS only) when {@code secure}. */
  public static String set(String token, boolean secure) {
    return NAME + "=" + token + "; HttpOnly; SameSite=Strict; Path=/" + (secure ? "; Secure" : "");
  }

  /** The {@code Set-Cookie} value that makes the browser forget the cookie. */
  public static String clear() {
    return clear(false);
  }

  /** The {@code Set-Cookie} value that makes the browser forget the cookie, {@code Secure} when {@code secure}. */
  public static String clear(boolean secure) {
    return NAME + "=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0" + (secure ? "; Secure" : "");
  }

  /** The token in the request's {@code hotline_session} cookie, or null. */
  public static String token(HttpHeaders headers) {
    for (String header : headers.getAll(HttpHeaderNames.COOKIE)) {
      for (Cookie cookie : ServerCookieDecoder.STRICT.decodeAll(header)) {
        if (NAME.equals(cookie.name()) && !cookie.value().isEmpty()) {
          return cookie.value();
        }
      }
    }
    return null;
  }
}
