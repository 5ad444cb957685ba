package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The SIP edge holds under attack, driven from outside by SIPp and SIPVicious on loopback. The
 * server trusts 127.0.0.1 (its test callers and agents, as a carrier's gateway would be); other
 * 127.x addresses are strangers.
 */
class SipEdgeIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void passwordGuesser_isBannedBeforeItFindsThePassword_whileTheAgentsPhoneStillRegisters()
      throws Exception {
    try (RunningServer server =
        new RunningServer(Map.of("hotline.demo.password", "right-one-42"))) {
      Path dir = Files.createTempDirectory("guesses");
      List<String> lines = new ArrayList<>(List.of("SEQUENTIAL"));
      for (int i = 0; i < 60; i++) {
        String guess = i == 30 ? "right-one-42" : "guess" + i;
        lines.add("1001;[authentication username=1001 password=" + guess + "]");
      }
      Files.write(dir.resolve("guesses.csv"), lines);
      Sipp guesser =
          Sipp.client(
                  server,
                  "uac-register-digest-users-expect-200.xml",
                  "1001",
                  "-inf",
                  dir.resolve("guesses.csv").toString(),
                  "-m",
                  "60",
                  "-r",
                  "20",
                  "-l",
                  "1",
                  "-recv_timeout",
                  "2s",
                  "-timeout",
                  "30s",
                  "-trace_stat",
                  "-stf",
                  dir.resolve("stat.csv").toString())
              .from("127.0.0.2");
      guesser.run(45);

      assertEquals(
          0, successfulCalls(dir.resolve("stat.csv")), "no guess was let in: " + guesser.output());
      JsonNode bans = JSON.readTree(server.get("/api/security/bans")).path("bans");
      assertEquals(1, bans.size(), bans.toString());
      assertEquals("127.0.0.2", bans.get(0).path("address").asText());
      assertTrue(
          bans.get(0).path("reason").asText().contains("10 digest failures"), bans.toString());
      assertTrue(
          server.counter("hotline_sip_dropped_total") > 0,
          "the banned source's packets are dropped");
      assertTrue(server.get("/api/audit").contains("SIP ban"), "the ban is in the audit log");

      // The agent's own phone, at another address, registers as ever.
      assertEquals(
          0, Agents.registration(server, "1001", "right-one-42", FreePorts.udpAndTcp()).run(30));

      // An administrator lifts the ban; the address is heard again.
      assertEquals(200, server.send("DELETE", "/api/security/bans/127.0.0.2", "").statusCode());
      assertEquals(0, JSON.readTree(server.get("/api/security/bans")).path("bans").size());
      Sipp again =
          Agents.registration(server, "1002", "right-one-42", FreePorts.udpAndTcp())
              .from("127.0.0.2");
      assertEquals(0, again.run(30), again.output());
    }
  }

  @Test
  void svcrack_andSvwar_learnNothing_andAreBanned() throws Exception {
    Path svcrack = ExternalTool.require("svcrack", "sipvicious");
    Path svwar = ExternalTool.require("svwar", "sipvicious");
    // SIPVicious 0.3.3 sends from 127.0.0.1 whatever its -b says, so here nothing is trusted.
    try (RunningServer server =
        new RunningServer(
            Map.of("hotline.demo.password", "4242", "hotline.security.sip.trusted", ""))) {
      String crack =
          runTool(
              List.of(
                  svcrack.toString(),
                  "-u",
                  "1001",
                  "-r",
                  "4200-4300",
                  "-p",
                  String.valueOf(server.sipPort),
                  "-P",
                  String.valueOf(FreePorts.udpAndTcp()),
                  "--maximumtime",
                  "3",
                  "127.0.0.1"));
      assertFalse(crack.contains("4242"), "svcrack found the password:\n" + crack);
      String bans = server.get("/api/security/bans");
      assertTrue(bans.contains("127.0.0.1") && bans.contains("friendly-scanner"), bans);

      assertEquals(200, server.send("DELETE", "/api/security/bans/127.0.0.1", "").statusCode());
      String war =
          runTool(
              List.of(
                  svwar.toString(),
                  "-e",
                  "1000-1010",
                  "-m",
                  "REGISTER",
                  "-p",
                  String.valueOf(server.sipPort),
                  "-P",
                  String.valueOf(FreePorts.udpAndTcp()),
                  "--maximumtime",
                  "3",
                  "127.0.0.1"));
      assertFalse(war.contains("1001"), "svwar found an extension:\n" + war);
      assertTrue(server.get("/api/security/bans").contains("127.0.0.1"), "svwar is banned too");
      assertTrue(
          server.counter("hotline_sip_dropped_total") >= 2,
          "their requests were dropped unanswered");
    }
  }

  @Test
  void inviteFlood_fromOneAddress_refusedWith503_whileCallersFromElsewhereAllReachAgents()
      throws Exception {
    int calls = 40;
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "20"))) {
      int agentPort = FreePorts.udpAndTcp();
      Sipp phones =
          Sipp.phone(
                  "uas-agent-answer.xml", agentPort, "-m", String.valueOf(calls), "-timeout", "90s")
              .start();
      Sipp flood =
          Sipp.client(
                  server,
                  "uac-invite-flood.xml",
                  "100",
                  "-r",
                  "400",
                  "-m",
                  "4000",
                  "-l",
                  "4000",
                  "-timeout",
                  "40s",
                  "-recv_timeout",
                  "5s")
              .from("127.0.0.3");
      try {
        Agents.register(server, 20, agentPort, "hotline");
        flood.start();
        Sipp callers =
            Sipp.client(
                server,
                "uac-call-100-english-sales-expect-agent.xml",
                "100",
                "-r",
                "10",
                "-m",
                String.valueOf(calls),
                "-l",
                String.valueOf(calls),
                "-d",
                "2000",
                "-timeout",
                "80s");
        assertEquals(0, callers.run(100), callers.output());
      } finally {
        flood.stop();
        phones.stop();
      }
      assertEquals(
          calls, awaitCallsWithAnAgent(server, calls), "every real caller talked to an agent");
      double refused = server.counter("hotline_sip_refused_total");
      assertTrue(refused > 1000, "the flood was refused with 503: " + refused);
      assertEquals(200, server.health().statusCode());
    }
  }

  @Test
  void
      registerStorm_farAboveCapacity_isShed_whileACallUpGoesOn_thenPhonesAndCallsWorkAgain_withTheHeapBounded()
          throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "1"))) {
      // Phones that are no agents of this server: each is challenged and refused, the whole digest
      // exchange, and none becomes an agent that calls could be offered to.
      Path dir = Files.createTempDirectory("storm");
      List<String> lines = new ArrayList<>(List.of("SEQUENTIAL"));
      for (int i = 2000; i < 2200; i++) {
        lines.add(i + ";[authentication username=" + i + " password=hotline]");
      }
      Files.write(dir.resolve("users.csv"), lines, StandardCharsets.UTF_8);
      int agentPort = FreePorts.udpAndTcp();
      Sipp phone =
          Sipp.phone("uas-agent-answer.xml", agentPort, "-m", "2", "-timeout", "90s").start();
      try {
        assertEquals(0, Agents.registration(server, "1001", "hotline", agentPort).run(30));
        // A call that is up when the storm starts and hangs up in the middle of it.
        Sipp callUp =
            Sipp.client(
                    server,
                    "uac-call-100-english-sales-expect-agent.xml",
                    "100",
                    "-m",
                    "1",
                    "-d",
                    "6000",
                    "-timeout",
                    "60s")
                .start();
        awaitCallsActive(server, 1);
        Thread.sleep(2_000);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long limit = memory.getHeapMemoryUsage().getMax();
        Sipp storm =
            Sipp.client(
                server,
                "uac-register-digest-users-expect-200.xml",
                "storm",
                "-inf",
                dir.resolve("users.csv").toString(),
                "-r",
                "8000",
                "-m",
                "48000",
                "-l",
                "100000",
                "-timeout",
                "12s",
                "-recv_timeout",
                "3s",
                "-max_recv_loops",
                "10000",
                "-max_sched_loops",
                "10000");
        storm.run(30);

        assertEquals(
            0, callUp.await(60), "the call up went on through the storm: " + callUp.output());
        assertTrue(
            server.counter("hotline_sip_refused_total")
                    + server.counter("hotline_sip_dropped_total")
                > 0,
            "the storm was beyond capacity and shed");
        System.gc();
        long used = memory.getHeapMemoryUsage().getUsed();
        assertTrue(
            used < limit / 2,
            "heap after the storm: " + used / 1_048_576 + " MB of " + limit / 1_048_576 + " MB");
        assertEquals(200, server.health().statusCode());

        // Then the server answers as ever: a phone registers and a new call reaches it.
        assertEquals(0, Agents.registration(server, "1001", "hotline", agentPort).run(30));
        Sipp caller =
            Sipp.client(
                server,
                "uac-call-100-english-sales-expect-agent.xml",
                "100",
                "-m",
                "1",
                "-d",
                "3000",
                "-timeout",
                "60s");
        assertEquals(0, caller.run(70), caller.output());
        assertEquals(
            0, phone.await(30), "the agent's phone answered both calls: " + phone.output());
      } finally {
        phone.stop();
      }
      assertEquals(2, awaitCallsWithAnAgent(server, 2), "both calls reached the agent");
    }
  }

  /**
   * The CDRs of calls answered by an agent, once there are {@code n} of them or 30 s have passed.
   */
  @Test
  void requestsClaimingDialogsThatDoNotExist_areLimitedLikeNewOnes_andPileUpNoTransactions()
      throws Exception {
    int sent = 600;
    try (RunningServer server = new RunningServer(Map.of());
        DatagramSocket stranger = new DatagramSocket(new InetSocketAddress("127.0.0.3", 0))) {
      for (int i = 0; i < sent; i++) {
        String method = i % 2 == 0 ? "BYE" : "CANCEL";
        String toTag = method.equals("BYE") ? ";tag=made-up-" + i : "";
        String request =
            method
                + " sip:100@127.0.0.1:"
                + server.sipPort
                + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.3:"
                + stranger.getLocalPort()
                + ";branch=z9hG4bK-stray-"
                + i
                + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:666@127.0.0.3>;tag=stray\r\n"
                + "To: <sip:100@127.0.0.1>"
                + toTag
                + "\r\n"
                + "Call-ID: stray-"
                + i
                + "@127.0.0.3\r\n"
                + "CSeq: 1 "
                + method
                + "\r\n"
                + "Content-Length: 0\r\n\r\n";
        byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
        stranger.send(
            new DatagramPacket(
                bytes, bytes.length, InetAddress.getByName("127.0.0.1"), server.sipPort));
      }
      Map<String, Integer> answers = new java.util.TreeMap<>();
      stranger.setSoTimeout(2_000);
      byte[] buffer = new byte[65_535];
      for (int i = 0; i < sent; i++) {
        DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
        try {
          stranger.receive(answer);
        } catch (java.net.SocketTimeoutException e) {
          break;
        }
        String status =
            new String(buffer, 0, Math.min(answer.getLength(), 11), StandardCharsets.US_ASCII);
        answers.merge(status, 1, Integer::sum);
      }
      int served = answers.getOrDefault("SIP/2.0 481", 0);
      assertTrue(
          answers.getOrDefault("SIP/2.0 503", 0) > 0,
          "beyond its rate the stranger gets 503: " + answers);
      assertTrue(
          served < sent / 2, "only what its rate allows reaches the transaction layer: " + answers);
      assertTrue(
          server.counter("hotline_sip_server_transactions") <= served,
          "no transaction was made for the refused ones: " + answers);
      assertEquals(
          0,
          Agents.registration(server, "1001", "hotline", FreePorts.udpAndTcp()).run(30),
          "phones still register");
    }
  }

  private static int awaitCallsWithAnAgent(RunningServer server, int n) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    int answered = 0;
    while (System.nanoTime() < deadline) {
      answered = 0;
      for (JsonNode cdr : JSON.readTree(server.get("/api/cdrs"))) {
        if ("answered".equals(cdr.path("outcome").asText())
            && !cdr.path("agentId").asText("").isEmpty()) {
          answered++;
        }
      }
      if (answered >= n) {
        break;
      }
      Thread.sleep(200);
    }
    return answered;
  }

  private static void awaitCallsActive(RunningServer server, int n) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (server.counter("hotline_calls_active") < n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no call up within 30 s");
      }
      Thread.sleep(100);
    }
  }

  private static long successfulCalls(Path statCsv) throws IOException {
    List<String> rows = Files.readAllLines(statCsv);
    String[] header = rows.get(0).split(";");
    String[] last = rows.get(rows.size() - 1).split(";");
    for (int i = 0; i < header.length; i++) {
      if (header[i].equals("SuccessfulCall(C)")) {
        return Long.parseLong(last[i].trim());
      }
    }
    throw new IOException("no SuccessfulCall(C) column in " + statCsv);
  }

  private static String runTool(List<String> command) throws Exception {
    Path out = Files.createTempFile("sipvicious", ".log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    return Files.readString(out);
  }
}
