package org.hotline.admin.http;

/**
 * Where the router reports each change a logged-in user made: every state-changing request (POST,
 * PUT, DELETE, PATCH) to a route that is not open that was answered 2xx.
 */
@FunctionalInterface
public interface AuditTrail {
  /** Records nothing. */
  AuditTrail NONE = (request, route, response) -> {};

  /**
   * Records that {@code request} (its {@link Request#principal()} set) changed something through
   * {@code route} (the registered pattern, such as {@code /api/agents/*}) and was answered {@code
   * response}. Must not block: called on the route's worker after the answer is made.
   */
  void changed(Request request, String route, Response response);

  /**
   * {@link #changed}, for an upload whose body was read as it arrived ({@link UploadRoute}), so
   * {@code request} has none: {@code bodyBytes} says how much came.
   */
  default void uploaded(Request request, String route, Response response, long bodyBytes) {
    changed(request, route, response);
  }
}
