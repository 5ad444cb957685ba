package org.hotline.admin.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Objects;

/**
 * A request that must come from a logged-in user does not prove one: answered with {@link
 * #status()} (401; 403 for credentials that may not be used from where the request came or without
 * their CSRF token; 429 with {@code Retry-After} while logins are slowed down) and a one-line JSON
 * error.
 */
public final class UnauthenticatedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient HttpResponseStatus status;
  private final long retryAfterSeconds;
  private final boolean expired;

  /**
   * @param status the answer's status
   * @param message what is wrong and what to do, without saying more than that
   */
  public UnauthenticatedException(HttpResponseStatus status, String message) {
    this(status, message, 0);
  }

  /**
   * @param status the answer's status
   * @param message what is wrong and what to do, without saying more than that
   * @param retryAfterSeconds when positive, the answer's {@code Retry-After} (a 429's)
   */
  public UnauthenticatedException(
      HttpResponseStatus status, String message, long retryAfterSeconds) {
    this(status, message, retryAfterSeconds, false);
  }

  private UnauthenticatedException(
      HttpResponseStatus status, String message, long retryAfterSeconds, boolean expired) {
    super(message, null, false, false);
    this.status = Objects.requireNonNull(status, "status");
    this.retryAfterSeconds = retryAfterSeconds;
    this.expired = expired;
  }

  /**
   * A 401 for credentials that were good and have run out (an expired session), which a client may
   * tell from "log in first" ({@link #expired()}).
   */
  public static UnauthenticatedException expired(String message) {
    return new UnauthenticatedException(HttpResponseStatus.UNAUTHORIZED, message, 0, true);
  }

  /** Whether the credentials were good and have run out: an expired session. */
  public boolean expired() {
    return expired;
  }

  /** The answer's status. */
  public HttpResponseStatus status() {
    return status;
  }

  /** The answer: {@link #status()}, {@code {"error": message}} and any {@code Retry-After}. */
  public Response response() {
    Response answer = Response.error(status, getMessage());
    return retryAfterSeconds > 0
        ? answer.withHeader("Retry-After", Long.toString(retryAfterSeconds))
        : answer;
  }
}
