package org.hotline.admin.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one check every request to a route passes, whatever its kind: a request answered whole, the
 * head of an upload, the start of a stream and each of its re-checks ({@link Admission}), a
 * WebSocket upgrade. The {@link Gate} tells who sends the request, the route's {@link Access}
 * whether they may. Runs on a worker, never on an event loop: the gate may hash a password.
 */
final class AccessCheck {
  private static final Logger log = LoggerFactory.getLogger(AccessCheck.class);

  private final Gate gate;

  AccessCheck(Gate gate) {
    this.gate = Objects.requireNonNull(gate, "gate");
  }

  /**
   * Who sends {@code request}, when {@code access} admits them.
   *
   * @return the sender; null when {@code access} is open (nobody is asked who they are)
   * @throws UnauthenticatedException 401 without valid credentials (an expired session says so),
   *     403 for credentials that may not be used so or a role {@code access} does not admit, 429
   *     while logins are slowed down
   * @throws RuntimeException when the gate fails
   */
  Principal admit(Access access, Request request) {
    if (access.isOpen()) {
      return null;
    }
    Principal principal = gate.authenticate(request);
    if (!access.permits(principal, request.as(principal))) {
      log.info(
          "{} {} refused to {} ({})",
          request.method(),
          request.path(),
          principal.name(),
          principal.role().id());
      throw new UnauthenticatedException(
          HttpResponseStatus.FORBIDDEN,
          "a " + principal.role().id() + " may not " + request.method() + " " + request.path());
    }
    return principal;
  }

  /**
   * How a stream of {@code request}, admitted by {@code access}, asks later whether its sender may
   * still have it: {@link #admit} again, on {@code workers}. A session ended or expired, a password
   * no longer right, a role the route does not admit, or a failure of the check, is a no; workers
   * too busy to check say yes until the next time.
   */
  Admission admission(Access access, Request request, Executor workers) {
    if (access.isOpen()) {
      return Admission.OPEN;
    }
    return () -> {
      CompletableFuture<Boolean> answer = new CompletableFuture<>();
      try {
        workers.execute(() -> answer.complete(stillAdmitted(access, request)));
      } catch (RejectedExecutionException e) {
        answer.complete(true);
      }
      return answer;
    };
  }

  private boolean stillAdmitted(Access access, Request request) {
    try {
      admit(access, request);
      return true;
    } catch (UnauthenticatedException e) {
      return false;
    } catch (RuntimeException e) {
      log.error("checking the stream {} again failed", request.path(), e);
      return false;
    }
  }
}
