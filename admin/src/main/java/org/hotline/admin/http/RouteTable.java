package org.hotline.admin.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The routes of a {@link Router}: one entry per method and path, whatever its kind.
 *
 * <p>A path is exact ({@code /api/cdrs}) or a prefix ending in {@code /*} ({@code /static/*}
 * matches {@code /static/app.js}; the longest prefix wins). A stream or WebSocket path is exact and
 * has its one route ({@code GET}) to itself.
 */
final class RouteTable {
  /**
   * One route.
   *
   * @param method its method ({@code GET} for a stream or a WebSocket)
   * @param path the exact path or prefix pattern
   * @param access who may use it
   * @param target what answers it
   * @param maxBody the largest request body it takes, in bytes; a WebSocket's largest message
   */
  record Route(HttpMethod method, String path, Access access, RouteTarget target, long maxBody) {
    Route {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(access, "access: say who may use " + method + " " + path);
      Objects.requireNonNull(target, "target");
      if (path == null || !path.startsWith("/")) {
        throw new IllegalArgumentException("a route path starts with /: " + path);
      }
    }

    RouteKind kind() {
      return switch (target) {
        case RouteHandler plain -> RouteKind.PLAIN;
        case UploadRoute upload -> RouteKind.UPLOAD;
        case StreamRoute stream -> RouteKind.STREAM;
        case WebSocketRoute webSocket -> RouteKind.WEBSOCKET;
      };
    }

    /** Whether the route takes over the connection: a stream or a WebSocket. */
    boolean takesConnection() {
      return target instanceof StreamRoute || target instanceof WebSocketRoute;
    }
  }

  /**
   * The routes of the pattern a path matched.
   *
   * @param pattern the exact path or prefix pattern
   * @param byMethod its routes
   */
  record Match(String pattern, Map<HttpMethod, Route> byMethod) {
    /** The route of {@code method}; null when the pattern has none. */
    Route route(HttpMethod method) {
      return byMethod.get(method);
    }

    /** The methods the pattern answers, for {@code Allow}. */
    String allow() {
      return byMethod.keySet().stream()
          .map(HttpMethod::name)
          .sorted()
          .collect(Collectors.joining(", "));
    }
  }

  private final Map<String, Map<HttpMethod, Route>> routes = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<String> prefixes = new CopyOnWriteArrayList<>();

  /**
   * Adds {@code route}.
   *
   * @throws IllegalArgumentException when its method and path are taken already, or it shares its
   *     path with a stream or WebSocket, or is one with a prefix path
   */
  synchronized void add(Route route) {
    String path = route.path();
    if (route.takesConnection() && path.endsWith("/*")) {
      throw new IllegalArgumentException("a " + route.kind() + " path is exact: " + path);
    }
    Map<HttpMethod, Route> byMethod = routes.get(path);
    if (byMethod != null
        && (route.takesConnection()
            || byMethod.containsKey(route.method())
            || byMethod.values().stream().anyMatch(Route::takesConnection))) {
      throw new IllegalArgumentException(
          "route " + route.method() + " " + path + " is taken already");
    }
    routes.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(route.method(), route);
    if (path.endsWith("/*") && !prefixes.contains(path)) {
      prefixes.add(path);
      prefixes.sort(Comparator.comparingInt(String::length).reversed());
    }
  }

  /**
   * The routes whose pattern {@code path} matches: exact first, then the longest prefix; null when
   * none.
   */
  Match match(String path) {
    Map<HttpMethod, Route> exact = routes.get(path);
    if (exact != null) {
      return new Match(path, exact);
    }
    for (String prefix : prefixes) {
      if (path.startsWith(prefix.substring(0, prefix.length() - 1))) {
        return new Match(prefix, routes.get(prefix));
      }
    }
    return null;
  }

  /** The route of {@code method path}; null when none. */
  Route find(HttpMethod method, String path) {
    Match match = match(path);
    return match == null ? null : match.route(method);
  }

  /** The stream or WebSocket route of {@code path} (exact); null when it has none. */
  Route takingConnection(String path) {
    Map<HttpMethod, Route> exact = routes.get(path);
    Route get = exact == null ? null : exact.get(HttpMethod.GET);
    return get != null && get.takesConnection() ? get : null;
  }

  /** Every route, by path then method. */
  List<Route> all() {
    List<Route> all = new ArrayList<>();
    routes.values().forEach(byMethod -> all.addAll(byMethod.values()));
    all.sort(Comparator.comparing(Route::path).thenComparing(r -> r.method().name()));
    return all;
  }
}
