package org.hotline.admin.http;

/**
 * Tells who sends a request to a route that is not open, from the credentials it carries. Runs on
 * the router's worker, never on an event loop: it may check a password.
 */
@FunctionalInterface
public interface Gate {
  /** A gate that knows nobody: every route that is not open answers 401. */
  Gate NOBODY =
      request -> {
        throw new UnauthenticatedException(
            io.netty.handler.codec.http.HttpResponseStatus.UNAUTHORIZED, "log in first");
      };

  /**
   * The user {@code request} comes from.
   *
   * @throws UnauthenticatedException with the status to answer: 401 without valid credentials, 403
   *     for a session cookie sent without its CSRF token or from another site, 429 while logins of
   *     that name or address are slowed down
   */
  Principal authenticate(Request request);
}
