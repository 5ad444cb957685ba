package org.hotline.admin.assembly;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hotline.core.acd.Acd;
import org.hotline.core.agent.Agent;
import org.hotline.core.event.EventBus;
import org.hotline.core.event.PhoneEvent;
import org.junit.jupiter.api.Test;

class AgentPhonesTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  final EventBus bus = new EventBus();
  final Acd acd = mock(Acd.class);
  final AgentPhones phones =
      new AgentPhones(bus, acd, List.of(new Agent("a1", "Li Lei", "1001", Set.of("sales"))));

  @Test
  void anAgentsPhoneRegisteringAndUnregisteringReachesTheAcdByAgentId() {
    bus.publish(new PhoneEvent.Registered("1001", T0));
    bus.publish(new PhoneEvent.Unregistered("1001", T0));

    verify(acd).agentRegistered("a1");
    verify(acd).agentUnregistered("a1");
  }

  @Test
  void aPhoneOfNoAgentIsNotTheAcdsConcern() {
    bus.publish(new PhoneEvent.Registered("2001", T0));

    verifyNoInteractions(acd);
  }

  @Test
  void anAgentChangedToAnotherSipUserIsFollowedThereOnly() {
    phones.put(new Agent("a1", "Li Lei", "1002", Set.of("sales")));

    bus.publish(new PhoneEvent.Registered("1001", T0));
    verifyNoInteractions(acd);
    bus.publish(new PhoneEvent.Registered("1002", T0));
    verify(acd).agentRegistered("a1");
  }

  @Test
  void aRemovedAgentsPhoneNoLongerCounts() {
    phones.remove(new Agent("a1", "Li Lei", "1001", Set.of("sales")));

    bus.publish(new PhoneEvent.Registered("1001", T0));

    verifyNoInteractions(acd);
  }
}
