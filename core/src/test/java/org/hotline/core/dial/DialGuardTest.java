package org.hotline.core.dial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialGuardTest {
  record Refusal(DialSite site, String who, String number, String reason) {}

  final List<Refusal> audited = new ArrayList<>();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final DialGuard guard =
      new DialGuard(
          DialPolicyTest.DEFAULT,
          (site, who, number, reason) -> audited.add(new Refusal(site, who, number, reason)),
          meters);

  double refused(DialSite site) {
    return meters.get("hotline.dial.refused").tag("site", site.tag()).counter().count();
  }

  @Test
  void anAllowedNumber_isNeitherCountedNorAudited() {
    assertTrue(guard.check(DialSite.DESK, "1001", "13800138000").allowed());

    assertEquals(0, refused(DialSite.DESK));
    assertTrue(audited.isEmpty());
  }

  @Test
  void aRefusal_isCountedBySite_andAuditedWithWhoAndTheNumber() {
    DialDecision desk = guard.check(DialSite.DESK, "1001", "+12025550123");
    guard.check(DialSite.CALLBACK, "callback 7", DialPolicyTest.CN_PREMIUM);
    guard.check(DialSite.IVR_TRANSFER, "call a84b@10.0.0.7", "+447400123456");

    assertEquals(1, refused(DialSite.DESK));
    assertEquals(1, refused(DialSite.CALLBACK));
    assertEquals(1, refused(DialSite.IVR_TRANSFER));
    assertEquals(
        new Refusal(DialSite.DESK, "1001", "+12025550123", ((DialDecision.Refused) desk).reason()),
        audited.get(0));
    assertEquals(
        List.of("callback 7", "call a84b@10.0.0.7"),
        audited.subList(1, 3).stream().map(Refusal::who).toList());
  }

  @Test
  void everySite_hasItsCounter_fromTheStart() {
    for (DialSite site : DialSite.values()) {
      assertEquals(0, refused(site), site.tag());
    }
  }
}
