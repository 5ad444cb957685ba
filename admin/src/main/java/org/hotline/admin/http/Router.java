package org.hotline.admin.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.SocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.hotline.admin.http.RouteTable.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of the HTTP server, one table of them ({@link RouteTable}): each a method and path,
 * who may use it ({@link Access}), what answers it and the largest body it takes.
 *
 * <p>Four kinds of route, registered here: a request answered whole ({@link #get}, {@link #post},
 * {@link #route}); an upload, whose body its route reads as it arrives ({@link #upload}); a stream,
 * a {@code GET} answered with a response that does not end ({@link #stream}); a WebSocket ({@link
 * #webSocket}). Every route says who may use it when it is registered; there is no way to register
 * one without.
 *
 * <p>Every request to a route that is not open passes one access check ({@link AccessCheck}),
 * whatever its kind: on a worker, as soon as its head has come and before its body is read ({@link
 * #checkHead}), the {@link Gate} tells who sends it (401, 403 or 429 when it cannot) and the
 * route's access whether that user may (403 when not). A refused request's body is never read; a
 * refused WebSocket upgrade is closed after its handshake with the route's close code. A stream
 * asks the same check again whenever it wants ({@link Admission}). The handler sees the user in
 * {@link Request#principal()}.
 *
 * <p>A route takes bodies up to {@link #MAX_BODY} unless it is registered with a larger limit,
 * which only a route that needs a login may have: nobody makes the server hold a big body before
 * saying who they are. An unknown path is answered 404, a known path with another method 405 with
 * {@code Allow}, a WebSocket path asked without an upgrade 426. Handlers run on the worker executor
 * ({@link RouteRunner}); meters are {@link RouterMetrics}'.
 */
public final class Router {
  private static final Logger log = LoggerFactory.getLogger(Router.class);

  /** The largest request body of a route that says no other: 1 MiB. */
  public static final int MAX_BODY = 1024 * 1024;

  private final Executor workers;
  private final RouteTable table = new RouteTable();
  private final AccessCheck access;
  private final RouterMetrics metrics;
  private final RouteRunner runner;

  /**
   * A registered route, as {@link #routes()} lists it.
   *
   * @param method the method; {@code GET} for a stream or a WebSocket
   * @param path the exact path or prefix pattern
   * @param access who may use it
   * @param kind plain, upload, stream or WebSocket
   */
  public record RouteInfo(HttpMethod method, String path, Access access, RouteKind kind) {
    /** Whether it is a WebSocket route. */
    public boolean webSocket() {
      return kind == RouteKind.WEBSOCKET;
    }
  }

  /**
   * A router whose routes that are not open answer 401 to everyone ({@link Gate#NOBODY}).
   *
   * @param workers where handlers run: they may block (on the database), so not an event loop;
   *     virtual threads suit
   * @param meters where request counts go
   */
  public Router(Executor workers, MeterRegistry meters) {
    this(workers, meters, Gate.NOBODY, AuditTrail.NONE);
  }

  /**
   * @param workers where handlers run: they may block (on the database), so not an event loop;
   *     virtual threads suit
   * @param meters where request counts go
   * @param gate tells who sends a request to a route that is not open
   * @param audit where the changes users make are reported
   */
  public Router(Executor workers, MeterRegistry meters, Gate gate, AuditTrail audit) {
    this.workers = Objects.requireNonNull(workers, "workers");
    this.metrics = new RouterMetrics(meters);
    this.access = new AccessCheck(gate);
    this.runner = new RouteRunner(workers, access, metrics, audit);
  }

  /** Answers {@code GET path} with {@code handler} for whom {@code access} admits. */
  public Router get(String path, Access access, RouteHandler handler) {
    return route(HttpMethod.GET, path, access, handler);
  }

  /** Answers {@code POST path} with {@code handler} for whom {@code access} admits. */
  public Router post(String path, Access access, RouteHandler handler) {
    return route(HttpMethod.POST, path, access, handler);
  }

  /**
   * Answers {@code POST path} with {@code handler} for whom {@code access} admits, taking bodies up
   * to {@code maxBody} bytes (an upload); larger ones are answered 413.
   *
   * @throws IllegalArgumentException when {@code access} is open and {@code maxBody} is over {@link
   *     #MAX_BODY}: a big body needs a login
   */
  public Router post(String path, Access access, int maxBody, RouteHandler handler) {
    return route(HttpMethod.POST, path, access, maxBody, handler);
  }

  /**
   * Answers {@code method path} with {@code handler} for whom {@code access} admits; {@code path}
   * is exact or a prefix ending in {@code /*}.
   *
   * @throws IllegalArgumentException when the route is taken already or the path does not start
   *     with {@code /}
   * @throws NullPointerException when {@code access} is null: every route says who may use it
   */
  public Router route(HttpMethod method, String path, Access access, RouteHandler handler) {
    return route(method, path, access, MAX_BODY, handler);
  }

  /**
   * {@link #route(HttpMethod, String, Access, RouteHandler)}, taking bodies up to {@code maxBody}
   * bytes.
   *
   * @throws IllegalArgumentException besides, when {@code access} is open and {@code maxBody} is
   *     over {@link #MAX_BODY}, or {@code maxBody} is negative
   */
  public Router route(
      HttpMethod method, String path, Access access, int maxBody, RouteHandler handler) {
    Objects.requireNonNull(access, "access: say who may use " + method + " " + path);
    if (maxBody < 0 || (maxBody > MAX_BODY && access.isOpen())) {
      throw new IllegalArgumentException(
          "bodies over "
              + MAX_BODY
              + " bytes need a login: "
              + method
              + " "
              + path
              + " takes "
              + maxBody);
    }
    return add(new Route(method, path, access, handler, maxBody));
  }

  /**
   * Answers {@code POST path} with {@code route}, which reads the body as it arrives, on a worker,
   * for whom {@code access} admits: who sends it is checked on the head, before any of the body is
   * read. Bodies up to {@code maxBody} bytes; beyond, the route's next read throws {@link
   * UploadBody.TooLarge} and the connection closes after its answer.
   *
   * @throws IllegalArgumentException when {@code access} is open: an upload needs a login
   */
  public Router upload(String path, Access access, long maxBody, UploadRoute route) {
    Objects.requireNonNull(access, "access: say who may use POST " + path);
    if (access.isOpen() || maxBody < 0) {
      throw new IllegalArgumentException("an upload needs a login and a limit: POST " + path);
    }
    return add(new Route(HttpMethod.POST, path, access, route, maxBody));
  }

  /**
   * Answers {@code GET path} (exact) with the never-ending response of {@code route}, for whom
   * {@code access} admits.
   *
   * @throws IllegalArgumentException when the path is taken already or is not exact
   */
  public Router stream(String path, Access access, StreamRoute route) {
    return add(new Route(HttpMethod.GET, path, access, route, MAX_BODY));
  }

  /**
   * Makes the upgrade requests of {@code path} (exact) WebSockets of {@code route}, for whom {@code
   * access} admits.
   *
   * @throws IllegalArgumentException when the path is taken already or is not exact
   */
  public Router webSocket(String path, Access access, WebSocketRoute route) {
    Objects.requireNonNull(route, "route");
    return add(new Route(HttpMethod.GET, path, access, route, route.maxMessage()));
  }

  private Router add(Route route) {
    table.add(route);
    return this;
  }

  /** Every registered route, of every kind, by path then method. */
  public List<RouteInfo> routes() {
    return table.all().stream()
        .map(r -> new RouteInfo(r.method(), r.path(), r.access(), r.kind()))
        .toList();
  }

  /** What the router counts. */
  RouterMetrics metrics() {
    return metrics;
  }

  /**
   * The stream or WebSocket route of {@code path}, which takes over its connection; null when none.
   */
  Route takingConnection(String path) {
    return table.takingConnection(path);
  }

  /**
   * The verdict on the head of a request (method, URI, headers) from {@code remote}, before its
   * body is read: for a route that is not open, the {@link AccessCheck}'s, told on a worker; for
   * any other request (open, unknown, a WebSocket path asked without an upgrade, or a URI that
   * cannot be decoded, all answered later) {@link HeadVerdict#unchecked} at once. Always completes
   * normally.
   */
  CompletableFuture<HeadVerdict> checkHead(HttpRequest head, SocketAddress remote) {
    Request request;
    try {
      request = Request.head(head, remote);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(HeadVerdict.unchecked(MAX_BODY));
    }
    Route route = table.find(request.method(), request.path());
    if (route == null
        || route.access().isOpen()
        || (route.kind() == RouteKind.WEBSOCKET && !request.isWebSocketUpgrade())) {
      return CompletableFuture.completedFuture(
          HeadVerdict.unchecked(route == null ? MAX_BODY : route.maxBody()));
    }
    CompletableFuture<HeadVerdict> verdict = new CompletableFuture<>();
    try {
      workers.execute(() -> verdict.complete(judge(route, request)));
    } catch (RejectedExecutionException e) {
      verdict.complete(HeadVerdict.refused(RouteRunner.BUSY));
    }
    return verdict;
  }

  /** The access check's verdict on {@code request} to {@code route}. */
  private HeadVerdict judge(Route route, Request request) {
    try {
      return HeadVerdict.admitted(
          access.admit(route.access(), request), route.maxBody(), route.kind() == RouteKind.UPLOAD);
    } catch (UnauthenticatedException e) {
      return HeadVerdict.denied(metrics.refused(e.response()), e);
    } catch (RuntimeException e) {
      log.error("authenticating {} {} failed", request.method(), request.path(), e);
      return HeadVerdict.refused(RouteRunner.FAILED);
    }
  }

  /**
   * Answers {@code request}; the future always completes normally, with an error response if need
   * be.
   */
  CompletableFuture<Response> dispatch(Request request) {
    return dispatch(request, null, null);
  }

  /**
   * Answers {@code request}, whose head had {@code verdict} ({@link #checkHead}; null when it had
   * none, and the access check runs now), and whose body, for an upload, arrives as {@code body}
   * (null when it is whole in the request); the future always completes normally, with an error
   * response if need be.
   */
  CompletableFuture<Response> dispatch(Request request, HeadVerdict verdict, InputStream body) {
    long start = System.nanoTime();
    RouteTable.Match match = table.match(request.path());
    if (match == null) {
      return done(
          "unmatched",
          Response.error(HttpResponseStatus.NOT_FOUND, "no such resource: " + request.path()),
          start);
    }
    Route route = match.route(request.method());
    Route get = match.route(HttpMethod.GET);
    if (get != null && get.kind() == RouteKind.WEBSOCKET) {
      Response upgrade =
          Response.error(
              HttpResponseStatus.UPGRADE_REQUIRED,
              request.path() + " is a WebSocket: connect with one");
      return done(match.pattern(), upgrade.withHeader("Upgrade", "websocket"), start);
    }
    if (route == null || route.takesConnection()) {
      String allow = match.allow();
      Response notAllowed =
          Response.error(
              HttpResponseStatus.METHOD_NOT_ALLOWED,
              request.method() + " is not allowed here; allowed: " + allow);
      return done(match.pattern(), notAllowed.withHeader("Allow", allow), start);
    }
    if (verdict != null && verdict.refusal() != null) {
      // Refused on its head, and counted then; its body was never read.
      return done(match.pattern(), verdict.refusal(), start);
    }
    RouteHandler handler =
        switch (route.target()) {
          case UploadRoute upload ->
              r -> upload.handle(r, body != null ? body : new ByteArrayInputStream(r.body()));
          case RouteHandler plain -> plain;
          default -> throw new IllegalStateException("not answered whole: " + route);
        };
    return runner
        .run(
            route,
            match.pattern(),
            handler,
            request,
            verdict == null ? null : verdict.principal(),
            body)
        .thenApply(response -> metrics.timed(match.pattern(), response, start));
  }

  /**
   * Whether the stream {@code route} may open for {@code request} (which carries its sender when
   * its head told): the access check when its head had none, then the route's own check, on a
   * worker. Completes with null when the stream may open, else with the answer to send; always
   * normally.
   */
  CompletableFuture<Response> openStream(Route route, Request request, HeadVerdict verdict) {
    if (verdict != null && verdict.refusal() != null) {
      return done(route.path(), verdict.refusal(), System.nanoTime());
    }
    return runner.checkStream(route, request);
  }

  /**
   * How the stream of {@code request} to {@code route}, let through by {@link #openStream}, checks
   * later that its sender may still have it ({@link AccessCheck#admission}).
   */
  Admission admissionOf(Route route, Request request) {
    return access.admission(route.access(), request, workers);
  }

  private CompletableFuture<Response> done(String pattern, Response response, long start) {
    return CompletableFuture.completedFuture(metrics.timed(pattern, response, start));
  }
}
