package org.hotline.admin.security;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.hotline.admin.cti.Session;
import org.hotline.admin.cti.SessionCookie;
import org.hotline.admin.cti.TokenService;
import org.hotline.admin.http.Gate;
import org.hotline.admin.http.Principal;
import org.hotline.admin.http.Request;
import org.hotline.admin.http.UnauthenticatedException;

/**
 * Tells who sends an API request, from the first of:
 *
 * <ol>
 *   <li>{@code Authorization: Bearer <token>}: a session from {@code POST /api/login} (API clients)
 *   <li>{@code Authorization: Basic}: a name and password checked like a login, slowed down and
 *       locked out alike (scripts, Prometheus)
 *   <li>for a WebSocket upgrade only ({@link Request#isWebSocketUpgrade()}), {@code ?token=}: a
 *       session, for clients that cannot set headers on a handshake (browsers)
 *   <li>the {@link SessionCookie}: a session, for the server's own pages. A write (POST, PUT,
 *       DELETE, PATCH) with it must carry {@code X-CSRF-Token} equal to the session's CSRF token
 *       and come from no other site ({@code Origin}, {@code Sec-Fetch-Site}); 403 otherwise. A
 *       browser adds the cookie to any site's request, never the header, which only a page that
 *       read the login's answer knows. On a WebSocket upgrade, which carries no header of the
 *       page's, the cookie counts only from no other site ({@link SameOrigin}), and is not there
 *       otherwise: another site's page may not connect as the user (cross-site WebSocket
 *       hijacking).
 * </ol>
 *
 * <p>No credentials, or a token not known: 401 "log in first"; an expired one: 401 "session
 * expired" ({@link UnauthenticatedException#expired()}); a wrong password: 401; too many: 429 with
 * {@code Retry-After}. A session's principal carries its token ({@link Principal#session()}).
 */
public final class RequestGate implements Gate {
  /** The header a cookie-authenticated write carries its CSRF token in. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  static final String LOG_IN =
      "log in first: POST /api/login, then send the session cookie or Authorization: Bearer <token>";
  static final String EXPIRED = "session expired: log in again";
  static final String WRONG = "wrong user or password";
  static final String TOO_MANY = "too many failed logins: try again later";
  static final String CROSS_SITE =
      "cross-site request refused: the session cookie is accepted from this server's pages only";
  static final String NO_CSRF =
      "missing or wrong X-CSRF-Token: send the csrfToken of the login with every write";

  private static final String BEARER = "Bearer ";
  private static final String BASIC = "Basic ";

  private final TokenService tokens;
  private final Logins logins;

  public RequestGate(TokenService tokens, Logins logins) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.logins = Objects.requireNonNull(logins, "logins");
  }

  @Override
  public Principal authenticate(Request request) {
    HttpHeaders headers = request.headers();
    String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
    if (startsWith(authorization, BEARER)) {
      return principal(session(authorization.substring(BEARER.length()).strip()));
    }
    if (startsWith(authorization, BASIC)) {
      return basic(authorization.substring(BASIC.length()).strip(), request.remoteHost());
    }
    boolean upgrade = request.isWebSocketUpgrade();
    if (upgrade && request.param("token").isPresent()) {
      return principal(session(request.param("token").get()));
    }
    String cookie = upgrade && !SameOrigin.test(headers) ? null : SessionCookie.token(headers);
    if (cookie == null) {
      throw new UnauthenticatedException(HttpResponseStatus.UNAUTHORIZED, LOG_IN);
    }
    Session session = session(cookie);
    if (request.isWrite()) {
      if (!SameOrigin.test(headers)) {
        throw new UnauthenticatedException(HttpResponseStatus.FORBIDDEN, CROSS_SITE);
      }
      String csrf = headers.get(CSRF_HEADER);
      if (csrf == null || !MessageDigest.isEqual(utf8(csrf), utf8(session.csrfToken()))) {
        throw new UnauthenticatedException(HttpResponseStatus.FORBIDDEN, NO_CSRF);
      }
    }
    return principal(session);
  }

  private Session session(String token) {
    Optional<Session> session = tokens.find(token.isEmpty() ? null : token);
    if (session.isEmpty()) {
      throw new UnauthenticatedException(HttpResponseStatus.UNAUTHORIZED, LOG_IN);
    }
    if (tokens.isExpired(session.get())) {
      throw UnauthenticatedException.expired(EXPIRED);
    }
    return session.get();
  }

  private Principal basic(String encoded, String address) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new UnauthenticatedException(
          HttpResponseStatus.UNAUTHORIZED, "Authorization: Basic needs base64 of user:password");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new UnauthenticatedException(
          HttpResponseStatus.UNAUTHORIZED, "Authorization: Basic needs base64 of user:password");
    }
    Logins.Result result =
        logins.basic(decoded.substring(0, colon), decoded.substring(colon + 1), address);
    if (result.ok()) {
      return new Principal(result.user().name(), result.user().role());
    }
    if (result.retryAfter() != null) {
      throw new UnauthenticatedException(
          HttpResponseStatus.TOO_MANY_REQUESTS, TOO_MANY, result.retryAfterSeconds());
    }
    throw new UnauthenticatedException(HttpResponseStatus.UNAUTHORIZED, WRONG);
  }

  private static Principal principal(Session session) {
    return new Principal(session.user().name(), session.user().role(), session.token());
  }

  private static boolean startsWith(String value, String prefix) {
    return value != null && value.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
