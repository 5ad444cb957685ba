package org.hotline.core.user;

import static org.hotline.core.db.jooq.Tables.HOTLINE_USER;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotline.core.db.DbTime;
import org.hotline.core.db.jooq.tables.records.HotlineUserRecord;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Administrators and supervisors in the {@code hotline_user} table. It stores password hashes it is
 * given and never sees a password.
 */
public class UserRepository {
  /** The roles a stored user may have. */
  public static final List<Role> ROLES = List.of(Role.ADMIN, Role.SUPERVISOR);

  private final DSLContext dsl;
  private final Clock clock;

  /**
   * @param dsl where the table is
   * @param clock stamps {@code created_at} and {@code updated_at}
   */
  public UserRepository(DSLContext dsl, Clock clock) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Stores a new enabled user.
   *
   * @return the user; empty when the name is taken
   * @throws IllegalArgumentException for a role a user may not have
   */
  public Optional<User> create(String name, Role role, String passwordHash) {
    checkRole(role);
    OffsetDateTime now = DbTime.utc(clock.instant());
    try {
      dsl.insertInto(HOTLINE_USER)
          .set(HOTLINE_USER.NAME, name)
          .set(HOTLINE_USER.ROLE, role.id())
          .set(HOTLINE_USER.PASSWORD_HASH, passwordHash)
          .set(HOTLINE_USER.ENABLED, true)
          .set(HOTLINE_USER.FAILED_ATTEMPTS, 0)
          .set(HOTLINE_USER.CREATED_AT, now)
          .set(HOTLINE_USER.UPDATED_AT, now)
          .execute();
    } catch (IntegrityConstraintViolationException e) {
      return Optional.empty();
    }
    return byName(name);
  }

  /** User {@code name}. */
  public Optional<User> byName(String name) {
    return dsl.selectFrom(HOTLINE_USER)
        .where(HOTLINE_USER.NAME.eq(name))
        .fetchOptional(UserRepository::user);
  }

  /** Every user, by name. */
  public List<User> all() {
    return dsl.selectFrom(HOTLINE_USER).orderBy(HOTLINE_USER.NAME).fetch(UserRepository::user);
  }

  /** How many enabled administrators there are. */
  public int enabledAdmins() {
    return dsl.fetchCount(
        HOTLINE_USER, HOTLINE_USER.ROLE.eq(Role.ADMIN.id()).and(HOTLINE_USER.ENABLED.isTrue()));
  }

  /** Whether any administrator exists, enabled or not. */
  public boolean anyAdmin() {
    return dsl.fetchExists(HOTLINE_USER, HOTLINE_USER.ROLE.eq(Role.ADMIN.id()));
  }

  /** Sets user {@code name}'s password hash and lifts any lockout; whether the user exists. */
  public boolean setPassword(String name, String passwordHash) {
    return dsl.update(HOTLINE_USER)
            .set(HOTLINE_USER.PASSWORD_HASH, passwordHash)
            .set(HOTLINE_USER.FAILED_ATTEMPTS, 0)
            .setNull(HOTLINE_USER.LOCKED_UNTIL)
            .set(HOTLINE_USER.UPDATED_AT, now())
            .where(HOTLINE_USER.NAME.eq(name))
            .execute()
        > 0;
  }

  /** Sets user {@code name}'s role; whether the user exists. */
  public boolean setRole(String name, Role role) {
    checkRole(role);
    return dsl.update(HOTLINE_USER)
            .set(HOTLINE_USER.ROLE, role.id())
            .set(HOTLINE_USER.UPDATED_AT, now())
            .where(HOTLINE_USER.NAME.eq(name))
            .execute()
        > 0;
  }

  /** Enables or disables user {@code name} (enabling lifts a lockout); whether the user exists. */
  public boolean setEnabled(String name, boolean enabled) {
    var update =
        dsl.update(HOTLINE_USER)
            .set(HOTLINE_USER.ENABLED, enabled)
            .set(HOTLINE_USER.UPDATED_AT, now());
    if (enabled) {
      update = update.set(HOTLINE_USER.FAILED_ATTEMPTS, 0).setNull(HOTLINE_USER.LOCKED_UNTIL);
    }
    return update.where(HOTLINE_USER.NAME.eq(name)).execute() > 0;
  }

  /** Deletes user {@code name}; whether there was one. */
  public boolean delete(String name) {
    return dsl.deleteFrom(HOTLINE_USER).where(HOTLINE_USER.NAME.eq(name)).execute() > 0;
  }

  /**
   * Counts a wrong password for user {@code name}, locking it until {@code lockedUntil} when null
   * is not given.
   *
   * @return the wrong passwords in a row now
   */
  public int recordFailure(String name, Instant lockedUntil) {
    var update =
        dsl.update(HOTLINE_USER)
            .set(HOTLINE_USER.FAILED_ATTEMPTS, HOTLINE_USER.FAILED_ATTEMPTS.plus(1));
    if (lockedUntil != null) {
      update =
          update
              .set(HOTLINE_USER.LOCKED_UNTIL, DbTime.utc(lockedUntil))
              .set(HOTLINE_USER.FAILED_ATTEMPTS, 0);
    }
    update.where(HOTLINE_USER.NAME.eq(name)).execute();
    return byName(name).map(User::failedAttempts).orElse(0);
  }

  /** Forgets user {@code name}'s wrong passwords after a good one. */
  public void clearFailures(String name) {
    dsl.update(HOTLINE_USER)
        .set(HOTLINE_USER.FAILED_ATTEMPTS, 0)
        .setNull(HOTLINE_USER.LOCKED_UNTIL)
        .where(
            HOTLINE_USER
                .NAME
                .eq(name)
                .and(HOTLINE_USER.FAILED_ATTEMPTS.gt(0).or(HOTLINE_USER.LOCKED_UNTIL.isNotNull())))
        .execute();
  }

  private OffsetDateTime now() {
    return DbTime.utc(clock.instant());
  }

  private static void checkRole(Role role) {
    if (!ROLES.contains(role)) {
      throw new IllegalArgumentException("a user is an admin or a supervisor, not " + role.id());
    }
  }

  private static User user(HotlineUserRecord r) {
    return new User(
        r.getId(),
        r.getName(),
        Role.of(r.getRole()).orElseThrow(),
        r.getPasswordHash(),
        r.getEnabled(),
        r.getFailedAttempts(),
        r.getLockedUntil() == null ? null : r.getLockedUntil().toInstant(),
        r.getCreatedAt().toInstant(),
        r.getUpdatedAt().toInstant());
  }
}
