package org.hotline.admin.cti;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.hotline.admin.http.Authenticator;
import org.hotline.admin.http.Request;
import org.hotline.admin.http.UnauthenticatedException;

/**
 * The user of an HTTP API request is the user of the session it carries, from a login: {@code
 * Authorization: Bearer <token>}, else the {@link SessionCookie}.
 *
 * <p>The cookie is taken only from a page of this server, as on the {@code /cti} WebSocket: a
 * browser sends it with whatever request another site's page makes (cross-site request
 * forgery), so a request carrying it with an {@code Origin} other than its {@code Host}, or with
 * {@code Sec-Fetch-Site} {@code cross-site} or {@code same-site}, is refused with 403. A bearer
 * token is a secret the page had to know, so it needs no such check.
 *
 * <p>No session, or one not known: 401 "log in first"; an expired one: 401 "session expired".
 */
public final class SessionAuthenticator implements Authenticator {
  static final String LOG_IN = "log in first: POST /api/login, then send the session cookie or Authorization: Bearer <token>";
  static final String EXPIRED = "session expired: log in again";
  static final String CROSS_SITE = "cross-site request refused: the session cookie is accepted from this server's pages only";

  private static final String BEARER = "Bearer ";

  private final TokenService tokens;

  public SessionAuthenticator(TokenService tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  @Override
  public String user(Request request) {
    HttpHeaders headers = request.headers();
    String token = bearer(headers);
    if (token == null) {
      token = SessionCookie.token(headers);
      if (token != null && !sameOrigin(headers)) {
        throw new UnauthenticatedException(HttpResponseStatus.FORBIDDEN, CROSS_SITE);
      }
    }
    Optional<Session> session = tokens.find(token);
    if (session.isEmpty()) {
      throw new UnauthenticatedException(HttpResponseStatus.UNAUTHORIZED, LOG_IN);
    }
    if (tokens.isExpired(session.get())) {
      throw new UnauthenticatedException(HttpResponseStatus.UNAUTHORIZED, EXPIRED);
    }
    return session.get().user().name();
  }

  /** The token of {@code Authorization: Bearer}, or null. */
  private static String bearer(HttpHeaders headers) {
    String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    String token = authorization.substring(BEARER.length()).strip();
    return token.isEmpty() ? null : token;
  }

  /**
   * Whether the request comes from a page of this server, or from no page at all: browsers send
   * {@code Origin} with every POST and PUT, and {@code Sec-Fetch-Site} with every request.
   */
  private static boolean sameOrigin(HttpHeaders headers) {
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
