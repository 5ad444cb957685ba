package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Agents' phones register with digest authentication, as SIPp shows from outside. */
class RegistrationIT {
  private static RunningServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new RunningServer(Map.of("hotline.demo.password", "s3cret"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void health_isUpOnceStarted() throws Exception {
    assertTrue(server.get("/health").contains("up"));
  }

  @Test
  void register_withRightPassword_gets200() throws Exception {
    Agents.register(server, 3, FreePorts.udpAndTcp(), "s3cret");
    assertEquals(
        3.0, server.counter("hotline_sip_registered_users"), "three agents' phones are bound");
  }

  @Test
  void register_withWrongPassword_gets401Then403() throws Exception {
    Sipp sipp =
        new Sipp(
            "uac-register-bad-password-expect-403.xml",
            "127.0.0.1:" + server.sipPort,
            "-s",
            "1002",
            "-au",
            "1002",
            "-ap",
            "wrong",
            "-m",
            "1",
            "-p",
            String.valueOf(FreePorts.udpAndTcp()),
            "-timeout",
            "20s");
    assertEquals(0, sipp.run(30), sipp.output());
  }

  @Test
  void register_unknownUser_getsTheSameAnswers() throws Exception {
    Sipp sipp =
        new Sipp(
            "uac-register-bad-password-expect-403.xml",
            "127.0.0.1:" + server.sipPort,
            "-s",
            "4242",
            "-au",
            "4242",
            "-ap",
            "s3cret",
            "-m",
            "1",
            "-p",
            String.valueOf(FreePorts.udpAndTcp()),
            "-timeout",
            "20s");
    assertEquals(0, sipp.run(30), sipp.output());
  }

  @Test
  void aRetransmittedRegister_getsTheSameAnswerAgain_andLeavesNoTransactionBehind()
      throws Exception {
    try (DatagramSocket phone =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      phone.setSoTimeout(5_000);
      String first = register(phone, "z9hG4bK-retransmit-1", 1, null);
      byte[] challenge = exchange(phone, first);
      assertArrayEquals(
          challenge,
          exchange(phone, first),
          "the retransmission is answered with the same 401, nonce and all");
      String challengeText = new String(challenge, StandardCharsets.UTF_8);
      assertTrue(challengeText.startsWith("SIP/2.0 401"), challengeText);

      String second =
          register(
              phone, "z9hG4bK-retransmit-2", 2, authorization(challengeText, "1005", "s3cret"));
      byte[] ok = exchange(phone, second);
      String okText = new String(ok, StandardCharsets.UTF_8);
      assertTrue(okText.startsWith("SIP/2.0 200"), okText);
      assertArrayEquals(
          ok,
          exchange(phone, second),
          "the retransmission gets the same 200, To tag and all, not a replay refusal");
    }
    assertEquals(
        0.0,
        server.counter("hotline_sip_server_transactions"),
        "REGISTER is answered without server transactions");
  }

  private String register(DatagramSocket phone, String branch, int cseq, String authorization) {
    int port = phone.getLocalPort();
    return "REGISTER sip:127.0.0.1:"
        + server.sipPort
        + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:"
        + port
        + ";branch="
        + branch
        + ";rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:1005@127.0.0.1>;tag=retransmit\r\n"
        + "To: <sip:1005@127.0.0.1>\r\n"
        + "Call-ID: retransmit-"
        + port
        + "@127.0.0.1\r\n"
        + "CSeq: "
        + cseq
        + " REGISTER\r\n"
        + "Contact: <sip:1005@127.0.0.1:"
        + port
        + ">\r\n"
        + "Expires: 60\r\n"
        + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
        + "Content-Length: 0\r\n\r\n";
  }

  private byte[] exchange(DatagramSocket phone, String request) throws Exception {
    byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
    phone.send(
        new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), server.sipPort));
    DatagramPacket answer = new DatagramPacket(new byte[65_535], 65_535);
    phone.receive(answer);
    return Arrays.copyOf(answer.getData(), answer.getLength());
  }

  /** An RFC 7616 digest answer (qop=auth) to the challenge in {@code response}. */
  private String authorization(String response, String user, String password) throws Exception {
    String realm = param(response, "realm");
    String nonce = param(response, "nonce");
    String algorithm = param(response, "algorithm");
    String hash = algorithm.equalsIgnoreCase("SHA-256") ? "SHA-256" : "MD5";
    String uri = "sip:127.0.0.1:" + server.sipPort;
    String cnonce = "0a4f113b";
    String ha1 = hex(hash, user + ":" + realm + ":" + password);
    String ha2 = hex(hash, "REGISTER:" + uri);
    String digest = hex(hash, ha1 + ":" + nonce + ":00000001:" + cnonce + ":auth:" + ha2);
    return "Digest username=\""
        + user
        + "\", realm=\""
        + realm
        + "\", nonce=\""
        + nonce
        + "\", uri=\""
        + uri
        + "\", response=\""
        + digest
        + "\", algorithm="
        + algorithm
        + ", qop=auth, nc=00000001, cnonce=\""
        + cnonce
        + "\"";
  }

  private static String param(String response, String name) {
    Matcher m = Pattern.compile("[ ,]" + name + "=\"?([^\",\r\n]+)").matcher(response);
    assertTrue(m.find(), name + " in " + response);
    return m.group(1);
  }

  private static String hex(String algorithm, String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
