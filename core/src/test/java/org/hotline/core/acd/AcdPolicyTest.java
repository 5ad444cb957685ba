package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.hotline.config.AcdSettings;
import org.junit.jupiter.api.Test;

class AcdPolicyTest {
  @Test
  void fromSettings_usesTheConfiguredStrategyForEveryQueue_andTheWrapUpAndMissedLimit() {
    AcdPolicy p = AcdPolicy.from(new AcdSettings(Duration.ofSeconds(15), "fewest-calls", Duration.ofSeconds(20), 5));
    assertEquals(RoutingStrategy.FEWEST_CALLS, p.strategyOf("sales"));
    assertEquals(RoutingStrategy.FEWEST_CALLS, p.strategyOf("any-other"));
    assertEquals(Duration.ofSeconds(20), p.wrapUpOf("sales"));
    assertEquals(5, p.maxMissed());
  }

  @Test
  void defaults_areLongestIdle_noWrapUp_andBreakAfterThreeMisses() {
    AcdPolicy p = AcdPolicy.from(new AcdSettings(Duration.ofSeconds(15)));
    assertEquals(AcdPolicy.DEFAULTS, p);
    assertEquals(RoutingStrategy.LONGEST_IDLE, p.strategyOf("sales"));
  }

  @Test
  void aQueueWithItsOwnStrategy_keepsIt() {
    AcdPolicy p = new AcdPolicy(RoutingStrategy.LONGEST_IDLE, Map.of("vip", RoutingStrategy.ROUND_ROBIN), Duration.ZERO, 3);
    assertEquals(RoutingStrategy.ROUND_ROBIN, p.strategyOf("vip"));
    assertEquals(RoutingStrategy.LONGEST_IDLE, p.strategyOf("sales"));
  }
}
