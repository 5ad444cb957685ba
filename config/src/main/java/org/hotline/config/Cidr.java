package org.hotline.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * A block of IP addresses: a network address and how many of its leading bits every address of the
 * block shares ({@code 10.0.0.0/8}, {@code fd00::/8}; a lone address is a block of one).
 *
 * @param network the block's first address
 * @param prefix the bits every address of the block shares: 0 to 32 for IPv4, to 128 for IPv6
 */
public record Cidr(InetAddress network, int prefix) {
  public Cidr {
    Objects.requireNonNull(network, "network");
    if (prefix < 0 || prefix > network.getAddress().length * 8) {
      throw new IllegalArgumentException(
          "a prefix of "
              + network.getHostAddress()
              + " is 0 to "
              + network.getAddress().length * 8
              + ": "
              + prefix);
    }
  }

  /**
   * Reads {@code 192.0.2.0/24}, {@code 2001:db8::/32} or a lone address ({@code 192.0.2.7}).
   *
   * @throws IllegalArgumentException when it is none of those (host names are not taken: they would
   *     need a lookup, and a block is about addresses)
   */
  public static Cidr parse(String text) {
    String s = text.strip();
    int slash = s.indexOf('/');
    String address = slash < 0 ? s : s.substring(0, slash);
    boolean v4 =
        address.matches("\\d{1,3}(\\.\\d{1,3}){3}")
            && java.util.Arrays.stream(address.split("\\."))
                .allMatch(octet -> Integer.parseInt(octet) <= 255);
    boolean v6 = address.contains(":") && address.matches("[0-9A-Fa-f:.]+");
    if (!v4 && !v6) {
      throw new IllegalArgumentException("not an IP address: " + address);
    }
    InetAddress network;
    try {
      // An IP literal: no name is looked up.
      network = InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + address, e);
    }
    int bits = network.getAddress().length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? bits : Integer.parseInt(s.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a prefix length: " + s.substring(slash + 1), e);
    }
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException(
          "a prefix of " + address + " is 0 to " + bits + ": " + prefix);
    }
    return new Cidr(masked(network, prefix), prefix);
  }

  /** {@code address} with the bits past {@code prefix} cleared: the block's first address. */
  private static InetAddress masked(InetAddress address, int prefix) {
    byte[] b = address.getAddress();
    for (int i = 0; i < b.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      b[i] &= (byte) (0xff << (8 - keep));
    }
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether {@code address} is in the block (an IPv4 address is never in an IPv6 block, nor the
   * other way).
   */
  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    byte[] n = network.getAddress();
    if (a.length != n.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != n[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (a[full] & mask) == (n[full] & mask);
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefix;
  }
}
