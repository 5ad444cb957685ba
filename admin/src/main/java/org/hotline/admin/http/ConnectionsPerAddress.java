package org.hotline.admin.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.SocketChannel;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many HTTP connections each remote address has open, with a cap: one address cannot take every
 * connection (and the memory their requests hold) the server has. A connection over the cap is
 * answered 429 and closed as it opens, before anything of it is read. A trusted proxy is not
 * capped: every client behind it comes from its address.
 */
final class ConnectionsPerAddress {
  private static final byte[] TOO_MANY =
      too("too many connections from this address: close some and try again");

  private final int max;
  private final ClientAddress clients;
  private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();

  /**
   * @param max connections one address may have open at once; 0 for no cap
   * @param clients which peers are trusted proxies: every client behind one comes from its address,
   *     so a proxy is not capped
   */
  ConnectionsPerAddress(int max, ClientAddress clients) {
    if (max < 0) {
      throw new IllegalArgumentException("a cap of connections is 0 (none) or more: " + max);
    }
    this.max = max;
    this.clients = clients;
  }

  /**
   * Counts {@code channel} as open for its remote address until it closes.
   *
   * @return false, counting nothing, when the address has {@code max} open already
   */
  boolean admit(SocketChannel channel) {
    InetAddress address =
        channel.remoteAddress() == null ? null : channel.remoteAddress().getAddress();
    if (max == 0 || address == null || clients.isProxy(channel.remoteAddress())) {
      return true;
    }
    boolean[] admitted = {false};
    open.compute(
        address,
        (a, n) -> {
          int now = n == null ? 0 : n;
          admitted[0] = now < max;
          return admitted[0] ? now + 1 : n;
        });
    if (admitted[0]) {
      channel
          .closeFuture()
          .addListener(f -> open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1));
    }
    return admitted[0];
  }

  /** Answers {@code channel} 429 with {@code Retry-After} and closes it. */
  static void refuse(SocketChannel channel) {
    channel
        .writeAndFlush(Unpooled.wrappedBuffer(TOO_MANY))
        .addListener(ChannelFutureListener.CLOSE);
  }

  private static byte[] too(String message) {
    String body = "{\"error\":\"" + message + "\"}";
    String response =
        "HTTP/1.1 429 Too Many Requests\r\n"
            + "Content-Type: application/json; charset=utf-8\r\n"
            + "Content-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length
            + "\r\n"
            + "Retry-After: 10\r\n"
            + "Connection: close\r\n\r\n"
            + body;
    return response.getBytes(StandardCharsets.UTF_8);
  }
}
