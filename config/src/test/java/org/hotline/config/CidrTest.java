package org.hotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CidrTest {
  static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  @Test
  void aBlock_holdsTheAddressesSharingItsPrefix() throws Exception {
    Cidr block = Cidr.parse("10.1.0.0/16");

    assertTrue(block.contains(ip("10.1.200.3")));
    assertFalse(block.contains(ip("10.2.0.1")));
    assertTrue(Cidr.parse("192.0.2.128/25").contains(ip("192.0.2.200")));
    assertFalse(Cidr.parse("192.0.2.128/25").contains(ip("192.0.2.100")));
    assertTrue(Cidr.parse("fd00::/8").contains(ip("fd12:3456::1")));
    assertFalse(
        Cidr.parse("fd00::/8").contains(ip("10.1.0.1")), "no IPv4 address in an IPv6 block");
  }

  @Test
  void aLoneAddress_isABlockOfOne() throws Exception {
    assertEquals("192.0.2.7/32", Cidr.parse(" 192.0.2.7 ").toString());
    assertTrue(Cidr.parse("::1").contains(ip("::1")));
    assertFalse(Cidr.parse("192.0.2.7").contains(ip("192.0.2.8")));
  }

  @Test
  void hostNames_badPrefixes_andGarbage_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("proxy.example"));
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/x"));
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse(""));
  }
}
