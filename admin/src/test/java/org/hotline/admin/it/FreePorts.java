package org.hotline.admin.it;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks ports on 127.0.0.1 that are free now, for servers and SIP clients in tests.
 *
 * <p>A port found free can still be taken before its user binds it. Two things make that unlikely:
 * ports come from below the kernel's ephemeral range, so no outgoing connection or unbound client
 * socket (a browser's, the database driver's, a SIP stack's) is given one meanwhile; and a port is
 * handed out at most once per test run, so two clients started together never get the same one.
 */
public final class FreePorts {
  private static final int LOWEST = 10_000;
  private static final int HIGHEST = highestUsable();
  private static int next = LOWEST + (ThreadLocalRandom.current().nextInt(HIGHEST - LOWEST) & ~1);

  private FreePorts() {}

  /** A port free for both UDP and TCP (SIP listens on both). */
  public static int udpAndTcp() {
    return consecutive(1);
  }

  /**
   * The first of {@code n} consecutive ports, each free for UDP and TCP; even, so it can start an
   * RTP range.
   */
  public static synchronized int consecutive(int n) {
    int span = HIGHEST - LOWEST;
    for (int scanned = 0; scanned < span; ) {
      if (next + n > HIGHEST) {
        next = LOWEST;
      }
      int base = next;
      int p = base;
      while (p < base + n && free(p)) {
        p++;
      }
      next = (p + 2) & ~1;
      scanned += next - base;
      if (p == base + n) {
        return base;
      }
    }
    throw new IllegalStateException("no run of " + n + " free ports found on 127.0.0.1");
  }

  /** The port below the kernel's ephemeral range (Linux: 32768 unless configured otherwise). */
  private static int highestUsable() {
    try {
      String[] range =
          Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
      int low = Integer.parseInt(range[0]);
      if (low > LOWEST + 2_000) {
        return low - 1;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or unreadable: use the IANA ephemeral boundary
    }
    return 32_767;
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
