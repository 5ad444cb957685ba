package org.hotline.sip.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.hotline.core.agent.AgentControl;
import org.junit.jupiter.api.Test;

class FeatureCodeTest {

  /** Records what it was asked; refuses breaks for reasons other than lunch. */
  static final class Control implements AgentControl {
    final List<String> calls = new ArrayList<>();

    @Override
    public void ready(String agentId) {
      calls.add("ready " + agentId);
    }

    @Override
    public void pause(String agentId, String reason) {
      if (!reason.equals("lunch")) {
        throw new IllegalArgumentException("unknown break reason " + reason);
      }
      calls.add("pause " + agentId + " " + reason);
    }

    @Override
    public void logout(String agentId) {
      calls.add("logout " + agentId);
    }
  }

  private final Control control = new Control();

  @Test
  void eachAction_setsTheAgentsState_andNamesItsConfirmation() {
    FeatureCode ready = new FeatureCode("*21", "ready");
    FeatureCode lunch = new FeatureCode("*22", "break:lunch");
    FeatureCode out = new FeatureCode("*23", "logout");

    ready.apply(control, "1001");
    lunch.apply(control, "1001");
    out.apply(control, "1001");

    assertEquals(List.of("ready 1001", "pause 1001 lunch", "logout 1001"), control.calls);
    assertEquals("agent-ready", ready.confirmation());
    assertEquals("agent-on-break", lunch.confirmation());
    assertEquals("agent-logged-out", out.confirmation());
  }

  @Test
  void aBreakReasonTheAcdDoesNotKnow_isRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new FeatureCode("*24", "break:nap").apply(control, "1001"));
    assertEquals(List.of(), control.calls);
  }

  @Test
  void anUnknownAction_isRefusedWhenTheCodesAreRead() {
    assertThrows(IllegalArgumentException.class, () -> new FeatureCode("*29", "dance"));
  }

  @Test
  void codes_matchOnlyWhatIsConfigured() {
    FeatureCodes codes =
        new FeatureCodes(
            java.util.Map.of("*21", "ready"), null, user -> java.util.Optional.empty(), control);
    assertEquals("ready", codes.match("*21").orElseThrow().action());
    assertEquals(java.util.Optional.empty(), codes.match("100"));
  }
}
