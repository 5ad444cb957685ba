package org.hotline.admin.cti;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.hotline.core.user.Role;
import org.hotline.cti.bridge.CtiUsers.User;
import org.hotline.cti.protocol.CtiMessage;
import org.junit.jupiter.api.Test;

/** Who sees which CTI message. */
class SessionTest {
  static final Instant LATER = Instant.parse("2026-03-01T20:00:00Z");
  final Session agentA = new Session("a", new User("1001", Role.AGENT), LATER);
  final Session integration = new Session("i", new User("crm", Role.INTEGRATION), LATER);

  @Test
  void agent_seesTheirOwnMessages_andThoseAboutNoAgent_butNotAnotherAgents() {
    assertTrue(agentA.sees(message(Optional.of("1001"))));
    assertTrue(agentA.sees(message(Optional.empty())));
    assertFalse(agentA.sees(message(Optional.of("1002"))));
  }

  @Test
  void integration_seesEveryMessage() {
    assertTrue(integration.sees(message(Optional.of("1001"))));
    assertTrue(integration.sees(message(Optional.of("1002"))));
    assertTrue(integration.sees(message(Optional.empty())));
  }

  static CtiMessage message(Optional<String> agentId) {
    return agentId
        .<CtiMessage>map(id -> FakeCti.screenPop(id, "call-1"))
        .orElse(FakeCti.queueStats("sales", 0));
  }
}
