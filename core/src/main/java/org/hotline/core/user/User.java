package org.hotline.core.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A user who logs in by name and password: an administrator or a supervisor.
 *
 * @param id the row's id
 * @param name the login name, never an agent id
 * @param role {@link Role#ADMIN} or {@link Role#SUPERVISOR}
 * @param passwordHash the slow salted hash of the password, never the password
 * @param enabled whether the user may log in
 * @param failedAttempts wrong passwords given in a row since the last good one
 * @param lockedUntil until when logins are refused after too many wrong passwords; null when not
 *     locked
 * @param createdAt when the user was created
 * @param updatedAt when the user was last changed
 */
public record User(
    long id,
    String name,
    Role role,
    String passwordHash,
    boolean enabled,
    int failedAttempts,
    Instant lockedUntil,
    Instant createdAt,
    Instant updatedAt) {
  public User {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(passwordHash, "passwordHash");
  }

  /** Whether logins are refused at {@code now} for too many wrong passwords. */
  public boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** Who the user is, for log lines, without the hash. */
  @Override
  public String toString() {
    return "User[name=" + name + ", role=" + role.id() + ", enabled=" + enabled + "]";
  }
}
