package org.hotline.admin.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the files of one classpath folder under one URL path, for a page such as the agent
 * desktop: {@code GET} and {@code HEAD} of {@code /agent} (and {@code /agent/}) answer {@code
 * index.html}, {@code /agent/app.js} the folder's {@code app.js}.
 *
 * <ul>
 *   <li>Only files whose type is known are served ({@link #TYPES}: html, js as {@code
 *       text/javascript}, css, svg, json, png, ico), each with {@code charset=utf-8} when it is
 *       text. A path segment is letters, digits, {@code .}, {@code _} or {@code -} and does not
 *       start with a dot, so {@code ..} (also sent percent-encoded: the path is decoded before it
 *       gets here), hidden files, empty segments and folders are all 404: there is no directory
 *       listing.
 *   <li>Every answer has a strong {@code ETag} (from the file's SHA-256) and {@code Cache-Control:
 *       no-cache}: the browser asks again each time and gets 304 while the file is the same, so a
 *       new release is picked up at once.
 *   <li>Security headers: a {@code Content-Security-Policy} that lets the page load from this
 *       server only and open its WebSocket back to it, {@code X-Content-Type-Options: nosniff},
 *       {@code Referrer-Policy: no-referrer} and no framing.
 * </ul>
 *
 * <p>Files are read once, on their first request, and kept: they are part of the release.
 *
 * <p>A WebJar ({@link #webJar}) is served the same way without its version in the path: {@code
 * /webjars/echarts/dist/echarts.min.js} is {@code
 * META-INF/resources/_static/echarts/<version>/dist/echarts.min.js} of mvnpm's jar on the classpath
 * (or {@code META-INF/resources/webjars/...} of an org.webjars one).
 */
public final class StaticRoute implements RouteHandler {
  /** Content types by file extension. */
  static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "mjs", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml; charset=utf-8",
          "json", "application/json; charset=utf-8",
          "png", "image/png",
          "ico", "image/x-icon");

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

  /** What a Host header may hold to be named in the policy: a name or address and a port. */
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

  private static final String INDEX = "index.html";

  /** The WebJar builds {@link #webJar} knows, in the order it looks for them. */
  private static final java.util.List<WebJarBuild> WEBJAR_BUILDS =
      java.util.List.of(
          new WebJarBuild("org.webjars.npm", "webjars"),
          new WebJarBuild("org.webjars", "webjars"),
          new WebJarBuild("org.mvnpm", "_static"));

  /**
   * One build of WebJars: its Maven group, and the folder under {@code META-INF/resources} that
   * holds its files.
   */
  private record WebJarBuild(String group, String folder) {}

  private final String urlPath;
  private final String folder;
  private final ClassLoader loader;

  /** Whether the pages may set style attributes ({@code style-src-attr 'unsafe-inline'}). */
  private final boolean styleAttributes;

  /**
   * The files read so far; a name that names no file is not kept, so asking for many costs nothing.
   */
  private final Map<String, StaticFile> files = new ConcurrentHashMap<>();

  /** A file as served: its bytes, type and entity tag. */
  record StaticFile(byte[] body, String contentType, String etag) {}

  /**
   * @param urlPath where the files are served, without a trailing slash ({@code /agent})
   * @param folder the classpath folder that holds them ({@code org/hotline/admin/web/agent})
   * @param loader the class loader that finds the folder
   */
  public StaticRoute(String urlPath, String folder, ClassLoader loader) {
    this(urlPath, folder, loader, false);
  }

  private StaticRoute(String urlPath, String folder, ClassLoader loader, boolean styleAttributes) {
    if (urlPath == null || !urlPath.startsWith("/") || urlPath.endsWith("/")) {
      throw new IllegalArgumentException(
          "the URL path starts with / and does not end with it: " + urlPath);
    }
    this.urlPath = urlPath;
    this.folder = Objects.requireNonNull(folder, "folder").replaceAll("^/+|/+$", "");
    this.loader = Objects.requireNonNull(loader, "loader");
    this.styleAttributes = styleAttributes;
  }

  /**
   * This route, its pages allowed to set inline style attributes ({@code style-src-attr
   * 'unsafe-inline'}), for pages whose script library positions elements that way (ECharts'
   * tooltips and legends). Style sheets and scripts still come from this server only.
   */
  public StaticRoute allowingStyleAttributes() {
    return new StaticRoute(urlPath, folder, loader, true);
  }

  /**
   * The files of the WebJar {@code name} on the classpath, served under {@code /webjars/<name>}
   * whichever build it is: {@code org.webjars.npm:<name>} or {@code org.webjars:<name>} (files
   * under {@code META-INF/resources/webjars/<name>/<version>}), or {@code org.mvnpm:<name>} (files
   * under {@code META-INF/resources/_static/<name>/<version>}). The URL stays the same when a
   * library moves from one build to the other.
   *
   * @throws IllegalStateException when no such WebJar is on the classpath
   */
  public static StaticRoute webJar(String name, ClassLoader loader) {
    if (!SEGMENT.matcher(name).matches()) {
      throw new IllegalArgumentException("not a WebJar name: " + name);
    }
    for (WebJarBuild build : WEBJAR_BUILDS) {
      try (InputStream in =
          loader.getResourceAsStream(
              "META-INF/maven/" + build.group() + "/" + name + "/pom.properties")) {
        if (in != null) {
          java.util.Properties pom = new java.util.Properties();
          pom.load(in);
          String version = pom.getProperty("version");
          return new StaticRoute(
              "/webjars/" + name,
              "META-INF/resources/" + build.folder() + "/" + name + "/" + version,
              loader);
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the version of the WebJar " + name, e);
      }
    }
    throw new IllegalStateException("no WebJar " + name + " on the classpath");
  }

  /**
   * Answers the folder's {@code index.html} whatever the path, for a page also served at another
   * path than its folder's ({@code /} for {@code /console}).
   */
  public Response index(Request request) {
    Optional<StaticFile> file = file(INDEX);
    if (file.isEmpty()) {
      return secured(
          Response.error(
              HttpResponseStatus.NOT_FOUND, "no such resource: " + printable(request.path())),
          request);
    }
    return answer(file.get(), request);
  }

  /**
   * Adds {@code GET} and {@code HEAD} of the URL path and everything under it to {@code router}.
   */
  public Router addTo(Router router) {
    // The files are open: what a page shows comes from APIs that need a login.
    return router
        .get(urlPath, Access.open(), this)
        .route(HttpMethod.HEAD, urlPath, Access.open(), this)
        .get(urlPath + "/*", Access.open(), this)
        .route(HttpMethod.HEAD, urlPath + "/*", Access.open(), this);
  }

  @Override
  public Response handle(Request request) {
    Optional<String> name = fileName(request.path());
    Optional<StaticFile> file = name.flatMap(this::file);
    if (file.isEmpty()) {
      return secured(
          Response.error(
              HttpResponseStatus.NOT_FOUND, "no such resource: " + printable(request.path())),
          request);
    }
    return answer(file.get(), request);
  }

  private Response answer(StaticFile f, Request request) {
    Response response =
        matches(request.headers().get(HttpHeaderNames.IF_NONE_MATCH), f.etag())
            ? new Response(HttpResponseStatus.NOT_MODIFIED, f.contentType(), new byte[0], Map.of())
            : new Response(HttpResponseStatus.OK, f.contentType(), f.body(), Map.of());
    return secured(
        response.withHeader("ETag", f.etag()).withHeader("Cache-Control", "no-cache"), request);
  }

  /** The file a path names, relative to the folder; empty when the path may not name one. */
  Optional<String> fileName(String path) {
    if (path.equals(urlPath) || path.equals(urlPath + "/")) {
      return Optional.of(INDEX);
    }
    if (!path.startsWith(urlPath + "/")) {
      return Optional.empty();
    }
    String rest = path.substring(urlPath.length() + 1);
    for (String segment : rest.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches()) {
        return Optional.empty();
      }
    }
    return type(rest) == null ? Optional.empty() : Optional.of(rest);
  }

  private Optional<StaticFile> file(String name) {
    StaticFile known = files.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<StaticFile> read = read(name);
    read.ifPresent(f -> files.putIfAbsent(name, f));
    return read;
  }

  private Optional<StaticFile> read(String name) {
    URL url = loader.getResource(folder + "/" + name);
    if (url == null) {
      return Optional.empty();
    }
    try {
      if (!isFile(url)) {
        return Optional.empty();
      }
      URLConnection connection = url.openConnection();
      connection.setUseCaches(false);
      byte[] body;
      try (InputStream in = connection.getInputStream()) {
        body = in.readAllBytes();
      }
      return Optional.of(new StaticFile(body, type(name), etag(body)));
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot read " + url, e);
    }
  }

  /**
   * Whether the resource is a file, not a folder: a folder's URL reads as a listing of its names.
   */
  private static boolean isFile(URL url) throws IOException, URISyntaxException {
    return switch (url.getProtocol()) {
      case "file" -> Files.isRegularFile(Path.of(url.toURI()));
      case "jar" ->
          url.openConnection() instanceof JarURLConnection jar && !jar.getJarEntry().isDirectory();
      default -> false;
    };
  }

  private static String type(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /**
   * Whether {@code If-None-Match} names {@code etag} (RFC 9110 section 13.1.2: weak comparison).
   */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code response} with the security headers. The page talks to this server only: scripts, styles
   * and images from it, and its WebSocket to the host it was loaded from ({@code 'self'} covers
   * {@code ws:} only in newer browsers, so the host is named as well when it is a plain host name
   * or address).
   */
  private Response secured(Response response, Request request) {
    String host = request.headers().get(HttpHeaderNames.HOST);
    String connect = "'self'";
    if (host != null && HOST.matcher(host).matches()) {
      connect += " ws://" + host + " wss://" + host;
    }
    String policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; "
            + (styleAttributes ? "style-src-attr 'unsafe-inline'; " : "")
            + "img-src 'self' data:; connect-src "
            + connect
            + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    return response
        .withHeader("Content-Security-Policy", policy)
        .withHeader("X-Content-Type-Options", "nosniff")
        .withHeader("Referrer-Policy", "no-referrer")
        .withHeader("X-Frame-Options", "DENY");
  }

  private static String printable(String path) {
    String clean = path.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 100 ? clean.substring(0, 100) + "..." : clean;
  }
}
