package org.hotline.admin.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The customer CSV import on the real server: a file of 100,000 customers sent as it is made
 * (chunked, its length unknown) lands whole; an upload without credentials, or announced larger
 * than {@code hotline.customer.import-max-mib}, is answered on its head without its body being
 * asked for; one that turns out larger is cut off with 413 and stores nothing.
 */
class CustomerImportIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] LEVELS = {"VIP", "gold", "silver", "normal"};
  private static RunningServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new RunningServer(Map.of("hotline.customer.import-max-mib", "8"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** {@code count} rows of customers numbered from {@code first}, made as they are read. */
  private static InputStream rows(long first, int count) {
    return new InputStream() {
      private int next;
      private byte[] row = new byte[0];
      private int at;

      @Override
      public int read() {
        if (at == row.length) {
          if (next == count) {
            return -1;
          }
          long n = first + next;
          row =
              ("客户 "
                      + n
                      + ",139"
                      + String.format("%08d", n)
                      + ","
                      + LEVELS[next % 4]
                      + ",retail,\"line one\r\nline two\"\r\n")
                  .getBytes(UTF_8);
          next++;
          at = 0;
        }
        return row[at++] & 0xff;
      }
    };
  }

  private static InputStream csv(long first, int count) {
    return new SequenceInputStream(
        new java.io.ByteArrayInputStream(
            "\uFEFFname,phone,level,category,notes\r\n".getBytes(UTF_8)),
        rows(first, count));
  }

  private static int total() throws Exception {
    return JSON.readTree(server.get("/api/customers?size=1")).get("total").asInt();
  }

  @Test
  void aFileOf100kCustomers_sentAsItIsMade_landsWhole() throws Exception {
    int before = total();
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> r =
        client.send(
            server
                .request("/api/customers/import")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> csv(0, 100_000)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(200, r.statusCode(), r.body());
    JsonNode report = JSON.readTree(r.body());
    assertTrue(report.get("committed").asBoolean(), r.body());
    assertEquals(100_000, report.get("rows").asInt(), r.body());
    assertEquals(100_000, report.get("imported").asInt(), r.body());
    assertEquals(0, report.get("errorCount").asInt(), r.body());
    assertEquals(before + 100_000, total());
    JsonNode last = JSON.readTree(server.get("/api/customers?q=13900099999")).get("items").get(0);
    assertEquals("客户 99999", last.get("name").asText());
    assertEquals("line one\r\nline two", last.get("notes").asText());
    // The audit says how much came, as it did of a body held whole.
    String audit = "";
    for (int i = 0; i < 100 && !audit.contains("body of "); i++) {
      Thread.sleep(100);
      audit = server.get("/api/audit?size=5");
    }
    assertTrue(
        audit.contains("POST /api/customers/import") && audit.contains("200; body of "), audit);

    // The same file again: every number is taken now, and nothing more is stored.
    HttpResponse<String> again =
        client.send(
            server
                .request("/api/customers/import")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> csv(0, 2_000)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(422, again.statusCode(), again.body());
    JsonNode refused = JSON.readTree(again.body());
    assertEquals(2_000, refused.get("errorCount").asInt());
    assertTrue(
        refused.get("errors").get(0).get("reason").asText().contains("belongs to customer"),
        again.body());
    assertEquals(before + 100_000, total());
  }

  @Test
  void anUploadWithoutCredentials_isAnswered401OnItsHead_withoutItsBodyBeingAskedFor()
      throws Exception {
    String status =
        sendHead(
            "POST /api/customers/import HTTP/1.1\r\nHost: test\r\nContent-Type: text/csv\r\n"
                + "Content-Length: 1073741824\r\nExpect: 100-continue\r\n\r\n");
    assertTrue(status.startsWith("HTTP/1.1 401"), status);
  }

  @Test
  void anUploadAnnouncedOverTheLimit_isAnswered413OnItsHead_withoutItsBodyBeingAskedFor()
      throws Exception {
    String status =
        sendHead(
            "POST /api/customers/import HTTP/1.1\r\nHost: test\r\nAuthorization: "
                + server.authorization()
                + "\r\nContent-Type: text/csv\r\nContent-Length: "
                + (9L << 20)
                + "\r\nExpect: 100-continue\r\n\r\n");
    assertTrue(status.startsWith("HTTP/1.1 413"), status);
  }

  @Test
  void anUploadThatTurnsOutOverTheLimit_isCutOff413_andStoresNothing() throws Exception {
    int before = total();
    try (Socket socket = new Socket("127.0.0.1", server.httpPort)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/customers/import HTTP/1.1\r\nHost: test\r\nAuthorization: "
                  + server.authorization()
                  + "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(UTF_8));
      // About 12 MiB of good rows, sent until the server stops taking them.
      Thread sender =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try (InputStream in = csv(500_000, 200_000)) {
                      byte[] chunk = new byte[16 * 1024];
                      for (int n = in.readNBytes(chunk, 0, chunk.length);
                          n > 0;
                          n = in.readNBytes(chunk, 0, chunk.length)) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(UTF_8));
                        out.write(chunk, 0, n);
                        out.write("\r\n".getBytes(UTF_8));
                      }
                      out.write("0\r\n\r\n".getBytes(UTF_8));
                    } catch (IOException e) {
                      // The server closed the connection after its answer.
                    }
                  });
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
      String status = in.readLine();
      assertTrue(status != null && status.startsWith("HTTP/1.1 413"), status);
      StringBuilder answer = new StringBuilder();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        answer.append(line).append('\n');
      }
      assertTrue(answer.toString().contains("hotline.customer.import-max-mib"), answer.toString());
      sender.join(60_000);
    }
    assertEquals(before, total(), "nothing of the cut-off file was stored");
  }

  /**
   * Sends {@code head} alone and returns the status line of the answer, which must come without the
   * body.
   */
  private static String sendHead(String head) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.httpPort)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(head.getBytes(UTF_8));
      socket.getOutputStream().flush();
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8)).readLine();
    }
  }
}
