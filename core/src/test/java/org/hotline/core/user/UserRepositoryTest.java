package org.hotline.core.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.core.db.Database;
import org.hotline.core.db.TestDatabases;
import org.hotline.core.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserRepositoryTest {
  final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T08:00:00Z"));

  @TempDir Path dir;
  Database db;
  UserRepository users;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    users = new UserRepository(db.dsl(), clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void create_storesAnEnabledUser_andRefusesATakenName() {
    User lin = users.create("lin", Role.SUPERVISOR, "hash-1").orElseThrow();

    assertEquals("lin", lin.name());
    assertEquals(Role.SUPERVISOR, lin.role());
    assertEquals("hash-1", lin.passwordHash());
    assertTrue(lin.enabled());
    assertEquals(clock.instant(), lin.createdAt());
    assertTrue(users.create("lin", Role.ADMIN, "hash-2").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> users.create("1001", Role.AGENT, "hash"));
    assertEquals(List.of("lin"), users.all().stream().map(User::name).toList());
  }

  @Test
  void admins_areCountedWhenEnabled() {
    users.create("root", Role.ADMIN, "h");
    users.create("lin", Role.SUPERVISOR, "h");
    assertTrue(users.anyAdmin());
    assertEquals(1, users.enabledAdmins());

    users.setEnabled("root", false);

    assertEquals(0, users.enabledAdmins());
    assertTrue(users.anyAdmin());
    users.setRole("lin", Role.ADMIN);
    assertEquals(1, users.enabledAdmins());
  }

  @Test
  void failures_areCounted_aLockoutIsStored_andAGoodLoginOrANewPasswordLiftsIt() {
    users.create("lin", Role.SUPERVISOR, "h");

    assertEquals(1, users.recordFailure("lin", null));
    assertEquals(2, users.recordFailure("lin", null));
    Instant until = clock.instant().plus(Duration.ofMinutes(15));
    users.recordFailure("lin", until);

    User locked = users.byName("lin").orElseThrow();
    assertEquals(until, locked.lockedUntil());
    assertTrue(locked.lockedAt(clock.instant()));
    assertFalse(locked.lockedAt(until));

    users.clearFailures("lin");
    assertNull(users.byName("lin").orElseThrow().lockedUntil());
    users.recordFailure("lin", until);
    clock.advance(Duration.ofMinutes(1));
    assertTrue(users.setPassword("lin", "h2"));
    User reset = users.byName("lin").orElseThrow();
    assertNull(reset.lockedUntil());
    assertEquals("h2", reset.passwordHash());
    assertEquals(clock.instant(), reset.updatedAt());
  }

  @Test
  void changes_toAnUnknownUser_sayNoUser() {
    assertFalse(users.setPassword("ghost", "h"));
    assertFalse(users.setRole("ghost", Role.ADMIN));
    assertFalse(users.setEnabled("ghost", true));
    assertFalse(users.delete("ghost"));
  }

  @Test
  void delete_removesTheUser() {
    users.create("lin", Role.SUPERVISOR, "h");

    assertTrue(users.delete("lin"));
    assertTrue(users.byName("lin").isEmpty());
  }
}
