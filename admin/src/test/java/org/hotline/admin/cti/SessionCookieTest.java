package org.hotline.admin.cti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SessionCookieTest {
  /**
   * The cookie's name=value and its attributes, attribute names in lower case (RFC 6265 matches
   * them so).
   */
  static Set<String> parts(String setCookie) {
    return Arrays.stream(setCookie.split(";"))
        .map(String::strip)
        .map(p -> p.startsWith(SessionCookie.NAME + "=") ? p : p.toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }

  @Test
  void set_givesTheToken_HttpOnly_SameSiteStrict_onTheWholeSite_SecureWhenAsked() {
    assertEquals(
        Set.of("hotline_session=abc-DEF_1", "httponly", "samesite=strict", "path=/"),
        parts(SessionCookie.set("abc-DEF_1")));
    assertEquals(
        Set.of("hotline_session=abc", "httponly", "samesite=strict", "path=/", "secure"),
        parts(SessionCookie.set("abc", true)));
  }

  @Test
  void clear_emptiesTheCookie_atOnce_withTheSameAttributes() {
    Set<String> cleared = parts(SessionCookie.clear(true));

    assertTrue(
        cleared.containsAll(
            Set.of(
                "hotline_session=",
                "httponly",
                "samesite=strict",
                "path=/",
                "max-age=0",
                "secure")),
        cleared.toString());
    assertTrue(
        cleared.stream()
            .allMatch(
                p ->
                    p.startsWith("hotline_session=")
                        || p.startsWith("expires=")
                        || Set.of("httponly", "samesite=strict", "path=/", "max-age=0", "secure")
                            .contains(p)),
        cleared.toString());
  }

  @Test
  void token_isReadFromTheCookieHeader_amongOthers_andAnEmptyOneIsNone() {
    HttpHeaders headers =
        new DefaultHttpHeaders().add("Cookie", "lang=zh; hotline_session=t0k3n; theme=dark");
    HttpHeaders empty = new DefaultHttpHeaders().add("Cookie", "hotline_session=");
    HttpHeaders malformed = new DefaultHttpHeaders().add("Cookie", "hotline_session=\"a b\"");

    assertEquals("t0k3n", SessionCookie.token(headers));
    assertNull(SessionCookie.token(empty));
    assertNull(SessionCookie.token(malformed));
    assertNull(SessionCookie.token(new DefaultHttpHeaders()));
  }
}
