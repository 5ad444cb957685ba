package org.hotline.admin.assembly;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.hotline.core.acd.Acd;
import org.hotline.core.agent.Agent;
import org.hotline.core.event.EventBus;
import org.hotline.core.event.HotlineEvent;
import org.hotline.core.event.PhoneEvent;

/**
 * Tells the ACD when an agent's phone registers or unregisters: follows the registrar's {@link
 * PhoneEvent}s and finds the agent by SIP user. Agents created, changed or disabled through the API
 * are {@linkplain #put put} or {@linkplain #remove removed} so their phones count from then on.
 */
public final class AgentPhones {
  private final Acd acd;
  private final ReentrantLock changes = new ReentrantLock();
  private volatile Map<String, Agent> bySipUser;

  /** Follows the phones of {@code agents} on {@code bus}; subscribes itself. */
  AgentPhones(EventBus bus, Acd acd, List<Agent> agents) {
    this.acd = acd;
    Map<String, Agent> map = new HashMap<>();
    agents.forEach(a -> map.put(a.sipUser(), a));
    this.bySipUser = Map.copyOf(map);
    bus.subscribe(this::onEvent);
  }

  /** An agent created or changed: its phone's registrations now count under its SIP user. */
  public void put(Agent agent) {
    change(agent, true);
  }

  /** An agent disabled: its phone's registrations no longer count. */
  public void remove(Agent agent) {
    change(agent, false);
  }

  private void change(Agent agent, boolean keep) {
    changes.lock();
    try {
      Map<String, Agent> next = new HashMap<>(bySipUser);
      next.values().removeIf(a -> a.id().equals(agent.id()));
      if (keep) {
        next.put(agent.sipUser(), agent);
      }
      bySipUser = Map.copyOf(next);
    } finally {
      changes.unlock();
    }
  }

  private void onEvent(HotlineEvent event) {
    if (!(event instanceof PhoneEvent phone)) {
      return;
    }
    Agent agent = bySipUser.get(phone.sipUser());
    if (agent == null) {
      return;
    }
    switch (phone) {
      case PhoneEvent.Registered r -> acd.agentRegistered(agent.id());
      case PhoneEvent.Unregistered u -> acd.agentUnregistered(agent.id());
    }
  }
}
