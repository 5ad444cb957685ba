package org.hotline.admin.http;

import java.util.Objects;
import org.hotline.core.user.Role;

/**
 * Who sent a request: a logged-in user and their role.
 *
 * @param name a user's name, an agent's id or an integration's name
 * @param role what the user may do
 * @param session the token of the session the user proved (a route that lives as long as the
 *     session, the CTI WebSocket, follows it); null when they proved a password instead
 */
public record Principal(String name, Role role, String session) {
  public Principal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }

  /** A user who proved a password, not a session. */
  public Principal(String name, Role role) {
    this(name, role, null);
  }

  /** Whether the principal is an agent, whose name is their agent id. */
  public boolean isAgent() {
    return role == Role.AGENT;
  }

  /** The name and role; never the session token, which is a secret. */
  @Override
  public String toString() {
    return "Principal[name="
        + name
        + ", role="
        + role.id()
        + (session == null ? "" : ", session=***")
        + "]";
  }
}
