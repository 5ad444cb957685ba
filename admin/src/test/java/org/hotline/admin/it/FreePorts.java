package org.hotline.admin.it;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Picks ports on 127.0.0.1 that are free now, for servers and SIP clients in tests. */
final class FreePorts {
  private FreePorts() {}

  /** A port free for both UDP and TCP (SIP listens on both). */
  static int udpAndTcp() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(21000, 60000);
      if (free(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port found");
  }

  /** The first port of a run of {@code n} ports free for UDP. */
  static int udpRange(int n) {
    for (int attempt = 0; attempt < 200; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(10000, 60000 - n) & ~1;
      boolean ok = true;
      for (int p = base; p < base + n && ok; p += 97) {
        ok = free(p);
      }
      if (ok) {
        return base;
      }
    }
    throw new IllegalStateException("no free port range found");
  }

  private static boolean free(int port) {
    InetAddress lo = InetAddress.getLoopbackAddress();
    try (DatagramSocket u = new DatagramSocket(new InetSocketAddress(lo, port));
        ServerSocket t = new ServerSocket()) {
      t.bind(new InetSocketAddress(lo, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
