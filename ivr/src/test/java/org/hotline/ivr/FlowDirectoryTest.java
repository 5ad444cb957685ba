package org.hotline.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.config.IvrSettings;
import org.hotline.ivr.verb.PlayVerb;
import org.junit.jupiter.api.Test;

/** Dialed number to flow. */
class FlowDirectoryTest {
  private static final IvrSettings SETTINGS = new IvrSettings("zh", Optional.empty(), Duration.ofSeconds(5), 2);

  @Test
  void flowDirectory_unknownNumber_isEmpty() {
    assertTrue(DemoFlows.directory(SETTINGS).flowFor("999").isEmpty());
  }

  @Test
  void flowDirectory_demoNumber100_isMain() {
    assertEquals("main", DemoFlows.directory(SETTINGS).flowFor("100").orElseThrow().name());
  }

  @Test
  void flowDirectory_demo_servesOnly100() {
    assertEquals(java.util.Set.of("100"), DemoFlows.directory(SETTINGS).numbers());
  }

  @Test
  void flowDirectory_numberToMissingFlow_isRejected() {
    Flow main = new Flow("main", "en", List.of(PlayVerb.of("welcome")));
    var e =
        assertThrows(IllegalArgumentException.class, () -> new FlowDirectory(List.of(main), Map.of("200", "sales")));
    assertTrue(e.getMessage().contains("200") && e.getMessage().contains("sales"), e.getMessage());
  }

  @Test
  void flowDirectory_twoFlowsWithOneName_areRejected() {
    Flow a = new Flow("main", "en", List.of(PlayVerb.of("welcome")));
    Flow b = new Flow("main", "en", List.of(PlayVerb.of("goodbye")));
    assertThrows(IllegalArgumentException.class, () -> new FlowDirectory(List.of(a, b), Map.of()));
  }
}
