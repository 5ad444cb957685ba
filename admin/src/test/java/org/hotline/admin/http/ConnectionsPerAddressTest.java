package org.hotline.admin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hotline.config.HttpSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One address may hold only so many connections: the next is answered 429 and closed. */
class ConnectionsPerAddressTest {
  final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  HttpServer server;

  @BeforeEach
  void start() {
    Router router =
        new Router(workers, meters)
            .get(
                "/fast",
                Access.open(),
                r -> Response.text(HttpResponseStatus.OK, Response.TEXT, "fast"));
    server =
        new HttpServer(
            new HttpSettings("127.0.0.1", 0, false, false, 2, java.util.List.of()), router);
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    workers.close();
  }

  @Test
  void aConnectionOverTheCap_isAnswered429AndClosed_andOneClosedMakesRoom() throws Exception {
    try (Socket first = open();
        Socket second = open()) {
      assertTrue(ask(first).startsWith("HTTP/1.1 200"));
      assertTrue(ask(second).startsWith("HTTP/1.1 200"));

      String third;
      try (Socket over = open()) {
        third = new String(over.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      }
      assertTrue(third.startsWith("HTTP/1.1 429"), third);
      assertTrue(third.contains("Retry-After: 10"), third);
      assertEquals(1.0, meters.get("hotline.http.connections.refused").counter().count());

      first.close();
      long deadline = System.nanoTime() + 5_000_000_000L;
      String again = "";
      while (!again.startsWith("HTTP/1.1 200") && System.nanoTime() < deadline) {
        try (Socket next = open()) {
          again = ask(next);
        }
      }
      assertTrue(again.startsWith("HTTP/1.1 200"), "room again once one closed: " + again);
    }
  }

  private Socket open() throws Exception {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(5000);
    return socket;
  }

  /** Sends one GET and reads its answer's head and body ("fast"). */
  private static String ask(Socket socket) throws Exception {
    socket
        .getOutputStream()
        .write("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    InputStream in = socket.getInputStream();
    StringBuilder read = new StringBuilder();
    while (!read.toString().endsWith("fast") && !read.toString().endsWith("}")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      read.append((char) b);
    }
    return read.toString();
  }
}
