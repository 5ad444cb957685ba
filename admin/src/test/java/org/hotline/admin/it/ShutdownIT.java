package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Signals to a running server process. SIGTERM: it stops taking calls, ends the live call on both
 * legs with BYE, commits its CDR, and exits. SIGHUP: it reloads the flows file.
 */
class ShutdownIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void sigterm_endsLiveCallsWithBye_writesTheirCdrs_andExits() throws Exception {
    Path jar = ProjectFiles.dir("admin/target").resolve("hotline.jar");
    assertTrue(Files.isRegularFile(jar), "build the jar first: " + jar);
    Path data = Files.createTempDirectory("hotline-shutdown");
    int sipPort = FreePorts.udpAndTcp();
    int httpPort = FreePorts.udpAndTcp();
    int rtp = FreePorts.consecutive(100);
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(
        List.of(
            "-Dhotline.sip.host=127.0.0.1",
            "-Dhotline.sip.port=" + sipPort,
            "-Dhotline.http.host=127.0.0.1",
            "-Dhotline.http.port=" + httpPort,
            "-Dhotline.rtp.port-min=" + rtp,
            "-Dhotline.rtp.port-max=" + (rtp + 99),
            "-Dhotline.data.dir=" + data,
            "-Dhotline.shutdown.grace=1",
            "-Dhotline.admin.password=" + RunningServer.ADMIN_PASSWORD,
            "-jar",
            jar.toString()));
    Path log = data.resolve("server.log");
    Process server =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      awaitHealthy(httpPort);
      int phonePort = FreePorts.udpAndTcp();
      Sipp phone =
          new Sipp(
                  "uas-agent-answer.xml",
                  "-p",
                  String.valueOf(phonePort),
                  "-mp",
                  String.valueOf(FreePorts.consecutive(4)),
                  "-m",
                  "1",
                  "-timeout",
                  "60s")
              .start();
      Sipp register =
          new Sipp(
              "uac-register-agent-expect-200.xml",
              "127.0.0.1:" + sipPort,
              "-s",
              "1001",
              "-au",
              "1001",
              "-ap",
              "hotline",
              "-key",
              "contact_port",
              String.valueOf(phonePort),
              "-key",
              "expires",
              "300",
              "-m",
              "1",
              "-p",
              String.valueOf(FreePorts.udpAndTcp()),
              "-timeout",
              "20s");
      assertEquals(0, register.run(30), register.output());
      Sipp caller =
          new Sipp(
                  "uac-call-100-english-sales-expect-bye.xml",
                  "127.0.0.1:" + sipPort,
                  "-s",
                  "200",
                  "-p",
                  String.valueOf(FreePorts.udpAndTcp()),
                  "-mp",
                  String.valueOf(FreePorts.consecutive(4)),
                  "-m",
                  "1",
                  "-timeout",
                  "60s")
              .start();
      awaitMetric(httpPort, "hotline_acd_offers_answered_total 1.0");

      server.destroy(); // SIGTERM
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), "server exits after SIGTERM");
      assertEquals(0, caller.await(30), "caller got BYE: " + caller.output());
      assertEquals(0, phone.await(30), "agent got BYE: " + phone.output());
      try (Connection db =
              DriverManager.getConnection(
                  "jdbc:h2:file:" + data.resolve("hotline"), "hotline", "");
          ResultSet rs =
              db.createStatement()
                  .executeQuery("select outcome, hangup_cause, agent_id from cdr")) {
        assertTrue(rs.next(), "a CDR was committed");
        assertEquals("answered", rs.getString(1));
        assertEquals("shutdown", rs.getString(2));
        assertEquals("1001", rs.getString(3));
      }
    } finally {
      if (server.isAlive()) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        System.err.println(Files.readString(log));
      }
    }
  }

  @Test
  void sighup_reloadsTheFlowsFile() throws Exception {
    Path jar = ProjectFiles.dir("admin/target").resolve("hotline.jar");
    assertTrue(Files.isRegularFile(jar), "build the jar first: " + jar);
    Path data = Files.createTempDirectory("hotline-sighup");
    Path flows = Files.writeString(data.resolve("flows.yaml"), FLOWS.formatted("100"));
    int sipPort = FreePorts.udpAndTcp();
    int httpPort = FreePorts.udpAndTcp();
    int rtp = FreePorts.consecutive(20);
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(
        List.of(
            "-Dhotline.sip.host=127.0.0.1",
            "-Dhotline.sip.port=" + sipPort,
            "-Dhotline.http.host=127.0.0.1",
            "-Dhotline.http.port=" + httpPort,
            "-Dhotline.rtp.port-min=" + rtp,
            "-Dhotline.rtp.port-max=" + (rtp + 19),
            "-Dhotline.data.dir=" + data,
            "-Dhotline.shutdown.grace=0",
            "-Dhotline.ivr.flows=" + flows,
            "-Dhotline.admin.password=" + RunningServer.ADMIN_PASSWORD,
            "-jar",
            jar.toString()));
    Path log = data.resolve("server.log");
    Process server =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      awaitHealthy(httpPort);
      if (hangupIgnoredHere()) {
        assertTrue(
            Files.readString(log).contains("SIGHUP is ignored by this process"),
            "the server says it ignores SIGHUP");
        fail(
            "this JVM ignores SIGHUP (started with nohup?), and so does the server it starts: run the tests without nohup");
      }
      Files.writeString(flows, FLOWS.formatted("555"));
      // The shell's own kill: a fresh machine may have no kill program (procps).
      Process hup = new ProcessBuilder("sh", "-c", "kill -HUP " + server.pid()).start();
      assertEquals(0, hup.waitFor(), "kill -HUP");
      awaitMetric(httpPort, "hotline_ivr_reloads_total 1.0");
      Sipp gone =
          new Sipp(
              "uac-call-unknown-number-expect-404.xml",
              "127.0.0.1:" + sipPort,
              "-s",
              "100",
              "-p",
              String.valueOf(FreePorts.udpAndTcp()),
              "-m",
              "1",
              "-timeout",
              "20s");
      assertEquals(0, gone.run(30), "100 is no longer served after the reload: " + gone.output());
      assertTrue(server.isAlive(), "the server runs on after SIGHUP");
    } finally {
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        System.err.println(Files.readString(log));
      }
    }
  }

  private static final String FLOWS =
      """
      numbers:
        "%s": front
      queues:
        sales: {}
      flows:
        front:
          - enqueue: sales
      """;

  /** Whether this process was started with SIGHUP ignored, which a process it starts inherits. */
  private static boolean hangupIgnoredHere() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    return Files.readAllLines(status).stream()
        .filter(line -> line.startsWith("SigIgn:"))
        .anyMatch(
            line -> (Long.parseLong(line.substring(7).trim(), 16) & 1L) != 0); // bit 0: SIGHUP
  }

  private void awaitHealthy(int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // the server is still starting
      }
      Thread.sleep(200);
    }
    throw new AssertionError("server not healthy within 60 s");
  }

  private void awaitMetric(int port, String line) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String body = "";
    while (System.nanoTime() < deadline) {
      // As Prometheus scrapes: HTTP Basic as a supervisor or administrator.
      body =
          http.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                      .header(
                          "Authorization",
                          "Basic "
                              + java.util.Base64.getEncoder()
                                  .encodeToString(
                                      ("admin:" + RunningServer.ADMIN_PASSWORD)
                                          .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      if (body.lines().anyMatch(line::equals)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("metric '" + line + "' not seen within 30 s");
  }
}
