package org.hotline.admin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who sends a request is checked on its head, before its body is read: a big upload without
 * credentials, or from a role the route does not admit, is answered at once and never held; an
 * admitted one is told to go on ({@code 100 Continue}) only then, and has its route's limit.
 */
class HeadCheckTest {
  static final int BIG = 64 * 1024 * 1024;
  static final String SUPERVISOR = "X-Test-User: lin supervisor\r\n";
  static final String AGENT = "X-Test-User: 1001 agent\r\n";

  final AtomicInteger checks = new AtomicInteger();
  TestServer http;

  @BeforeEach
  void start() {
    http =
        new TestServer(
            request -> {
              checks.incrementAndGet();
              return TestServer.fromHeader(request);
            },
            router ->
                router
                    .post(
                        "/upload",
                        Access.roles(Role.SUPERVISOR, Role.ADMIN),
                        BIG,
                        r ->
                            Response.text(
                                HttpResponseStatus.OK, Response.TEXT, "got " + r.body().length))
                    .post(
                        "/notes",
                        Access.roles(Role.AGENT, Role.SUPERVISOR),
                        r ->
                            Response.text(
                                HttpResponseStatus.OK, Response.TEXT, "noted " + r.body().length))
                    .get(
                        "/open",
                        Access.open(),
                        r -> Response.text(HttpResponseStatus.OK, Response.TEXT, "open")));
  }

  @AfterEach
  void stop() {
    http.close();
  }

  @Test
  void aBigUploadWithoutCredentials_isAnswered401OnItsHeaders_beforeItsBodyIsRead()
      throws Exception {
    String answer =
        headOnly("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: " + BIG + "\r\n\r\n");

    assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
    assertTrue(
        answer.contains("Connection: close") || answer.contains("connection: close"),
        "the body is not read: " + answer);
  }

  @Test
  void aBigUploadFromARoleTheRouteDoesNotAdmit_isAnswered403OnItsHeaders() throws Exception {
    String answer =
        headOnly(
            "POST /upload HTTP/1.1\r\nHost: x\r\n" + AGENT + "Content-Length: " + BIG + "\r\n\r\n");

    assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
  }

  @Test
  void anAdmittedUpload_isToldToGoOnOnlyAfterTheCheck_andIsRead() throws Exception {
    int size = 3 * 1024 * 1024;
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(
          ("POST /upload HTTP/1.1\r\nHost: x\r\n"
                  + SUPERVISOR
                  + "Expect: 100-continue\r\nContent-Length: "
                  + size
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      assertTrue(readUntil(in, "\r\n\r\n").startsWith("HTTP/1.1 100 Continue"));

      out.write(new byte[size]);
      out.flush();
      String answer = readUntil(in, "got " + size);
      assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    }
    assertEquals(1, checks.get(), "the credentials are checked once, on the head");
  }

  @Test
  void anAdmittedUser_onARouteOfTheUsualLimit_isRefused413() throws Exception {
    String answer =
        headOnly(
            "POST /notes HTTP/1.1\r\nHost: x\r\n"
                + SUPERVISOR
                + "Connection: close\r\nContent-Length: 2000000\r\n\r\n");

    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
  }

  @Test
  void aRefusedRequestWithoutABody_leavesTheConnectionOpen_andRequestsAreAnsweredInOrder()
      throws Exception {
    String answer =
        http.raw(
            "GET /open HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /notes HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
                + "POST /notes HTTP/1.1\r\nHost: x\r\n"
                + AGENT
                + "Content-Length: 4\r\n\r\nabcd"
                + "GET /open HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    int open = answer.indexOf("HTTP/1.1 200");
    int refused = answer.indexOf("HTTP/1.1 401");
    int noted = answer.indexOf("noted 4");
    int last = answer.lastIndexOf("HTTP/1.1 200");
    assertTrue(open >= 0 && open < refused && refused < noted && noted < last, answer);
  }

  @Test
  void aPipelinedRefusal_behindAnAdmittedUpload_doesNotTakeItsBody() throws Exception {
    String answer =
        http.raw(
            "POST /upload HTTP/1.1\r\nHost: x\r\n"
                + SUPERVISOR
                + "Content-Length: 5\r\n\r\nhello"
                + "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nworld");

    assertTrue(
        answer.indexOf("got 5") > 0 && answer.indexOf("got 5") < answer.indexOf("HTTP/1.1 401"),
        answer);
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", http.server.port());
    socket.setSoTimeout(5_000);
    return socket;
  }

  /**
   * Sends {@code head} and no body, and reads the answer until the server closes, failing after 5
   * s.
   */
  private String headOnly(String head) throws Exception {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
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
}
