package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
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
    assertEquals(3.0, server.counter("hotline_sip_registered_users"), "three agents' phones are bound");
  }

  @Test
  void register_withWrongPassword_gets401Then403() throws Exception {
    Sipp sipp =
        new Sipp(
            "uac-register-bad-password-expect-403.xml",
            "127.0.0.1:" + server.sipPort,
            "-s", "1002",
            "-au", "1002",
            "-ap", "wrong",
            "-m", "1",
            "-p", String.valueOf(FreePorts.udpAndTcp()),
            "-timeout", "20s");
    assertEquals(0, sipp.run(30), sipp.output());
  }

  @Test
  void register_unknownUser_getsTheSameAnswers() throws Exception {
    Sipp sipp =
        new Sipp(
            "uac-register-bad-password-expect-403.xml",
            "127.0.0.1:" + server.sipPort,
            "-s", "4242",
            "-au", "4242",
            "-ap", "s3cret",
            "-m", "1",
            "-p", String.valueOf(FreePorts.udpAndTcp()),
            "-timeout", "20s");
    assertEquals(0, sipp.run(30), sipp.output());
  }
}
