package org.hotline.admin.http;

import java.util.Objects;
import org.hotline.core.user.Role;

/**
 * Who sent a request: a logged-in user and their role.
 *
 * @param name a user's name, an agent's id or an integration's name
 * @param role what the user may do
 */
public record Principal(String name, Role role) {
  public Principal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }

  /** Whether the principal is an agent, whose name is their agent id. */
  public boolean isAgent() {
    return role == Role.AGENT;
  }
}
