package org.hotline.cti.bridge;

import java.util.Optional;
import org.hotline.core.user.Role;

/** Who may open a CTI connection: agents with their id and desk password, and integrations. */
public interface CtiUsers {

  /**
   * A logged-in user: an agent (acts on and sees themselves), an integration (sees and acts on
   * all), a supervisor (sees all, read-only on CTI) or an administrator.
   */
  record User(String name, Role role) {}

  /**
   * The user {@code name} when {@code password} is theirs; empty otherwise (never says which). An
   * implementation that hashes for some names hashes alike for all, so that timing does not tell
   * which names are known.
   */
  Optional<User> authenticate(String name, String password);
}
