package org.hotline.admin.it;

import java.util.ArrayList;
import java.util.List;

/** Registers demo agents with SIPp so their Contact points at an answering SIPp. */
final class Agents {
  private static final int PARALLEL = 8;

  private Agents() {}

  /**
   * Registers agents {@code 1001..1000+n} with {@code password}; their phones are the
   * uas-agent-answer SIPp listening on {@code contactPort}. One SIPp per agent (SIPp takes the
   * digest user from -au), several at a time.
   */
  static void register(RunningServer server, int n, int contactPort, String password)
      throws Exception {
    for (int first = 0; first < n; first += PARALLEL) {
      List<Sipp> batch = new ArrayList<>();
      for (int i = first; i < Math.min(n, first + PARALLEL); i++) {
        batch.add(registration(server, String.valueOf(1001 + i), password, contactPort).start());
      }
      for (Sipp sipp : batch) {
        int code = sipp.await(30);
        if (code != 0) {
          throw new AssertionError(
              "agent registration failed (sipp exit " + code + "):\n" + sipp.output());
        }
      }
    }
  }

  static Sipp registration(RunningServer server, String user, String password, int contactPort) {
    return new Sipp(
        "uac-register-agent-expect-200.xml",
        "127.0.0.1:" + server.sipPort,
        "-s",
        user,
        "-au",
        user,
        "-ap",
        password,
        "-key",
        "contact_port",
        String.valueOf(contactPort),
        "-key",
        "expires",
        "300",
        "-m",
        "1",
        "-p",
        String.valueOf(FreePorts.udpAndTcp()),
        "-timeout",
        "20s");
  }
}
