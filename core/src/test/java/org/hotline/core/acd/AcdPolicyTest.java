package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.config.AcdSettings;
import org.junit.jupiter.api.Test;

class AcdPolicyTest {
  @Test
  void fromSettings_usesTheConfiguredDefaultsForEveryQueue() {
    AcdPolicy p =
        AcdPolicy.from(
            new AcdSettings(Duration.ofSeconds(15), "fewest-calls", Duration.ofSeconds(20), 5));
    assertEquals(RoutingStrategy.FEWEST_CALLS, p.strategyOf("sales"));
    assertEquals(RoutingStrategy.FEWEST_CALLS, p.strategyOf("any-other"));
    assertEquals(Duration.ofSeconds(20), p.wrapUpOf("sales"));
    assertEquals(5, p.maxMissed());
  }

  @Test
  void defaults_areLongestIdle_noWrapUp_noLimits_andBreakAfterThreeMisses() {
    AcdPolicy p = AcdPolicy.from(new AcdSettings(Duration.ofSeconds(15)));
    assertEquals(AcdPolicy.DEFAULTS, p);
    assertEquals(RoutingStrategy.LONGEST_IDLE, p.strategyOf("sales"));
    assertEquals(QueueSettings.DEFAULTS, p.settingsOf("sales"));
  }

  @Test
  void aQueueWithItsOwnSettings_keepsThem_andGoesBackToTheDefaultsWithout() {
    QueueSettings vip =
        QueueSettings.DEFAULTS.withStrategy("round-robin").withWrapUp(Duration.ofSeconds(10));
    AcdPolicy p = AcdPolicy.from(new AcdSettings(Duration.ofSeconds(15)), Map.of("vip", vip));
    assertEquals(RoutingStrategy.ROUND_ROBIN, p.strategyOf("vip"));
    assertEquals(Duration.ofSeconds(10), p.wrapUpOf("vip"));
    assertEquals(RoutingStrategy.LONGEST_IDLE, p.strategyOf("sales"));
    assertEquals(QueueSettings.DEFAULTS, p.without("vip").settingsOf("vip"));
    assertEquals(
        RoutingStrategy.RING_ALL,
        p.with("sales", vip.withStrategy("RING-ALL")).strategyOf("sales"));
  }

  @Test
  void queueSettings_refuseValuesOutOfRange() {
    assertThrows(
        IllegalArgumentException.class, () -> QueueSettings.DEFAULTS.withStrategy("random"));
    assertThrows(IllegalArgumentException.class, () -> QueueSettings.DEFAULTS.withWeight(0));
    assertThrows(IllegalArgumentException.class, () -> QueueSettings.DEFAULTS.withMaxWaiting(-1));
    assertThrows(
        IllegalArgumentException.class,
        () -> QueueSettings.DEFAULTS.withMaxWait(Duration.ofSeconds(-1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> QueueSettings.DEFAULTS.withServiceLevel(Duration.ZERO));
  }

  @Test
  void breakReasons_areTheConfiguredOnes() {
    AcdPolicy p = AcdPolicy.DEFAULTS;
    assertEquals(List.of("lunch", "meeting", "training", "personal"), p.breakReasons());
    p.requireBreakReason("lunch");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> p.requireBreakReason("nap"));
    assertEquals(
        "unknown break reason nap: use one of lunch, meeting, training, personal", e.getMessage());
  }
}
