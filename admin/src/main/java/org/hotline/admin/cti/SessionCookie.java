package org.hotline.admin.cti;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.CookieHeaderNames.SameSite;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;

/**
 * The {@code hotline_session} cookie that carries a session token for browsers: {@code HttpOnly}
 * (no script reads it) and {@code SameSite=Strict} (no other site's page sends it, which guards the
 * WebSocket and the API against cross-site requests), on {@code Path=/}, {@code Secure} when the
 * server is configured so. Written and read by Netty's RFC 6265 codecs ({@link
 * ServerCookieEncoder#STRICT}, {@link ServerCookieDecoder#STRICT}).
 */
public final class SessionCookie {
  /** The cookie's name. */
  public static final String NAME = "hotline_session";

  private SessionCookie() {}

  /** The {@code Set-Cookie} value that gives the browser {@code token}. */
  public static String set(String token) {
    return set(token, false);
  }

  /**
   * The {@code Set-Cookie} value that gives the browser {@code token}, marked {@code Secure} (HTTPS
   * only) when {@code secure}.
   */
  public static String set(String token, boolean secure) {
    return ServerCookieEncoder.STRICT.encode(cookie(token, secure));
  }

  /** The {@code Set-Cookie} value that makes the browser forget the cookie. */
  public static String clear() {
    return clear(false);
  }

  /**
   * The {@code Set-Cookie} value that makes the browser forget the cookie, {@code Secure} when
   * {@code secure}.
   */
  public static String clear(boolean secure) {
    Cookie cleared = cookie("", secure);
    cleared.setMaxAge(0);
    return ServerCookieEncoder.STRICT.encode(cleared);
  }

  private static Cookie cookie(String value, boolean secure) {
    DefaultCookie cookie = new DefaultCookie(NAME, value);
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.Strict);
    cookie.setPath("/");
    cookie.setSecure(secure);
    return cookie;
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
