package org.hotline.core.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotline.config.DemoSettings;

/**
 * The demo agents: {@code 1001, 1002, ...}, each named {@code Agent <id>}, with the id as SIP user
 * and serving the demo flows' queues ({@code sales}, {@code support}, {@code billing}, {@code vip}),
 * all with one password.
 *
 * <p>Seeding creates the demo agents that do not exist and never touches one that does: an
 * administrator may have changed its password, queues or name, or disabled it, and a restart
 * must not undo that.
 */
public final class DemoAgents {
  /** The queues every demo agent serves. */
  public static final Set<String> QUEUES = Set.of("sales", "support", "billing", "vip");

  private DemoAgents() {}

  /**
   * Creates those of the {@code demo.agents()} demo agents that do not exist yet, with {@code
   * password} in {@code realm}; does nothing when the demo is disabled.
   *
   * @return the ids of the agents created now
   */
  public static List<String> seed(AgentRepository agents, DemoSettings demo, String realm, String password) {
    if (!demo.enabled() || demo.agents() <= 0) {
      return List.of();
    }
    return agents.createMissing(agents(demo.agents()), realm, a -> password);
  }

  /**
   * Gives {@code password} to those of the {@code demo.agents()} demo agents whose password is
   * {@code old} still (a well-known one that must not stay on a server others can reach); the
   * others keep theirs. Whether the demo is enabled now or not: the agents it seeded before stay.
   *
   * @return the ids of the agents whose password changed
   */
  public static List<String> replacePassword(AgentRepository agents, DemoSettings demo, String realm, String old, String password) {
    List<String> replaced = new ArrayList<>();
    for (Agent agent : agents(demo.agents())) {
      if (agents.hasPassword(agent.id(), realm, old) && agents.setPassword(agent.id(), realm, password)) {
        replaced.add(agent.id());
      }
    }
    return replaced;
  }

  /** The first {@code n} demo agents. */
  public static List<Agent> agents(int n) {
    List<Agent> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = Integer.toString(DemoSettings.FIRST_AGENT + i);
      list.add(new Agent(id, "Agent " + id, id, QUEUES));
    }
    return list;
  }
}
