package org.hotline.admin.security;

import java.io.PrintStream;
import java.util.Objects;
import org.hotline.core.user.PasswordHash;
import org.hotline.core.user.Passwords;
import org.hotline.core.user.Role;
import org.hotline.core.user.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure an administrator can log in, with no default password.
 *
 * <ul>
 *   <li>{@code hotline.admin.password} set: the {@code admin} user gets it at every start (created,
 *       or enabled and made an administrator again: the way back in for a lost password)
 *   <li>unset, and no administrator yet (the first start): {@code admin} is created with a strong
 *       random password, stored hashed and printed once, on standard output only: log lines end up
 *       in files and log collectors, so the WARN line that says a password was made does not carry
 *       it. Never again, since an administrator exists from then on
 *   <li>unset, and an administrator exists: nothing
 * </ul>
 */
public final class AdminBootstrap {
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  /** The administrator's user name. */
  public static final String ADMIN = "admin";

  /** Random bytes of a generated password: 144 bits, 24 base64url characters. */
  private static final int GENERATED_BYTES = 18;

  private final UserRepository users;
  private final PasswordHash hasher;
  private final PrintStream out;

  /**
   * @param out where a generated password is printed (standard output)
   */
  public AdminBootstrap(UserRepository users, PasswordHash hasher, PrintStream out) {
    this.users = Objects.requireNonNull(users, "users");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Runs at start.
   *
   * @param configured {@code hotline.admin.password}; empty when unset
   * @return the generated password when one was made now; null otherwise
   */
  public String run(String configured) {
    if (!configured.isEmpty()) {
      boolean exists =
          users
              .byName(ADMIN)
              .map(
                  u -> {
                    if (!hasher.verify(configured, u.passwordHash())) {
                      users.setPassword(ADMIN, hasher.hash(configured));
                    }
                    if (u.role() != Role.ADMIN) {
                      users.setRole(ADMIN, Role.ADMIN);
                    }
                    if (!u.enabled()) {
                      users.setEnabled(ADMIN, true);
                    }
                    return true;
                  })
              .orElse(false);
      if (!exists) {
        users.create(ADMIN, Role.ADMIN, hasher.hash(configured));
      }
      log.info("user '{}' has the password of hotline.admin.password", ADMIN);
      return null;
    }
    if (users.anyAdmin()) {
      return null;
    }
    String password = Passwords.random(GENERATED_BYTES);
    if (users.create(ADMIN, Role.ADMIN, hasher.hash(password)).isEmpty()) {
      // A user named admin exists but is no administrator: leave it, and say how to get in.
      log.error(
          "no administrator, and user '{}' is not one: set hotline.admin.password to make it one",
          ADMIN);
      return null;
    }
    log.warn(
        "generated a password for user '{}' and printed it once on standard output (not in this log):"
            + " change it, or set hotline.admin.password",
        ADMIN);
    out.println(
        "generated the password of user '"
            + ADMIN
            + "' (shown this once; change it or set hotline.admin.password): "
            + password);
    out.flush();
    return password;
  }
}
