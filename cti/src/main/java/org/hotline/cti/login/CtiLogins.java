package org.hotline.cti.login;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentRepository;
import org.hotline.core.agent.DigestHash;
import org.hotline.core.user.PasswordHash;
import org.hotline.core.user.Role;
import org.hotline.cti.bridge.CtiUsers;

/**
 * Who may open a CTI connection, the agent desktop or the API besides the users: an agent with
 * their agent id and desk password, an integration with the user and password it is configured
 * with.
 *
 * <p>An agent's desk password is their own, checked against its stored {@link PasswordHash}; the
 * SIP password their phone registers with never opens the desktop, so a SIP password guessed on the
 * SIP port reaches no further than the phone line. An agent without a desk password (every agent of
 * a database from before desk passwords, until an administrator gives them one), a disabled or
 * unknown agent and a wrong password are refused alike.
 *
 * <p>Every check costs one password hash, whoever the name is: an unknown agent's, or one without a
 * desk password, is compared with a stand-in hash, and an integration's pays one too before its
 * configured password is compared; so timing does not tell which names are agents. Integration
 * names win over agent ids with the same name. Nothing here says why a login was refused.
 */
public final class CtiLogins implements CtiUsers {
  /** The longest name or password looked at; longer is refused without hashing. */
  static final int MAX_INPUT = 256;

  private final AgentRepository agents;
  private final PasswordHash hasher;

  /**
   * What a password is checked against when there is no desk password to check: no password
   * verifies it.
   */
  private final String standIn;

  /** Integration users and the SHA-256 of their passwords, compared in constant time. */
  private final Map<String, byte[]> integrations;

  /**
   * @param hasher what made the agents' desk password hashes, and what the stand-in is made with
   * @param integrations integration users and their passwords
   */
  public CtiLogins(AgentRepository agents, PasswordHash hasher, Map<String, String> integrations) {
    this.agents = Objects.requireNonNull(agents, "agents");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.standIn = hasher.hash(Base64.getEncoder().encodeToString(secret));
    this.integrations =
        integrations.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> sha256(e.getValue())));
  }

  @Override
  public Optional<User> authenticate(String name, String password) {
    if (name == null
        || password == null
        || name.isEmpty()
        || name.length() > MAX_INPUT
        || password.length() > MAX_INPUT) {
      return Optional.empty();
    }
    byte[] expected = integrations.get(name);
    if (expected != null) {
      hasher.verify(password, standIn);
      return MessageDigest.isEqual(expected, sha256(password))
          ? Optional.of(new User(name, Role.INTEGRATION))
          : Optional.empty();
    }
    Optional<Agent> agent = agents.byId(name);
    Optional<String> stored = agent.flatMap(a -> agents.deskPasswordHash(a.id()));
    // Hashed even when there is nothing to compare with, so a refusal costs about the same either
    // way.
    boolean matches = hasher.verify(password, stored.orElse(standIn)) && stored.isPresent();
    return matches ? agent.map(a -> new User(a.id(), Role.AGENT)) : Optional.empty();
  }

  private static byte[] sha256(String s) {
    return HexFormat.of().parseHex(DigestHash.hash(DigestHash.SHA_256, s));
  }
}
