package org.hotline.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A network in CIDR form (RFC 4632): an IP address literal and how many leading bits of it name
 * the network. A bare address is a network of one ({@code /32}, IPv6 {@code /128}).
 *
 * @param network the address with the bits past the prefix cleared
 * @param prefix the prefix length in bits
 */
public record Cidr(InetAddress network, int prefix) {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  /** The network {@code text} names, or empty when it is not an address literal with an optional prefix. */
  public static Optional<Cidr> parse(String text) {
    String s = text.trim();
    int slash = s.indexOf('/');
    String address = slash < 0 ? s : s.substring(0, slash);
    Optional<InetAddress> literal = literal(address);
    if (literal.isEmpty()) {
      return Optional.empty();
    }
    int bits = literal.get().getAddress().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String p = s.substring(slash + 1);
      if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(p);
    }
    return Optional.of(new Cidr(masked(literal.get(), prefix), prefix));
  }

  /** Whether {@code address} is in this network (never across IPv4 and IPv6). */
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
    return rest == 0 || ((a[full] ^ n[full]) & (0xff << (8 - rest))) == 0;
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefix;
  }

  /** An IPv4 or IPv6 address written as such: never a name, so never a DNS lookup. */
  private static Optional<InetAddress> literal(String s) {
    var v4 = IPV4.matcher(s);
    if (v4.matches()) {
      for (int i = 1; i <= 4; i++) {
        if (Integer.parseInt(v4.group(i)) > 255) {
          return Optional.empty();
        }
      }
    } else if (!IPV6.matcher(s).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(s));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

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
}
