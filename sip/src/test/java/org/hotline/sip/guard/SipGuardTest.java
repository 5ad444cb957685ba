package org.hotline.sip.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.hotline.config.ConfigLoader;
import org.hotline.config.SipGuardSettings;
import org.junit.jupiter.api.Test;

class SipGuardTest {
  private final MutableClock clock = new MutableClock();
  private final List<Ban> bans = new ArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private SipGuard guard(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    SipGuardSettings settings = ConfigLoader.load(null, Map.of(), p).sipGuard();
    return new SipGuard(settings, clock, clock::nanos, registry, bans::add);
  }

  private static InetAddress ip(String a) throws Exception {
    return InetAddress.getByName(a);
  }

  @Test
  void authFailures_atTheLimitWithinTheWindow_banTheAddress_forTheBanTime() throws Exception {
    SipGuard guard =
        guard("hotline.security.sip.max-failures", "3", "hotline.security.sip.ban", "PT10M");
    InetAddress attacker = ip("127.0.0.2");

    guard.authFailed(attacker, "1001");
    guard.authFailed(attacker, "1001");
    assertFalse(guard.banned(attacker));
    guard.authFailed(attacker, "1002");

    assertTrue(guard.banned(attacker));
    assertEquals(1, bans.size());
    assertEquals("127.0.0.2", bans.get(0).address());
    assertEquals(1.0, registry.get("hotline.sip.banned").gauge().value());
    clock.advance(Duration.ofMinutes(10));
    assertFalse(guard.banned(attacker), "the ban runs out");
  }

  @Test
  void authFailures_olderThanTheWindow_doNotCount() throws Exception {
    SipGuard guard =
        guard("hotline.security.sip.max-failures", "3", "hotline.security.sip.window", "PT1M");
    InetAddress phone = ip("127.0.0.5");

    guard.authFailed(phone, "1001");
    guard.authFailed(phone, "1001");
    clock.advance(Duration.ofSeconds(61));
    guard.authFailed(phone, "1001");

    assertFalse(guard.banned(phone));
  }

  @Test
  void aBannedGuesser_doesNotLockTheUserOutFromAnotherAddress() throws Exception {
    SipGuard guard = guard("hotline.security.sip.max-failures", "2");
    for (int i = 0; i < 5; i++) {
      guard.authFailed(ip("127.0.0.2"), "1001");
    }

    assertTrue(guard.banned(ip("127.0.0.2")));
    assertFalse(guard.banned(ip("127.0.0.1")), "the agent's own phone");
    assertEquals(
        SipGuard.Verdict.ADMIT, guard.admit(ip("127.0.0.1"), RequestClass.REGISTER, "Linphone/5"));
  }

  @Test
  void trustedNetworks_areNeverBannedNorRateLimited() throws Exception {
    SipGuard guard =
        guard(
            "hotline.security.sip.max-failures",
            "1",
            "hotline.security.sip.trusted",
            "10.0.0.0/8",
            "hotline.security.sip.rate.register",
            "1");
    InetAddress office = ip("10.1.2.3");

    guard.authFailed(office, "1001");
    for (int i = 0; i < 10; i++) {
      assertEquals(SipGuard.Verdict.ADMIT, guard.admit(office, RequestClass.REGISTER, ""));
    }
    assertFalse(guard.banned(office));
    assertTrue(bans.isEmpty());
  }

  @Test
  void scannerUserAgents_areDroppedAndTheirSourceBanned() throws Exception {
    SipGuard guard = guard();

    assertEquals(
        SipGuard.Verdict.DROP,
        guard.admit(ip("127.0.0.9"), RequestClass.OPTIONS, "friendly-scanner "));
    assertTrue(guard.banned(ip("127.0.0.9")));
    assertTrue(bans.get(0).reason().contains("friendly-scanner"));
    assertEquals(
        SipGuard.Verdict.ADMIT,
        guard.admit(ip("127.0.0.8"), RequestClass.OPTIONS, "Zoiper rv2.10"));
  }

  @Test
  void rates_arePerSourceAndClass_withBurstsOfTwice() throws Exception {
    SipGuard guard = guard("hotline.security.sip.rate.invite", "5");
    InetAddress flooder = ip("127.0.0.3");

    int admitted = 0;
    for (int i = 0; i < 50; i++) {
      if (guard.admit(flooder, RequestClass.INVITE, "") == SipGuard.Verdict.ADMIT) {
        admitted++;
      }
    }
    assertEquals(10, admitted, "a burst of twice the rate");
    assertEquals(SipGuard.Verdict.REFUSE, guard.admit(flooder, RequestClass.INVITE, ""));
    assertEquals(
        SipGuard.Verdict.ADMIT,
        guard.admit(flooder, RequestClass.REGISTER, ""),
        "another class has its own rate");
    assertEquals(
        SipGuard.Verdict.ADMIT,
        guard.admit(ip("127.0.0.1"), RequestClass.INVITE, ""),
        "another source has its own");
    clock.advance(Duration.ofMillis(400));
    assertEquals(
        SipGuard.Verdict.ADMIT,
        guard.admit(flooder, RequestClass.INVITE, ""),
        "tokens come back at the rate");
    assertTrue(
        registry.get("hotline.sip.refused").tag("reason", "rate-limit").counter().count() >= 1);
  }

  @Test
  void callCaps_refuseNewCallsBeyondThem() throws Exception {
    SipGuard guard =
        guard("hotline.sip.max-calls", "3", "hotline.security.sip.max-calls-per-source", "2");
    InetAddress a = ip("127.0.0.3");
    guard.calls().opened("c1", a);
    guard.calls().opened("c2", a);

    assertEquals(SipGuard.Verdict.REFUSE, guard.admit(a, RequestClass.INVITE, ""), "per source");
    assertEquals(SipGuard.Verdict.ADMIT, guard.admit(ip("127.0.0.1"), RequestClass.INVITE, ""));
    guard.calls().opened("c3", ip("127.0.0.1"));
    assertEquals(
        SipGuard.Verdict.REFUSE, guard.admit(ip("127.0.0.4"), RequestClass.INVITE, ""), "in all");
    guard.calls().closed("c1");
    guard.calls().closed("c1");
    assertEquals(1, guard.calls().from(a));
    assertEquals(SipGuard.Verdict.ADMIT, guard.admit(a, RequestClass.INVITE, ""));
  }

  @Test
  void lift_endsABan_andRefusesWhatIsNoAddress() throws Exception {
    SipGuard guard = guard("hotline.security.sip.max-failures", "1");
    guard.authFailed(ip("127.0.0.2"), "1001");

    assertEquals(1, guard.bans().size());
    assertTrue(guard.lift("127.0.0.2"));
    assertFalse(guard.banned(ip("127.0.0.2")));
    assertFalse(guard.lift("127.0.0.2"));
    assertThrows(IllegalArgumentException.class, () -> guard.lift("10.0.0.0/8"));
    assertThrows(IllegalArgumentException.class, () -> guard.lift("evil.example"));
  }

  @Test
  void failureCounts_forgetIdleSources_andStayBounded() throws Exception {
    FailureCounter<Integer> counter = new FailureCounter<>(clock, Duration.ofMinutes(1), 3, 100);
    for (int i = 0; i < 1000; i++) {
      counter.fail(i);
    }
    assertEquals(100, counter.keys(), "never more keys than the bound");
    clock.advance(Duration.ofMinutes(2));
    counter.purge();
    assertEquals(0, counter.keys());
  }

  /** A clock that moves only when told, with a nanosecond reading for the rate limits. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private long nanos = 1_000_000_000L;

    void advance(Duration d) {
      now = now.plus(d);
      nanos += d.toNanos();
    }

    long nanos() {
      return nanos;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
