package org.hotline.admin.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.hotline.admin.http.RouteTable.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs what answers a route on the worker executor, never on an event loop: the access check when
 * the request's head had none, then the handler, with its exceptions turned into answers (400 for
 * {@link BadRequestException}, 500 for any other) and each change a user makes (a 2xx answer to
 * POST, PUT, DELETE or PATCH on a route that needs a login) reported to the {@link AuditTrail}.
 */
final class RouteRunner {
  private static final Logger log = LoggerFactory.getLogger(RouteRunner.class);

  /** The answer when the workers take no more. */
  static final Response BUSY =
      Response.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "server busy, try again");

  /** The answer when something failed that the client cannot mend. */
  static final Response FAILED =
      Response.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error");

  private final Executor workers;
  private final AccessCheck access;
  private final RouterMetrics metrics;
  private final AuditTrail audit;

  RouteRunner(Executor workers, AccessCheck access, RouterMetrics metrics, AuditTrail audit) {
    this.workers = Objects.requireNonNull(workers, "workers");
    this.access = Objects.requireNonNull(access, "access");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  /**
   * Answers {@code request} to {@code route} (matched as {@code pattern}) with {@code handler}, on
   * a worker, for {@code known} (who sent it, when its head told; else the access check runs now).
   * {@code body} is an upload's body as it arrives, null when whole. Always completes normally.
   */
  CompletableFuture<Response> run(
      Route route,
      String pattern,
      RouteHandler handler,
      Request request,
      Principal known,
      InputStream body) {
    CompletableFuture<Response> answer = new CompletableFuture<>();
    try {
      workers.execute(
          () -> answer.complete(admitted(route, pattern, handler, request, known, body)));
    } catch (RejectedExecutionException e) {
      answer.complete(BUSY);
    }
    return answer;
  }

  private Response admitted(
      Route route,
      String pattern,
      RouteHandler handler,
      Request request,
      Principal known,
      InputStream body) {
    Principal principal;
    try {
      principal = known != null ? known : access.admit(route.access(), request);
    } catch (UnauthenticatedException e) {
      return metrics.refused(e.response());
    } catch (RuntimeException e) {
      log.error("authenticating {} {} failed", request.method(), request.path(), e);
      return FAILED;
    }
    if (principal == null) {
      return answer(handler, request);
    }
    Request from = request.as(principal);
    Response response = answer(handler, from);
    if (from.isWrite() && response.status().code() / 100 == 2) {
      try {
        if (body instanceof UploadBody upload) {
          audit.uploaded(from, pattern, response, upload.received());
        } else {
          audit.changed(from, pattern, response);
        }
      } catch (RuntimeException e) {
        log.error(
            "auditing {} {} of {} failed", request.method(), request.path(), principal.name(), e);
      }
    }
    return response;
  }

  /**
   * Runs the stream {@code route}'s own check of {@code request} on a worker, after the access
   * check when {@code request} does not carry its sender yet; completes with null when the stream
   * may open, else with the answer to send. Always completes normally.
   */
  CompletableFuture<Response> checkStream(Route route, Request request) {
    StreamRoute stream = (StreamRoute) route.target();
    CompletableFuture<Response> answer = new CompletableFuture<>();
    try {
      workers.execute(
          () -> {
            long start = System.nanoTime();
            Response refusal;
            try {
              Principal principal =
                  request.principal() != null
                      ? request.principal()
                      : access.admit(route.access(), request);
              refusal = stream.check(principal == null ? request : request.as(principal));
            } catch (UnauthenticatedException e) {
              refusal = metrics.refused(e.response());
            } catch (BadRequestException e) {
              refusal = Response.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
            } catch (Exception e) {
              log.error("checking the stream {} failed", request.path(), e);
              refusal = FAILED;
            }
            answer.complete(refusal == null ? null : metrics.timed(route.path(), refusal, start));
          });
    } catch (RejectedExecutionException e) {
      answer.complete(BUSY);
    }
    return answer;
  }

  private static Response answer(RouteHandler handler, Request request) {
    try {
      Response response = handler.handle(request);
      if (response == null) {
        throw new IllegalStateException("the handler of " + request.path() + " answered nothing");
      }
      return response;
    } catch (UnauthenticatedException e) {
      return e.response();
    } catch (BadRequestException e) {
      Map<String, String> error = new LinkedHashMap<>();
      error.put("error", e.getMessage());
      if (e.parameter() != null) {
        error.put("parameter", e.parameter());
      }
      return Response.json(HttpResponseStatus.BAD_REQUEST, error);
    } catch (Exception e) {
      log.error("{} {} failed", request.method(), request.path(), e);
      return FAILED;
    }
  }
}
