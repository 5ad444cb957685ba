package org.hotline.admin.security;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hotline.config.DemoSettings;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentRepository;
import org.hotline.core.agent.DemoAgents;
import org.hotline.core.user.PasswordHash;
import org.hotline.core.user.Passwords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo agents at start, and keeps the well-known demo password off a server that others
 * can reach. A demo agent has two passwords, handled alike: the SIP password its phone registers
 * with and the desk password that opens the agent desktop.
 *
 * <ul>
 *   <li>Only the demo agents that do not exist are created; an existing one is never changed, so a
 *       password, queues or a disable an administrator (or, for the desk password, the agent) gave
 *       it survive restarts.
 *   <li>On loopback (SIP and HTTP bound to 127.x, ::1 or localhost) new demo agents get {@code
 *       hotline.demo.password}, {@link DemoSettings#WELL_KNOWN_PASSWORD} by default, as both SIP
 *       and desk password: the README's first call works as written.
 *   <li>Beyond loopback the well-known password is refused, since anyone may read it: new demo
 *       agents get a random SIP password and another random desk password instead, and so do the
 *       demo agents that still have the well-known one as either (seeded by an earlier loopback
 *       start, or by a version that seeded it at every start). They are printed once, on standard
 *       output only, like {@link AdminBootstrap}'s: log lines end up in files and collectors, so
 *       the WARN line saying so does not carry them.
 * </ul>
 */
public final class DemoAgentsBootstrap {
  private static final Logger log = LoggerFactory.getLogger(DemoAgentsBootstrap.class);

  /** Random bytes of a generated password: 96 bits, 16 base64url characters a softphone takes. */
  private static final int GENERATED_BYTES = 12;

  private final AgentRepository agents;
  private final String realm;
  private final PasswordHash hasher;
  private final PrintStream out;

  /**
   * The passwords generated and printed at a start.
   *
   * @param sip the demo agents' new SIP password; null when none was generated
   * @param desk their new desk password; null when none was generated
   */
  public record Generated(String sip, String desk) {}

  /**
   * @param realm the SIP realm the agents' digest hashes are made in
   * @param hasher what makes the desk password's hash
   * @param out where a generated password is printed (standard output)
   */
  public DemoAgentsBootstrap(
      AgentRepository agents, String realm, PasswordHash hasher, PrintStream out) {
    this.agents = Objects.requireNonNull(agents, "agents");
    this.realm = Objects.requireNonNull(realm, "realm");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Runs at start. Beyond loopback it costs a password hash per demo agent that has a desk
   * password, to tell whether it is the well-known one still.
   *
   * @param beyondLoopback whether SIP or HTTP listens where others can reach ({@link
   *     #beyondLoopback(String...)})
   * @return the passwords generated and printed now; null when none was
   */
  public Generated run(DemoSettings demo, boolean beyondLoopback) {
    boolean refused = beyondLoopback && demo.password().equals(DemoSettings.WELL_KNOWN_PASSWORD);
    String password = refused ? Passwords.random(GENERATED_BYTES) : demo.password();
    // Another random value: the SIP password, which the SIP port lets anyone try, never opens the
    // desktop.
    String desk = refused ? Passwords.random(GENERATED_BYTES) : demo.password();
    String deskHash = hasher.hash(desk);
    List<String> seeded = DemoAgents.seed(agents, demo, realm, password, deskHash);
    List<String> given = new ArrayList<>(seeded);
    List<String> givenDesk = new ArrayList<>(seeded);
    if (beyondLoopback) {
      given.addAll(
          DemoAgents.replacePassword(
              agents, demo, realm, DemoSettings.WELL_KNOWN_PASSWORD, password));
      givenDesk.addAll(
          DemoAgents.replaceDeskPassword(
              agents, demo, hasher, DemoSettings.WELL_KNOWN_PASSWORD, deskHash));
    }
    if (demo.enabled()) {
      List<String> all = DemoAgents.agents(demo.agents()).stream().map(Agent::id).toList();
      log.info(
          "demo configuration: agents {} (queues {}); {} given a password now",
          ids(all),
          DemoAgents.QUEUES,
          given.size());
    }
    if (!refused || (given.isEmpty() && givenDesk.isEmpty())) {
      return null;
    }
    given.sort(null);
    givenDesk.sort(null);
    log.warn(
        "the well-known demo password is refused on a server listening beyond loopback: generated a SIP password for demo"
            + " agents {} and a desk password for demo agents {}, and printed them once on standard output (not in this log)",
        ids(given),
        ids(givenDesk));
    if (!given.isEmpty()) {
      out.println(
          "generated the SIP password of demo agents "
              + ids(given)
              + " (shown this once; Hotline listens beyond"
              + " loopback, where the well-known demo password is refused): "
              + password);
    }
    if (!givenDesk.isEmpty()) {
      out.println(
          "generated the desk password of demo agents "
              + ids(givenDesk)
              + " (the agent desktop's; shown this once;"
              + " Hotline listens beyond loopback, where the well-known demo password is refused): "
              + desk);
    }
    out.flush();
    return new Generated(given.isEmpty() ? null : password, givenDesk.isEmpty() ? null : desk);
  }

  /**
   * Whether any of {@code hosts} (bind addresses) is reachable from other machines: anything but a
   * loopback address (127.x, ::1) or a name that resolves to one (localhost). A name that does not
   * resolve counts as reachable.
   */
  public static boolean beyondLoopback(String... hosts) {
    for (String host : hosts) {
      try {
        if (!InetAddress.getByName(host).isLoopbackAddress()) {
          return true;
        }
      } catch (UnknownHostException e) {
        return true;
      }
    }
    return false;
  }

  /** Sorted numeric ids as {@code 1001-1010} when they follow each other, else listed. */
  static String ids(List<String> ids) {
    if (ids.isEmpty()) {
      return "(none)";
    }
    boolean consecutive = true;
    for (int i = 1; i < ids.size() && consecutive; i++) {
      consecutive =
          ids.get(i).matches("\\d{1,9}")
              && ids.get(i - 1).matches("\\d{1,9}")
              && Integer.parseInt(ids.get(i)) == Integer.parseInt(ids.get(i - 1)) + 1;
    }
    return consecutive && ids.size() > 2
        ? ids.get(0) + "-" + ids.get(ids.size() - 1)
        : String.join(", ", ids);
  }
}
