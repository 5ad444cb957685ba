package org.hotline.cti.bridge;

import java.util.Optional;

/** Who may open a CTI connection: agents with their id and SIP password, and integrations. */
public interface CtiUsers {

  /** A logged-in user: an agent (acts on and sees themselves) or an integration (sees all). */
  record User(String name, Role role) {}

  /** What a user may see and do. */
  enum Role { AGENT, INTEGRATION }

  /** The user {@code name} when {@code password} is theirs; empty otherwise (never says which). */
  Optional<User> authenticate(String name, String password);
}
