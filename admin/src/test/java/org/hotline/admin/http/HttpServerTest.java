package org.hotline.admin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.config.HttpSettings;
import org.hotline.core.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpServerTest {
  /**
   * A route that takes big bodies, as the CSV import does; the test server's gate admits the test's
   * administrator.
   */
  static final String UPLOAD = "/upload";

  static final int MAX_UPLOAD = 64 * 1024 * 1024;

  TestServer http;

  @BeforeEach
  void start() {
    http =
        new TestServer(
            router ->
                router
                    .get(
                        "/hello",
                        Access.open(),
                        r ->
                            Response.json(
                                HttpResponseStatus.OK,
                                Map.of("hello", r.param("name").orElse("world"))))
                    .post(
                        "/echo",
                        Access.open(),
                        r ->
                            Response.text(
                                HttpResponseStatus.OK, Response.TEXT, new String(r.body())))
                    .post(
                        UPLOAD,
                        Access.roles(Role.ADMIN),
                        MAX_UPLOAD,
                        r ->
                            Response.text(
                                HttpResponseStatus.OK, Response.TEXT, "got " + r.body().length))
                    .get(
                        "/boom",
                        Access.open(),
                        r -> {
                          throw new IllegalStateException("bug");
                        })
                    .get(
                        "/slow",
                        Access.open(),
                        r -> {
                          Thread.sleep(300);
                          return Response.text(HttpResponseStatus.OK, Response.TEXT, "slow");
                        })
                    .get(
                        "/fast",
                        Access.open(),
                        r -> Response.text(HttpResponseStatus.OK, Response.TEXT, "fast"))
                    .get(
                        "/static/*",
                        Access.open(),
                        r ->
                            Response.text(
                                HttpResponseStatus.OK, Response.TEXT, "static " + r.path()))
                    .get(
                        "/static/deep/*",
                        Access.open(),
                        r ->
                            Response.text(
                                HttpResponseStatus.OK, Response.TEXT, "deep " + r.path())));
  }

  @AfterEach
  void stop() {
    http.close();
  }

  @Test
  void start_onPortZero_bindsAFreePortAndAnswers() throws Exception {
    assertTrue(http.server.port() > 0);

    HttpResponse<String> response = http.get("/hello?name=Ada");

    assertEquals(200, response.statusCode());
    assertEquals(
        "application/json; charset=utf-8",
        response.headers().firstValue("content-type").orElseThrow());
    assertEquals("Ada", Json.MAPPER.readTree(response.body()).get("hello").asText());
  }

  @Test
  void unknownPath_answers404Json() throws Exception {
    HttpResponse<String> response = http.get("/nowhere");

    assertEquals(404, response.statusCode());
    assertTrue(Json.MAPPER.readTree(response.body()).get("error").asText().contains("/nowhere"));
  }

  @Test
  void wrongMethod_answers405WithAllow() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/hello")).DELETE());

    assertEquals(405, response.statusCode());
    assertEquals("GET", response.headers().firstValue("allow").orElseThrow());
  }

  @Test
  void post_passesTheBodyToTheRoute() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(http.uri("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("ping")));

    assertEquals("ping", response.body());
  }

  @Test
  void prefixRoute_theLongestPrefixWins() throws Exception {
    assertEquals("static /static/app.js", http.get("/static/app.js").body());
    assertEquals("deep /static/deep/x.css", http.get("/static/deep/x.css").body());
  }

  @Test
  void malformedRequest_answers400_andTheServerKeepsServing() throws Exception {
    String answer = http.raw("THIS IS NOT HTTP AT ALL\r\n\r\n");

    assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    assertEquals(200, http.get("/hello").statusCode());
    assertEquals(
        1.0, http.meters.get("hotline.http.bad.requests").tag("status", "400").counter().count());
  }

  @Test
  void badPercentEscape_answers400() throws Exception {
    String answer = http.raw("GET /hello?name=%zz HTTP/1.1\r\nHost: x\r\n\r\n");

    assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
  }

  @Test
  void oversizedBody_answers413() throws Exception {
    String answer =
        http.raw(
            "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2000000\r\n\r\n");

    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertEquals(
        1.0, http.meters.get("hotline.http.bad.requests").tag("status", "413").counter().count());
  }

  @Test
  void anUploadRoute_takesBigBodies_andOtherPathsStillDoNot_onTheSameConnection() throws Exception {
    int big = 5 * 1024 * 1024;
    try (Socket socket = new Socket("127.0.0.1", http.server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(
          ("POST "
                  + UPLOAD
                  + "?skipBadRows=true HTTP/1.1\r\nHost: x\r\nContent-Length: "
                  + big
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(new byte[big]);
      out.flush();
      String first = readUntil(in, "got " + big);
      assertTrue(first.startsWith("HTTP/1.1 200"), first);

      // The next request on the connection has the usual limit again.
      out.write(
          "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2000000\r\n\r\n"
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String second = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(second.startsWith("HTTP/1.1 413"), second);
    }
    String tooBig =
        http.raw(
            "POST "
                + UPLOAD
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: "
                + (MAX_UPLOAD + 1)
                + "\r\n\r\n");
    assertTrue(tooBig.startsWith("HTTP/1.1 413"), tooBig);
  }

  /** Reads from {@code in} until what was read ends with {@code end}. */
  private static String readUntil(InputStream in, String end) throws IOException {
    StringBuilder read = new StringBuilder();
    while (!read.toString().endsWith(end)) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      read.append((char) b);
    }
    return read.toString();
  }

  @Test
  void failingRoute_answers500_andTheServerKeepsServing() throws Exception {
    HttpResponse<String> response = http.get("/boom");

    assertEquals(500, response.statusCode());
    assertEquals("internal error", Json.MAPPER.readTree(response.body()).get("error").asText());
    assertEquals(200, http.get("/hello").statusCode());
  }

  @Test
  void pipelinedRequests_areAnsweredInTheirOrder_onOneConnection() throws Exception {
    String answer =
        http.raw(
            "GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    int slow = answer.indexOf("slow");
    int fast = answer.indexOf("fast");
    assertTrue(slow > 0 && fast > slow, answer);
    assertEquals(2, answer.split("HTTP/1.1 200", -1).length - 1, answer);
  }

  @Test
  void close_closesTheConnectionsStillOpen() throws Exception {
    List<Socket> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        Socket socket = new Socket("127.0.0.1", http.server.port());
        socket.setSoTimeout(5000);
        clients.add(socket);
        if (i > 0) {
          // Answered and kept alive; the first one never asks.
          socket
              .getOutputStream()
              .write("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
          byte[] head = new byte[12];
          assertEquals(12, socket.getInputStream().readNBytes(head, 0, 12));
          assertEquals("HTTP/1.1 200", new String(head, StandardCharsets.ISO_8859_1));
        }
      }

      http.server.close();

      for (Socket socket : clients) {
        InputStream in = socket.getInputStream();
        while (in.read() >= 0) {
          // the rest of the answer, then the end: a read that times out fails the test
        }
      }
    } finally {
      for (Socket socket : clients) {
        socket.close();
      }
    }
  }

  @Test
  void start_onAPortInUse_failsNamingTheAddress() {
    HttpServer second =
        new HttpServer(new HttpSettings("127.0.0.1", http.server.port()), http.router);

    IllegalStateException e = assertThrows(IllegalStateException.class, second::start);

    assertTrue(e.getMessage().contains("127.0.0.1:" + http.server.port()), e.getMessage());
    second.close();
  }

  @Test
  void webSocketPath_askedWithoutAnUpgrade_answers426() throws Exception {
    http.router.webSocket("/ws", Access.open(), TestWebSocket.closing());

    HttpResponse<String> response = http.get("/ws");

    assertEquals(426, response.statusCode());
    assertEquals("websocket", response.headers().firstValue("upgrade").orElseThrow());
  }

  @Test
  void webSocketPath_takenByARoute_isRefused_andTheOtherWayRound() {
    http.router.webSocket("/ws", Access.open(), TestWebSocket.closing());

    assertThrows(
        IllegalArgumentException.class,
        () -> http.router.webSocket("/hello", Access.open(), TestWebSocket.closing()));
    assertThrows(
        IllegalArgumentException.class, () -> http.router.get("/ws", Access.open(), r -> null));
  }

  @Test
  void anOpenRoute_takingBigBodies_isRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> http.router.post("/open-upload", Access.open(), MAX_UPLOAD, r -> null));
  }

  @Test
  void route_registeredTwice_isRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> http.router.get("/hello", Access.open(), r -> null));
  }
}
