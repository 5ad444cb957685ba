package org.hotline.admin.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Objects;

/**
 * A request that must come from a logged-in user does not prove one: answered with {@link
 * #status()} (401, or 403 for credentials that may not be used from where the request came) and
 * a one-line JSON error.
 */
public final class UnauthenticatedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient HttpResponseStatus status;

  /**
   * @param status the answer's status
   * @param message what is wrong and what to do, without saying more than that
   */
  public UnauthenticatedException(HttpResponseStatus status, String message) {
    super(message, null, false, false);
    this.status = Objects.requireNonNull(status, "status");
  }

  /** The answer's status. */
  public HttpResponseStatus status() {
    return status;
  }

  /** The answer: {@link #status()} and {@code {"error": message}}. */
  public Response response() {
    return Response.error(status, getMessage());
  }
}
