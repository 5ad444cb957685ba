package org.hotline.sip.trunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotline.config.DialRule;
import org.hotline.config.DialSettings;
import org.hotline.core.dial.DialGuard;
import org.hotline.core.dial.DialPolicy;
import org.hotline.core.dial.DialSite;
import org.junit.jupiter.api.Test;

/**
 * Every way out (click-to-call, callbacks, IVR transfers) gets its URI from the trunk, past the
 * dial policy.
 */
class TrunkTest {
  final List<String> audited = new ArrayList<>();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final DialGuard guard =
      new DialGuard(
          new DialPolicy(
              new DialSettings(List.of(DialRule.parse("national"), DialRule.parse("!premium"))),
              "CN"),
          (site, who, number, reason) -> audited.add(site + " " + who + " " + number),
          meters);
  final Trunk trunk = new Trunk(Optional.of("10.0.0.9:5070"), guard);

  double refused(DialSite site) {
    return meters.get("hotline.dial.refused").tag("site", site.tag()).counter().count();
  }

  @Test
  void anAllowedNumber_isDialledAtTheTrunk_asWritten() {
    for (DialSite site : DialSite.values()) {
      assertEquals(
          new TrunkRoute.Dial("sip:13800138000@10.0.0.9:5070"),
          trunk.route(site, "1001", "13800138000"),
          site.tag());
    }
    assertTrue(audited.isEmpty());
  }

  @Test
  void deskDial_toAnInternationalNumber_isRefused_countedAndAudited() {
    TrunkRoute route = trunk.route(DialSite.DESK, "1001", "+12025550123");

    assertTrue(
        assertInstanceOf(TrunkRoute.Refused.class, route)
            .reason()
            .startsWith("+12025550123 is an international"));
    assertEquals(1, refused(DialSite.DESK));
    assertEquals(List.of("desk 1001 +12025550123"), audited);
  }

  @Test
  void callback_toAPremiumRateNumber_isRefused() {
    assertInstanceOf(
        TrunkRoute.Refused.class, trunk.route(DialSite.CALLBACK, "callback 7", "16812345"));

    assertEquals(1, refused(DialSite.CALLBACK));
  }

  @Test
  void ivrTransfer_toANumberOutsideThePolicy_isRefused_evenWhenTheFlowsFileAllowsIt() {
    assertInstanceOf(
        TrunkRoute.Refused.class, trunk.route(DialSite.IVR_TRANSFER, "call c1", "+447400123456"));

    assertEquals(1, refused(DialSite.IVR_TRANSFER));
  }

  @Test
  void withoutATrunk_nothingIsDialled_andNothingRefused() {
    Trunk none = new Trunk(Optional.empty(), guard);

    assertEquals(new TrunkRoute.NoTrunk(), none.route(DialSite.DESK, "1001", "+12025550123"));
    assertEquals(0, refused(DialSite.DESK));
    assertTrue(audited.isEmpty());
  }
}
