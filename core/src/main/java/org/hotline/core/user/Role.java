package org.hotline.core.user;

import java.util.Locale;
import java.util.Optional;

/**
 * What a logged-in user may see and do. Administrators and supervisors are {@link User}s; agents
 * log in with their agent id and desk password (not the SIP password); integrations (CRMs,
 * wallboards) are configured.
 */
public enum Role {
  /** Runs the system: users, agents, reloads, the audit log. */
  ADMIN,
  /** Runs the floor: queues, agents' states, reports, customer imports. */
  SUPERVISOR,
  /** Takes calls; sees and acts on themselves. */
  AGENT,
  /** A program (CRM, wallboard) that sees every agent and acts on any. */
  INTEGRATION;

  /** The role's name as the API and the database spell it: {@code admin}, {@code supervisor}... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role spelled {@code id} (any case); empty when there is none. */
  public static Optional<Role> of(String id) {
    if (id == null) {
      return Optional.empty();
    }
    for (Role role : values()) {
      if (role.id().equalsIgnoreCase(id.strip())) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
