package org.hotline.admin.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import org.hotline.config.Cidr;

/**
 * The address a request comes from: its connection's peer, or, when the peer is one of the trusted
 * reverse proxies ({@code hotline.http.trusted-proxies}), the client that proxy names in {@code
 * X-Forwarded-For}.
 *
 * <p>The header is read from the right, the hop nearest the server: each proxy appends the address
 * it heard from, so the first address that is not a trusted proxy is the client; what a client
 * wrote itself, further left, is never believed. An entry that is not an IP address (host names are
 * never looked up) stops the walk at the last hop known. With no trusted proxy the header is
 * ignored: anyone could write it.
 */
final class ClientAddress {
  static final String X_FORWARDED_FOR = "X-Forwarded-For";

  private final List<Cidr> proxies;

  ClientAddress(List<Cidr> proxies) {
    this.proxies = List.copyOf(proxies);
  }

  /** Whether {@code peer} is a trusted proxy. */
  boolean isProxy(SocketAddress peer) {
    return peer instanceof InetSocketAddress inet
        && inet.getAddress() != null
        && trusted(inet.getAddress());
  }

  /** The client of a request that came over a connection from {@code peer} with {@code headers}. */
  SocketAddress of(SocketAddress peer, HttpHeaders headers) {
    if (!isProxy(peer)) {
      return peer;
    }
    List<String> values = headers.getAll(X_FORWARDED_FOR);
    if (values.isEmpty()) {
      return peer;
    }
    String[] hops = String.join(",", values).split(",");
    InetAddress client = ((InetSocketAddress) peer).getAddress();
    for (int i = hops.length - 1; i >= 0 && trusted(client); i--) {
      InetAddress hop = literal(hops[i].strip());
      if (hop == null) {
        break;
      }
      client = hop;
    }
    return new InetSocketAddress(client, 0);
  }

  private boolean trusted(InetAddress address) {
    for (Cidr proxy : proxies) {
      if (proxy.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code hop} as an IP address ({@code 192.0.2.7}, {@code 192.0.2.7:5060}, {@code
   * [2001:db8::1]:443}); null when it is none.
   */
  private static InetAddress literal(String hop) {
    String ip = hop;
    if (ip.startsWith("[")) {
      int end = ip.indexOf(']');
      ip = end < 0 ? "" : ip.substring(1, end);
    } else if (ip.indexOf(':') > 0 && ip.indexOf(':') == ip.lastIndexOf(':')) {
      ip = ip.substring(0, ip.indexOf(':'));
    }
    return NetUtil.createInetAddressFromIpAddressString(ip);
  }
}
