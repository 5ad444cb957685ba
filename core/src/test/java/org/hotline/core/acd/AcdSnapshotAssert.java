package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.core.agent.AgentState;

/** Asserts several agents' states at once, so a failure shows them all. */
final class AcdSnapshotAssert {
  private AcdSnapshotAssert() {}

  /** {@code idAndState}: agent id, state, agent id, state... */
  static void states(AcdSnapshot s, Object... idAndState) {
    Map<String, AgentState> expected = new LinkedHashMap<>();
    Map<String, AgentState> actual = new LinkedHashMap<>();
    for (int i = 0; i < idAndState.length; i += 2) {
      String id = (String) idAndState[i];
      expected.put(id, (AgentState) idAndState[i + 1]);
      actual.put(id, s.agentStates().get(id));
    }
    assertEquals(expected, actual);
  }
}
