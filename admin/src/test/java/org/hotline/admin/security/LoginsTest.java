package org.hotline.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.config.DataSettings;
import org.hotline.core.db.Database;
import org.hotline.core.time.ManualClock;
import org.hotline.core.user.PasswordHash;
import org.hotline.core.user.Role;
import org.hotline.core.user.UserRepository;
import org.hotline.cti.bridge.CtiUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logins of every role, slowed down and locked out on a fake clock. */
class LoginsTest {
  static final String ADDRESS = "192.0.2.10";
  static final String ATTACKER = "203.0.113.9";

  final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T08:00:00Z"));
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final PasswordHash hasher = new PasswordHash(1_000);

  /** Agent 1001 with desk password desk-pw, integration crm with crm-pw. */
  final CtiUsers others =
      (name, password) ->
          switch (name) {
            case "1001" ->
                "desk-pw".equals(password)
                    ? Optional.of(new CtiUsers.User("1001", Role.AGENT))
                    : Optional.empty();
            case "crm" ->
                "crm-pw".equals(password)
                    ? Optional.of(new CtiUsers.User("crm", Role.INTEGRATION))
                    : Optional.empty();
            default -> Optional.empty();
          };

  @TempDir Path dir;
  Database db;
  UserRepository users;
  Logins logins;

  @BeforeEach
  void start() {
    db =
        new Database(
            new DataSettings(dir, "jdbc:h2:file:" + dir.resolve("hotline"), "hotline", "", 2));
    users = new UserRepository(db.dsl(), clock);
    users.create("lin", Role.SUPERVISOR, hasher.hash("supervisor-pw"));
    logins =
        new Logins(
            users,
            others,
            hasher,
            new LoginThrottle(clock, 5, Duration.ofMinutes(15)),
            clock,
            meters);
  }

  @AfterEach
  void stop() {
    db.close();
  }

  double count(String result) {
    return meters.get("hotline.security.logins").tag("result", result).counter().count();
  }

  @Test
  void everyRole_logsInWithItsOwnKindOfPassword() {
    assertEquals(
        new CtiUsers.User("lin", Role.SUPERVISOR),
        logins.login("lin", "supervisor-pw", ADDRESS).user());
    assertEquals(
        new CtiUsers.User("1001", Role.AGENT), logins.login("1001", "desk-pw", ADDRESS).user());
    assertEquals(
        new CtiUsers.User("crm", Role.INTEGRATION), logins.login("crm", "crm-pw", ADDRESS).user());
    assertEquals(3.0, count("ok"));
  }

  @Test
  void wrongPasswords_unknownNames_andDisabledUsers_areAllJustWrong() {
    users.create("old", Role.ADMIN, hasher.hash("admin-password"));
    users.setEnabled("old", false);

    for (Logins.Result r :
        new Logins.Result[] {
          logins.login("lin", "nope", ADDRESS),
              logins.login("ghost", "supervisor-pw", "192.0.2.11"),
          logins.login("old", "admin-password", "192.0.2.12"), logins.login("", "", "192.0.2.13"),
          logins.login("x".repeat(300), "pw", "192.0.2.14")
        }) {
      assertFalse(r.ok());
      assertNull(r.retryAfter());
    }
    assertEquals(5.0, count("failed"));
  }

  @Test
  void repeatedFailures_areRefusedUnchecked_withRetryAfter_thenLockTheUserInTheDatabase() {
    assertFalse(logins.login("lin", "nope", ADDRESS).ok());
    assertFalse(logins.login("lin", "nope", ADDRESS).ok());
    Logins.Result tooSoon = logins.login("lin", "supervisor-pw", ADDRESS);
    assertFalse(tooSoon.ok(), "even the right password waits");
    assertEquals(1, tooSoon.retryAfterSeconds());
    assertEquals(1.0, count("throttled"));

    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofSeconds(30));
      assertFalse(logins.login("lin", "nope", ADDRESS).ok());
    }
    assertEquals(1.0, meters.get("hotline.security.lockouts").counter().count());
    Instant lockedUntil = users.byName("lin").orElseThrow().lockedUntil();
    assertEquals(clock.instant().plus(Duration.ofMinutes(15)), lockedUntil);

    clock.advance(Duration.ofMinutes(1));
    Logins.Result locked = logins.login("lin", "supervisor-pw", ADDRESS);
    assertFalse(locked.ok());
    assertEquals(14 * 60, locked.retryAfterSeconds());

    clock.advance(Duration.ofMinutes(14));
    assertTrue(logins.login("lin", "supervisor-pw", ADDRESS).ok());
    assertNull(users.byName("lin").orElseThrow().lockedUntil());
  }

  @Test
  void theRightPassword_fromWhereTheUserLoggedInBefore_isNotLockedOut_byGuessesFromElsewhere() {
    assertTrue(logins.login("lin", "supervisor-pw", ADDRESS).ok());
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(30));
      assertFalse(logins.login("lin", "guess-" + i, ATTACKER).ok());
    }
    assertEquals(
        1.0,
        meters.get("hotline.security.lockouts").counter().count(),
        "locked for places it never logged in from");

    assertTrue(logins.login("lin", "supervisor-pw", ADDRESS).ok(), "the known place gets in");
    Logins.Result elsewhere = logins.login("lin", "supervisor-pw", "198.51.100.2");
    assertFalse(elsewhere.ok());
    assertEquals(
        15 * 60 - 1, elsewhere.retryAfterSeconds(), 1, "a new place waits out the lockout");
  }

  @Test
  void guessesFromOneAddress_slowDownThatAddressForTheName_notTheUserElsewhere() {
    assertFalse(logins.login("lin", "guess-1", ATTACKER).ok());
    assertFalse(logins.login("lin", "guess-2", ATTACKER).ok());

    assertNotNull(
        logins.login("lin", "guess-3", ATTACKER).retryAfter(), "the guessing address waits");
    assertTrue(logins.login("lin", "supervisor-pw", ADDRESS).ok(), "the user elsewhere does not");
  }

  @Test
  void concurrentGuesses_areCountedAsTheyStart_soTheyCannotAllPassTheCheckAtOnce()
      throws Exception {
    int guesses = 6;
    AtomicInteger checked = new AtomicInteger();
    CountDownLatch arrived = new CountDownLatch(guesses);
    CtiUsers slow =
        (name, password) -> {
          checked.incrementAndGet();
          arrived.countDown();
          try {
            // Holds every check until all guesses could have started, as a slow hash would.
            arrived.await(2, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Optional.empty();
        };
    Logins racing =
        new Logins(
            users,
            slow,
            hasher,
            new LoginThrottle(clock, 5, Duration.ofMinutes(15)),
            clock,
            meters);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < guesses; i++) {
      int n = i;
      threads.add(Thread.ofVirtual().start(() -> racing.login("1001", "guess-" + n, ATTACKER)));
    }
    for (Thread t : threads) {
      t.join(10_000);
    }

    assertTrue(
        checked.get() <= 2,
        checked.get()
            + " guesses were checked at once; the first is free, the second makes the next wait");
  }

  @Test
  void aLockoutStoredInTheDatabase_holdsAfterARestart() {
    users.recordFailure("lin", clock.instant().plus(Duration.ofMinutes(10)));
    Logins restarted =
        new Logins(
            users,
            others,
            hasher,
            new LoginThrottle(clock, 5, Duration.ofMinutes(15)),
            clock,
            meters);

    Logins.Result result = restarted.login("lin", "supervisor-pw", ADDRESS);

    assertFalse(result.ok());
    assertEquals(600, result.retryAfterSeconds());
  }

  @Test
  void basicCredentials_areRememberedForAMinute_andForgottenOnAChange() {
    assertTrue(logins.basic("lin", "supervisor-pw", ADDRESS).ok());
    users.setPassword("lin", hasher.hash("another-password"));

    assertTrue(logins.basic("lin", "supervisor-pw", ADDRESS).ok(), "remembered");
    assertEquals(1.0, count("ok"), "without checking again");

    logins.forget();
    assertFalse(logins.basic("lin", "supervisor-pw", ADDRESS).ok());
    clock.advance(Duration.ofSeconds(2));
    assertTrue(logins.basic("lin", "another-password", ADDRESS).ok());
    clock.advance(Logins.BASIC_TTL);
    users.setEnabled("lin", false);
    assertFalse(
        logins.basic("lin", "another-password", ADDRESS).ok(), "checked again after a minute");
    assertNotNull(logins.login("1001", "desk-pw", ADDRESS).user());
  }
}
