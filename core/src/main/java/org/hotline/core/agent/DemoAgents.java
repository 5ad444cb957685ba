package org.hotline.core.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.config.DemoSettings;
import org.hotline.core.user.PasswordHash;

/**
 * The demo agents: {@code 1001, 1002, ...}, each named {@code Agent <id>}, with the id as SIP user
 * and serving the demo flows' queues ({@code sales}, {@code support}, {@code billing}, {@code
 * vip}), all with one SIP password and one desk password.
 *
 * <p>Seeding creates the demo agents that do not exist and never touches one that does: an
 * administrator may have changed its password, queues or name, or disabled it, and a restart must
 * not undo that.
 */
public final class DemoAgents {
  /** The queues every demo agent serves. */
  public static final Set<String> QUEUES = Set.of("sales", "support", "billing", "vip");

  private DemoAgents() {}

  /**
   * Creates those of the {@code demo.agents()} demo agents that do not exist yet, with SIP password
   * {@code password} in {@code realm} and the desk password whose hash is {@code deskHash}; does
   * nothing when the demo is disabled.
   *
   * <p>Every agent seeded now gets the one hash: they share the password, which is the demo's
   * (documented or printed) anyway, and hashing it once per agent would cost a tenth of a second
   * each at the first start.
   *
   * @return the ids of the agents created now
   */
  public static List<String> seed(
      AgentRepository agents, DemoSettings demo, String realm, String password, String deskHash) {
    if (!demo.enabled() || demo.agents() <= 0) {
      return List.of();
    }
    return agents.createMissing(agents(demo.agents()), realm, a -> password, a -> deskHash);
  }

  /**
   * Gives {@code password} to those of the {@code demo.agents()} demo agents whose password is
   * {@code old} still (a well-known one that must not stay on a server others can reach); the
   * others keep theirs. Whether the demo is enabled now or not: the agents it seeded before stay.
   *
   * @return the ids of the agents whose password changed
   */
  public static List<String> replacePassword(
      AgentRepository agents, DemoSettings demo, String realm, String old, String password) {
    List<String> replaced = new ArrayList<>();
    for (Agent agent : agents(demo.agents())) {
      if (agents.hasPassword(agent.id(), realm, old)
          && agents.setPassword(agent.id(), realm, password)) {
        replaced.add(agent.id());
      }
    }
    return replaced;
  }

  /**
   * Gives the desk password hashed as {@code hash} to those of the {@code demo.agents()} demo
   * agents whose desk password is {@code old} still; the others, and those without one, keep what
   * they have.
   *
   * <p>Costs one password hash per distinct stored hash, not per agent: the agents seeded at one
   * start share theirs ({@link #seed}), so a server beyond loopback, which runs this at every
   * start, does not spend a tenth of a second per demo agent each time.
   *
   * @return the ids of the agents whose desk password changed
   */
  public static List<String> replaceDeskPassword(
      AgentRepository agents, DemoSettings demo, PasswordHash hasher, String old, String hash) {
    List<String> replaced = new ArrayList<>();
    Map<String, Boolean> holdsOldByHash = new HashMap<>();
    for (Agent agent : agents(demo.agents())) {
      boolean holdsOld =
          agents
              .deskPasswordHash(agent.id())
              .map(stored -> holdsOldByHash.computeIfAbsent(stored, h -> hasher.verify(old, h)))
              .orElse(false);
      if (holdsOld && agents.setDeskPasswordHash(agent.id(), hash)) {
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
