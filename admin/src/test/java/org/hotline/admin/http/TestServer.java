package org.hotline.admin.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.hotline.config.HttpSettings;
import org.hotline.core.user.Role;

/**
 * An {@link HttpServer} on 127.0.0.1 and a free port, with a client to call it.
 *
 * <p>Its gate takes every request that is not open as coming from {@link #user} (an administrator
 * unless the test says otherwise); a request with header {@code X-Test-User: <name> <role>} comes
 * from that user instead. Changes go to {@link #audited}.
 */
final class TestServer implements AutoCloseable {
  final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  volatile Principal user = new Principal("root", Role.ADMIN);
  final List<String> audited = new CopyOnWriteArrayList<>();
  final Router router;
  final HttpServer server;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  TestServer(Consumer<Router> routes) {
    this(null, routes);
  }

  /** A server whose gate is {@code gate}; the test's {@link #user} when null. */
  TestServer(Gate gate, Consumer<Router> routes) {
    router =
        new Router(
            workers,
            meters,
            gate == null ? this::authenticate : gate,
            (request, route, response) ->
                audited.add(
                    request.principal().name()
                        + " "
                        + request.method()
                        + " "
                        + route
                        + " "
                        + request.path()));
    routes.accept(router);
    server = new HttpServer(new HttpSettings("127.0.0.1", 0), router);
    server.start();
  }

  private Principal authenticate(Request request) {
    String header = request.headers().get("X-Test-User");
    if (header == null) {
      return user;
    }
    String[] nameRole = header.split(" ");
    return new Principal(nameRole[0], Role.of(nameRole[1]).orElseThrow());
  }

  /**
   * A gate that takes the user from {@code X-Test-User: <name> <role>}, and refuses a request
   * without it with 401.
   */
  static Principal fromHeader(Request request) {
    String header = request.headers().get("X-Test-User");
    if (header == null) {
      throw new UnauthenticatedException(
          io.netty.handler.codec.http.HttpResponseStatus.UNAUTHORIZED, "log in first");
    }
    String[] nameRole = header.split(" ");
    return new Principal(nameRole[0], Role.of(nameRole[1]).orElseThrow());
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(
        request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends {@code bytes} as they are on a new connection and reads until the server closes it. */
  String raw(String bytes) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Override
  public void close() {
    server.close();
    workers.close();
    // Not close(): it would wait, without bound, for a body nobody reads.
    client.shutdownNow();
  }
}
