package org.hotline.cti.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentRepository;
import org.hotline.core.agent.DigestHash;
import org.hotline.core.user.Role;
import org.hotline.cti.bridge.CtiUsers;

/**
 * Who may open a CTI connection: an agent with their agent id and SIP password, an integration
 * with the user and password it is configured with.
 *
 * <p>An agent's password is checked the way their phone's is: the SHA-256 HA1 of their SIP user,
 * the realm and the password given is compared with the stored one, in constant time. A disabled
 * or unknown agent and a wrong password are refused alike. Integration names win over agent ids
 * with the same name. Nothing here says why a login was refused.
 */
public final class CtiLogins implements CtiUsers {
  /** The longest name or password looked at; longer is refused without hashing. */
  static final int MAX_INPUT = 256;

  /** What an unknown agent's HA1 is compared with: no hex digest equals it. */
  private static final String STAND_IN = "-".repeat(64);

  private final AgentRepository agents;
  private final String realm;
  /** Integration users and the SHA-256 of their passwords, compared in constant time. */
  private final Map<String, byte[]> integrations;

  /**
   * @param realm the SIP realm the agents' HA1 hashes were made with ({@code hotline.sip.realm})
   * @param integrations integration users and their passwords
   */
  public CtiLogins(AgentRepository agents, String realm, Map<String, String> integrations) {
    this.agents = Objects.requireNonNull(agents, "agents");
    this.realm = Objects.requireNonNull(realm, "realm");
    this.integrations =
        integrations.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> sha256(e.getValue())));
  }

  @Override
  public Optional<User> authenticate(String name, String password) {
    if (name == null || password == null || name.isEmpty() || name.length() > MAX_INPUT || password.length() > MAX_INPUT) {
      return Optional.empty();
    }
    byte[] expected = integrations.get(name);
    if (expected != null) {
      return MessageDigest.isEqual(expected, sha256(password)) ? Optional.of(new User(name, Role.INTEGRATION)) : Optional.empty();
    }
    // An unknown agent's password is hashed too, so a refusal costs about the same either way.
    Optional<Agent> agent = agents.byId(name);
    String given = DigestHash.sha256Ha1(agent.map(Agent::sipUser).orElse(name), realm, password);
    String stored = agent.flatMap(a -> agents.ha1(a.sipUser(), DigestHash.SHA_256, realm)).orElse(STAND_IN);
    boolean matches = MessageDigest.isEqual(utf8(stored), utf8(given));
    return matches ? agent.map(a -> new User(a.id(), Role.AGENT)) : Optional.empty();
  }

  private static byte[] sha256(String s) {
    return HexFormat.of().parseHex(DigestHash.hash(DigestHash.SHA_256, s));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
