package org.hotline.admin.it.torture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sends raw bytes to the server and collects what comes back, from a fresh socket each time. */
final class SipClient {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private SipClient() {}

  /**
   * What came back for one message. {@code closedAtMillis} is -1 if the server kept the connection.
   */
  record Exchange(List<SipResponse> responses, long closedAtMillis) {
    SipResponse firstFinal() {
      return responses.stream().filter(SipResponse::isFinal).findFirst().orElse(null);
    }
  }

  /**
   * One datagram; waits up to {@code wait} for a final response, then {@code linger} more for
   * anything that should not come (a second transaction, a second answer).
   */
  static Exchange udp(int port, byte[] message, Duration wait, Duration linger) throws IOException {
    List<SipResponse> responses = new ArrayList<>();
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
      long start = System.nanoTime();
      socket.send(
          new DatagramPacket(message, message.length, new InetSocketAddress(LOOPBACK, port)));
      long deadline = start + wait.toNanos();
      boolean finalSeen = false;
      while (true) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          break;
        }
        socket.setSoTimeout((int) left);
        byte[] buf = new byte[65_536];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        try {
          socket.receive(packet);
        } catch (SocketTimeoutException e) {
          break;
        }
        byte[] data = java.util.Arrays.copyOf(buf, packet.getLength());
        long at = (System.nanoTime() - start) / 1_000_000;
        SipResponse.parse(data, 0, at).ifPresent(responses::add);
        if (!finalSeen && responses.stream().anyMatch(SipResponse::isFinal)) {
          finalSeen = true;
          deadline = Math.min(deadline, System.nanoTime() + linger.toNanos());
        }
      }
    }
    return new Exchange(responses, -1);
  }

  /**
   * One TCP connection: writes the message, reads until the server closes or {@code readFor} ends.
   */
  static Exchange tcp(int port, byte[] message, Duration readFor) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    List<long[]> arrivals = new ArrayList<>();
    long closedAt = -1;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(LOOPBACK, port), 2_000);
      long start = System.nanoTime();
      socket.getOutputStream().write(message);
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      long deadline = start + readFor.toNanos();
      byte[] buf = new byte[8192];
      while (true) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          break;
        }
        socket.setSoTimeout((int) left);
        int n;
        try {
          n = in.read(buf);
        } catch (SocketTimeoutException e) {
          break;
        } catch (IOException e) {
          n = -1; // reset by the server: closed as well
        }
        long at = (System.nanoTime() - start) / 1_000_000;
        if (n < 0) {
          closedAt = at;
          break;
        }
        got.write(buf, 0, n);
        arrivals.add(new long[] {got.size(), at});
      }
    }
    return new Exchange(SipResponse.parseStream(got.toByteArray(), arrivals), closedAt);
  }
}
