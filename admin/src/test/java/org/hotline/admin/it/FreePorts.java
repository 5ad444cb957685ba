package org.hotline.admin.it;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Picks ports on 127.0.0.1 that are free now, for servers and SIP clients in tests. */
public final class FreePorts {
  private FreePorts() {}

  /** A port free for both UDP and TCP (SIP listens on both). */
  public static int udpAndTcp() {
    return consecutive(1);
  }

  /**
   * The first of {@code n} consecutive ports, each free for UDP and TCP; even, so it can start
   * an RTP range.
   */
  public static int consecutive(int n) {
    for (int attempt = 0; attempt < 500; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(20000, 60000 - n) & ~1;
      boolean ok = true;
      for (int p = base; p < base + n && ok; p++) {
        ok = free(p);
      }
      if (ok) {
        return base;
      }
    }
    throw new IllegalStateException("no run of " + n + " free ports found on 127.0.0.1");
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
