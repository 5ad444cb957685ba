package org.hotline.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hotline.ivr.verb.PlayVerb;
import org.junit.jupiter.api.Test;

/** Dialed number to flow. */
class FlowDirectoryTest {
  private final Flow main = new Flow("main", "en", List.of(PlayVerb.of("welcome")));

  @Test
  void flowDirectory_unknownNumber_isEmpty() {
    assertTrue(new FlowDirectory(List.of(main), Map.of("100", "main")).flowFor("999").isEmpty());
  }

  @Test
  void flowDirectory_number_isItsFlow() {
    assertEquals("main", new FlowDirectory(List.of(main), Map.of("100", "main")).flowFor("100").orElseThrow().name());
  }

  @Test
  void flowDirectory_numberToMissingFlow_isRejected() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> new FlowDirectory(List.of(main), Map.of("200", "sales")));
    assertTrue(e.getMessage().contains("200") && e.getMessage().contains("sales"), e.getMessage());
  }

  @Test
  void flowDirectory_twoFlowsWithOneName_areRejected() {
    Flow b = new Flow("main", "en", List.of(PlayVerb.of("goodbye")));
    assertThrows(IllegalArgumentException.class, () -> new FlowDirectory(List.of(main, b), Map.of()));
  }
}
