package org.hotline.core.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotline.config.DemoSettings;

/**
 * The demo agents: {@code 1001, 1002, ...}, each named {@code Agent <id>}, with the id as SIP user
 * and serving the demo flows' queues ({@code sales}, {@code support}, {@code billing}, {@code vip}),
 * all with the demo password.
 */
public final class DemoAgents {
  /** The queues every demo agent serves. */
  public static final Set<String> QUEUES = Set.of("sales", "support", "billing", "vip");

  private DemoAgents() {}

  /**
   * Creates or updates the {@code demo.agents()} demo agents with the demo password in {@code
   * realm}; seeding again changes nothing but what the settings changed. Does nothing when the
   * demo is disabled.
   *
   * @return how many agents were seeded
   */
  public static int seed(AgentRepository agents, DemoSettings demo, String realm) {
    if (!demo.enabled() || demo.agents() <= 0) {
      return 0;
    }
    List<Agent> list = agents(demo.agents());
    agents.upsertAll(list, realm, a -> demo.password());
    return list.size();
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
