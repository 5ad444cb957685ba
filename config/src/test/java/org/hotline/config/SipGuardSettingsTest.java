package org.hotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SIP edge's keys: {@code hotline.sip.*} capacity and {@code hotline.security.sip.*}. */
class SipGuardSettingsTest {
  @Test
  void defaults_tenFailuresInFiveMinutesBanForFifteen_nothingTrusted_scannersKnown() {
    SipGuardSettings g = Configs.load().sipGuard();

    assertEquals(10, g.maxFailures());
    assertEquals(Duration.ofMinutes(5), g.window());
    assertEquals(Duration.ofMinutes(15), g.ban());
    assertEquals(List.of(), g.trusted());
    assertTrue(g.scannerAgents().contains("friendly-scanner"));
    assertTrue(g.scannerAgents().contains("vaxsipuseragent"), "fragments are kept in lower case");
    assertEquals(Duration.ofSeconds(5), g.retryAfter());
  }

  @Test
  void trusted_takesAddressesAndNetworks() throws Exception {
    SipGuardSettings g =
        Configs.load("hotline.security.sip.trusted", "10.0.0.0/8, 192.0.2.7,2001:db8::/32")
            .sipGuard();

    assertEquals(3, g.trusted().size());
    assertTrue(g.trusted().get(0).contains(InetAddress.getByName("10.200.1.2")));
    assertFalse(g.trusted().get(0).contains(InetAddress.getByName("11.0.0.1")));
    assertTrue(g.trusted().get(1).contains(InetAddress.getByName("192.0.2.7")));
    assertFalse(g.trusted().get(1).contains(InetAddress.getByName("192.0.2.8")));
    assertTrue(g.trusted().get(2).contains(InetAddress.getByName("2001:db8:1::5")));
  }

  @Test
  void trusted_refusesNamesAndBadPrefixes_inOneLineNamingTheKey() {
    for (String bad : List.of("office.example.com", "10.0.0.0/33", "300.1.1.1", "10.0.0.0/x")) {
      ConfigException e =
          assertThrows(
              ConfigException.class, () -> Configs.load("hotline.security.sip.trusted", bad));
      assertTrue(e.getMessage().contains("hotline.security.sip.trusted"), e.getMessage());
      assertTrue(e.getMessage().contains(bad), e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
    }
  }

  @Test
  void cidr_clearsTheHostBitsAndMatchesOnlyItsFamily() throws Exception {
    Cidr net = Cidr.parse("192.168.7.9/24");

    assertEquals("192.168.7.0/24", net.toString());
    assertTrue(net.contains(InetAddress.getByName("192.168.7.250")));
    assertFalse(net.contains(InetAddress.getByName("192.168.8.1")));
    assertFalse(net.contains(InetAddress.getByName("::1")));
    assertTrue(Cidr.parse("0.0.0.0/0").contains(InetAddress.getByName("203.0.113.1")));
  }
}
