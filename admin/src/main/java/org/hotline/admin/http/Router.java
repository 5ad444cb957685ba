package org.hotline.admin.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a request's method and path to the {@link RouteHandler} that answers it, and runs the
 * handler on the worker executor.
 *
 * <p>A path is exact ({@code /api/cdrs}) or a prefix ending in {@code /*} ({@code /static/*}
 * matches {@code /static/app.js}; the longest prefix wins). An unknown path is answered 404, a
 * known path with another method 405 with {@code Allow}; both at once, without a worker.
 *
 * <p>A WebSocket path ({@link #webSocket}) is exact; an upgrade request for it is handed to its
 * {@link WebSocketRoute} on the event loop, and any other request for it is answered 426.
 *
 * <p>Every route says who may use it ({@link Access}) when it is registered; there is no way to
 * register one without. On a worker, as soon as a request's head has come and before its body is
 * read ({@link #checkHead}), the {@link Gate} tells who sends a request to a route that is not
 * open (401, 403 or 429 when it cannot) and the route's access whether that user may (403 when
 * not); a refused request's body is never read. The handler sees the user in {@link
 * Request#principal()}.
 *
 * <p>A route takes bodies up to {@link #MAX_BODY} unless it is registered with a larger limit,
 * which only a route that needs a login may have: nobody makes the server hold a big body before
 * saying who they are, and only those the route admits. Each change a user makes (a 2xx answer to POST, PUT, DELETE or PATCH on
 * such a route) is reported to the {@link AuditTrail}.
 *
 * <p>A stream path ({@link #stream}) is exact and answers {@code GET} only: the request is
 * checked on a worker (its access, then the route's own check), then its connection is handed
 * to its {@link StreamRoute} on the event loop, with an {@link Admission} that checks its
 * access again whenever the stream asks.
 *
 * <p>Meters: {@code hotline.http.requests} (timer by route and status), {@code
 * hotline.http.bad.requests} (counter by status: 400, 404, 405, 413) and {@code
 * hotline.http.refused} (counter by status: 401, 403, 429).
 */
public final class Router {
  private static final Logger log = LoggerFactory.getLogger(Router.class);

  /** The largest request body of a route that says no other: 1 MiB. */
  public static final int MAX_BODY = 1024 * 1024;

  private final Executor workers;
  private final MeterRegistry meters;
  private final Gate gate;
  private final AuditTrail audit;
  private final Map<String, Map<HttpMethod, Entry>> routes = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<String> prefixes = new CopyOnWriteArrayList<>();
  private final Map<String, WebSocketRoute> webSockets = new ConcurrentHashMap<>();
  private final Map<String, Access> webSocketAccess = new ConcurrentHashMap<>();

  /**
   * A route as registered: who may use it, what answers it and the largest body it takes; for an
   * upload, the route that reads the body as it arrives.
   */
  private record Entry(Access access, RouteHandler handler, long maxBody, UploadRoute upload) {}
  private final Map<String, StreamRoute> streams = new ConcurrentHashMap<>();
  private final Map<String, Access> streamAccess = new ConcurrentHashMap<>();

  /**
   * A registered route, as {@link #routes()} lists it.
   *
   * @param method the method; {@code GET} for a WebSocket
   * @param path the exact path or prefix pattern
   * @param access who may use it
   * @param webSocket whether it is a WebSocket route
   */
  public record RouteInfo(HttpMethod method, String path, Access access, boolean webSocket) {}

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
    this.meters = Objects.requireNonNull(meters, "meters");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.audit = Objects.requireNonNull(audit, "audit");
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
   * Answers {@code POST path} with {@code handler} for whom {@code access} admits, taking bodies
   * up to {@code maxBody} bytes (an upload); larger ones are answered 413.
   *
   * @throws IllegalArgumentException when {@code access} is open and {@code maxBody} is over
   *     {@link #MAX_BODY}: a big body needs a login
   */
  public Router post(String path, Access access, int maxBody, RouteHandler handler) {
    return route(HttpMethod.POST, path, access, maxBody, handler);
  }

  /**
   * Answers {@code POST path} with {@code route}, which reads the body as it arrives, on a
   * worker, for whom {@code access} admits: who sends it is checked on the head, before any of
   * the body is read. Bodies up to {@code maxBody} bytes; beyond, the route's next read throws
   * {@link UploadBody.TooLarge} and the connection closes after its answer.
   *
   * @throws IllegalArgumentException when {@code access} is open: an upload needs a login
   */
  public Router upload(String path, Access access, long maxBody, UploadRoute route) {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(access, "access: say who may use POST " + path);
    if (access.isOpen() || maxBody < 0) {
      throw new IllegalArgumentException("an upload needs a login and a limit: POST " + path);
    }
    // Sent whole (no head checked first, as in tests that dispatch directly), the body is read from memory.
    RouteHandler whole = request -> route.handle(request, new ByteArrayInputStream(request.body()));
    return add(HttpMethod.POST, path, new Entry(access, whole, maxBody, route));
  }

  /**
   * Hands the WebSocket upgrade requests of {@code path} (exact) to {@code route}, which checks
   * the session itself against {@code access} (the handshake is answered on the event loop).
   *
   * @throws IllegalArgumentException when the path is taken already or does not start with {@code /}
   */
  public Router webSocket(String path, Access access, WebSocketRoute route) {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(access, "access: say who may use " + path);
    if (path == null || !path.startsWith("/") || path.endsWith("/*")) {
      throw new IllegalArgumentException("a WebSocket path is exact and starts with /: " + path);
    }
    if (routes.containsKey(path) || streams.containsKey(path) || webSockets.putIfAbsent(path, route) != null) {
      throw new IllegalArgumentException("route " + path + " is taken already");
    }
    webSocketAccess.put(path, access);
    return this;
  }

  /**
   * Answers {@code GET path} (exact) with the never-ending response of {@code route}, for whom
   * {@code access} admits.
   *
   * @throws IllegalArgumentException when the path is taken already or does not start with {@code /}
   */
  public Router stream(String path, Access access, StreamRoute route) {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(access, "access: say who may use " + path);
    if (path == null || !path.startsWith("/") || path.endsWith("/*")) {
      throw new IllegalArgumentException("a stream path is exact and starts with /: " + path);
    }
    if (routes.containsKey(path) || webSockets.containsKey(path) || streams.putIfAbsent(path, route) != null) {
      throw new IllegalArgumentException("route " + path + " is taken already");
    }
    streamAccess.put(path, access);
    return this;
  }

  /** The stream route of {@code path}, or null. */
  StreamRoute streamAt(String path) {
    return streams.get(path);
  }

  /**
   * Runs {@code route}'s check of {@code request} on a worker; completes with null when the
   * stream may open, else with the answer to send. Always completes normally.
   */
  CompletableFuture<Response> checkStream(StreamRoute route, Request request) {
    CompletableFuture<Response> answer = new CompletableFuture<>();
    try {
      workers.execute(() -> {
        Response refusal;
        try {
          Request from = request;
          Access access = streamAccess.get(request.path());
          if (!access.isOpen()) {
            Principal principal = gate.authenticate(request);
            from = request.as(principal);
            if (!access.permits(principal, from)) {
              throw new UnauthenticatedException(HttpResponseStatus.FORBIDDEN,
                  "a " + principal.role().id() + " may not " + request.method() + " " + request.path());
            }
          }
          refusal = route.check(from);
        } catch (UnauthenticatedException e) {
          refusal = refused(e.response());
        } catch (BadRequestException e) {
          refusal = Response.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
        } catch (Exception e) {
          log.error("checking the stream {} failed", request.path(), e);
          refusal = Response.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error");
        }
        answer.complete(refusal == null ? null : timed(request.path(), refusal, System.nanoTime()));
      });
    } catch (RejectedExecutionException e) {
      answer.complete(Response.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "server busy, try again"));
    }
    return answer;
  }

  /**
   * How the stream of {@code request}, let through by {@link #checkStream}, checks later that its
   * sender may still have it: the route's access and the request's credentials again, on a
   * worker. A session ended or expired, a password no longer right, a role the route does not
   * admit, or a failure of the check, is a no; a server too busy to check says yes until the
   * next time.
   */
  Admission admissionOf(Request request) {
    Access access = streamAccess.get(request.path());
    if (access == null || access.isOpen()) {
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
      Principal principal = gate.authenticate(request);
      return access.permits(principal, request.as(principal));
    } catch (UnauthenticatedException e) {
      return false;
    } catch (RuntimeException e) {
      log.error("checking the stream {} again failed", request.path(), e);
      return false;
    }
  }

  /** Every registered route, WebSockets included, by path then method. */
  public List<RouteInfo> routes() {
    List<RouteInfo> all = new ArrayList<>();
    routes.forEach((path, byMethod) -> byMethod.forEach((method, e) -> all.add(new RouteInfo(method, path, e.access(), false))));
    webSocketAccess.forEach((path, access) -> all.add(new RouteInfo(HttpMethod.GET, path, access, true)));
    streamAccess.forEach((path, access) -> all.add(new RouteInfo(HttpMethod.GET, path, access, false)));
    all.sort(Comparator.comparing(RouteInfo::path).thenComparing(r -> r.method().name()));
    return all;
  }

  /** The WebSocket route of {@code path}, or null. */
  WebSocketRoute webSocketAt(String path) {
    return webSockets.get(path);
  }

  /**
   * Answers {@code method path} with {@code handler} for whom {@code access} admits; {@code path}
   * is exact or a prefix ending in {@code /*}.
   *
   * @throws IllegalArgumentException when the route is taken already or the path does not start with {@code /}
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
  public Router route(HttpMethod method, String path, Access access, int maxBody, RouteHandler handler) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(access, "access: say who may use " + method + " " + path);
    Objects.requireNonNull(handler, "handler");
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("a route path starts with /: " + path);
    }
    if (maxBody < 0 || (maxBody > MAX_BODY && access.isOpen())) {
      throw new IllegalArgumentException("bodies over " + MAX_BODY + " bytes need a login: " + method + " " + path + " takes " + maxBody);
    }
    return add(method, path, new Entry(access, handler, maxBody, null));
  }

  private Router add(HttpMethod method, String path, Entry entry) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("a route path starts with /: " + path);
    }
    if (webSockets.containsKey(path) || streams.containsKey(path)) {
      throw new IllegalArgumentException("route " + method + " " + path + " is taken already");
    }
    Map<HttpMethod, Entry> byMethod = routes.computeIfAbsent(path, p -> new ConcurrentHashMap<>());
    if (byMethod.putIfAbsent(method, entry) != null) {
      throw new IllegalArgumentException("route " + method + " " + path + " is taken already");
    }
    if (path.endsWith("/*") && !prefixes.contains(path)) {
      prefixes.add(path);
      prefixes.sort(Comparator.comparingInt(String::length).reversed());
    }
    return this;
  }

  /**
   * The verdict on the head of a request (method, URI, headers) from {@code remote}, before its
   * body is read: for a route that is not open, who sends it and whether the route admits them,
   * told on a worker (the gate may hash a password); for any other request (open, unknown,
   * WebSocket, stream, or a URI that cannot be decoded, all answered later) {@link
   * HeadVerdict#unchecked} at once. Always completes normally.
   */
  CompletableFuture<HeadVerdict> checkHead(io.netty.handler.codec.http.HttpRequest head, java.net.SocketAddress remote) {
    Request request;
    try {
      request = Request.head(head, remote);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(HeadVerdict.unchecked(MAX_BODY));
    }
    String pattern = webSockets.containsKey(request.path()) || streams.containsKey(request.path()) ? null : match(request.path());
    Entry entry = pattern == null ? null : routes.get(pattern).get(request.method());
    if (entry == null || entry.access().isOpen()) {
      return CompletableFuture.completedFuture(HeadVerdict.unchecked(entry == null ? MAX_BODY : entry.maxBody()));
    }
    CompletableFuture<HeadVerdict> verdict = new CompletableFuture<>();
    try {
      workers.execute(() -> verdict.complete(judge(entry, request)));
    } catch (RejectedExecutionException e) {
      verdict.complete(HeadVerdict.refused(Response.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "server busy, try again")));
    }
    return verdict;
  }

  /** Who sends {@code request} and whether {@code entry} admits them: the verdict on its head. */
  private HeadVerdict judge(Entry entry, Request request) {
    Principal principal;
    try {
      principal = gate.authenticate(request);
    } catch (UnauthenticatedException e) {
      return HeadVerdict.refused(refused(e.response()));
    } catch (RuntimeException e) {
      log.error("authenticating {} {} failed", request.method(), request.path(), e);
      return HeadVerdict.refused(Response.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error"));
    }
    if (!entry.access().permits(principal, request.as(principal))) {
      return HeadVerdict.refused(forbidden(principal, request));
    }
    return HeadVerdict.admitted(principal, entry.maxBody(), entry.upload() != null);
  }

  /** Answers {@code request}; the future always completes normally, with an error response if need be. */
  CompletableFuture<Response> dispatch(Request request) {
    return dispatch(request, null);
  }

  /**
   * Answers {@code request}, whose head had {@code verdict} ({@link #checkHead}; null when it had
   * none, and the gate is asked now); the future always completes normally, with an error
   * response if need be.
   */
  CompletableFuture<Response> dispatch(Request request, HeadVerdict verdict) {
    return dispatch(request, verdict, null);
  }

  /**
   * {@link #dispatch(Request, HeadVerdict)}, for an upload whose body arrives as {@code body}
   * (null when the body is whole in the request): the route reads it on a worker.
   */
  CompletableFuture<Response> dispatch(Request request, HeadVerdict verdict, InputStream body) {
    if (webSockets.containsKey(request.path())) {
      Response upgrade = Response.error(HttpResponseStatus.UPGRADE_REQUIRED, request.path() + " is a WebSocket: connect with one");
      return done(request.path(), upgrade.withHeader("Upgrade", "websocket"));
    }
    if (streams.containsKey(request.path())) {
      Response notAllowed = Response.error(HttpResponseStatus.METHOD_NOT_ALLOWED, request.method() + " is not allowed here; allowed: GET");
      return done(request.path(), notAllowed.withHeader("Allow", "GET"));
    }
    String pattern = match(request.path());
    if (pattern == null) {
      return done("unmatched", Response.error(HttpResponseStatus.NOT_FOUND, "no such resource: " + request.path()));
    }
    Map<HttpMethod, Entry> byMethod = routes.get(pattern);
    Entry entry = byMethod.get(request.method());
    if (entry == null) {
      String allow = byMethod.keySet().stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
      Response notAllowed = Response.error(HttpResponseStatus.METHOD_NOT_ALLOWED, request.method() + " is not allowed here; allowed: " + allow);
      return done(pattern, notAllowed.withHeader("Allow", allow));
    }
    if (verdict != null && verdict.refusal() != null) {
      // Refused on its head, and counted then; its body was never read.
      return done(pattern, verdict.refusal());
    }
    Principal known = verdict == null ? null : verdict.principal();
    Entry reading = body == null || entry.upload() == null
        ? entry
        : new Entry(entry.access(), r -> entry.upload().handle(r, body), entry.maxBody(), entry.upload());
    LongSupplier uploaded = body instanceof UploadBody upload ? upload::received : null;
    long start = System.nanoTime();
    CompletableFuture<Response> answer = new CompletableFuture<>();
    try {
      workers.execute(() -> answer.complete(admitted(reading, pattern, request, known, uploaded)));
    } catch (RejectedExecutionException e) {
      answer.complete(Response.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "server busy, try again"));
    }
    return answer.thenApply(response -> timed(pattern, response, start));
  }

  /** Counts a connection refused for its address having too many open already. */
  void countRefusedConnection() {
    Counter.builder("hotline.http.connections.refused")
        .description("HTTP connections refused because their address had too many open")
        .register(meters)
        .increment();
  }

  /** Counts a request refused before routing (malformed: 400, too large: 413). */
  void countBadRequest(HttpResponseStatus status) {
    Counter.builder("hotline.http.bad.requests")
        .description("HTTP requests refused as malformed, unknown or not allowed")
        .tag("status", Integer.toString(status.code()))
        .register(meters)
        .increment();
  }

  private String match(String path) {
    if (routes.containsKey(path)) {
      return path;
    }
    for (String prefix : prefixes) {
      if (path.startsWith(prefix.substring(0, prefix.length() - 1))) {
        return prefix;
      }
    }
    return null;
  }

  /**
   * Runs {@code entry}'s handler when its access admits the request's user ({@code known} when
   * its head told, else the gate's); reports the change.
   */
  private Response admitted(Entry entry, String pattern, Request request, Principal known, LongSupplier uploaded) {
    if (entry.access().isOpen()) {
      return run(entry.handler(), request);
    }
    Principal principal;
    try {
      principal = known != null ? known : gate.authenticate(request);
    } catch (UnauthenticatedException e) {
      return refused(e.response());
    } catch (RuntimeException e) {
      log.error("authenticating {} {} failed", request.method(), request.path(), e);
      return Response.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error");
    }
    Request from = request.as(principal);
    if (!entry.access().permits(principal, from)) {
      return forbidden(principal, request);
    }
    Response response = run(entry.handler(), from);
    if (from.isWrite() && response.status().code() / 100 == 2) {
      try {
        if (uploaded != null) {
          audit.uploaded(from, pattern, response, uploaded.getAsLong());
        } else {
          audit.changed(from, pattern, response);
        }
      } catch (RuntimeException e) {
        log.error("auditing {} {} of {} failed", request.method(), request.path(), principal.name(), e);
      }
    }
    return response;
  }

  /** 403, logged and counted: {@code principal}'s role may not make {@code request}. */
  private Response forbidden(Principal principal, Request request) {
    log.info("{} {} refused to {} ({})", request.method(), request.path(), principal.name(), principal.role().id());
    return refused(Response.error(HttpResponseStatus.FORBIDDEN, "a " + principal.role().id() + " may not " + request.method() + " " + request.path()));
  }

  private Response refused(Response response) {
    Counter.builder("hotline.http.refused")
        .description("HTTP requests refused for their credentials or role")
        .tag("status", Integer.toString(response.status().code()))
        .register(meters)
        .increment();
    return response;
  }

  private Response run(RouteHandler handler, Request request) {
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
      return Response.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error");
    }
  }

  private CompletableFuture<Response> done(String pattern, Response response) {
    return CompletableFuture.completedFuture(timed(pattern, response, System.nanoTime()));
  }

  private Response timed(String pattern, Response response, long startNanos) {
    int status = response.status().code();
    Timer.builder("hotline.http.requests")
        .description("HTTP requests answered")
        .tag("route", pattern)
        .tag("status", Integer.toString(status))
        .register(meters)
        .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    if (status == 400 || status == 404 || status == 405 || status == 413) {
      countBadRequest(response.status());
    }
    return response;
  }
}
