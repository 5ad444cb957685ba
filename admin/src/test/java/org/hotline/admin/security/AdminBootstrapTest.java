package org.hotline.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.hotline.config.DataSettings;
import org.hotline.core.db.Database;
import org.hotline.core.time.ManualClock;
import org.hotline.core.user.PasswordHash;
import org.hotline.core.user.Role;
import org.hotline.core.user.User;
import org.hotline.core.user.UserRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class AdminBootstrapTest {
  final PasswordHash hasher = new PasswordHash(1_000);
  final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @TempDir Path dir;
  Database db;
  UserRepository users;
  AdminBootstrap bootstrap;

  @BeforeEach
  void start() {
    db =
        new Database(
            new DataSettings(dir, "jdbc:h2:file:" + dir.resolve("hotline"), "hotline", "", 2));
    users = new UserRepository(db.dsl(), new ManualClock(Instant.parse("2026-03-01T08:00:00Z")));
    bootstrap =
        new AdminBootstrap(users, hasher, new PrintStream(printed, true, StandardCharsets.UTF_8));
    logged.start();
    ((Logger) LoggerFactory.getLogger(AdminBootstrap.class)).addAppender(logged);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(AdminBootstrap.class)).detachAppender(logged);
    db.close();
  }

  String out() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void firstStart_withoutAPassword_generatesAStrongOne_storesItHashed_andPrintsItOnce() {
    String password = bootstrap.run("");

    assertNotNull(password);
    assertTrue(password.length() >= 24);
    User admin = users.byName("admin").orElseThrow();
    assertEquals(Role.ADMIN, admin.role());
    assertFalse(admin.passwordHash().contains(password));
    assertTrue(hasher.verify(password, admin.passwordHash()));
    assertEquals(1, out().lines().count());
    assertTrue(out().contains(password));
    assertEquals(1, logged.list.size(), "the log says a password was made");
    String logLine = logged.list.get(0).getFormattedMessage();
    assertTrue(logLine.contains("standard output"), logLine);
    assertFalse(logLine.contains(password), "log files never hold the password: " + logLine);

    assertNull(bootstrap.run(""), "the next start generates nothing");
    assertNull(bootstrap.run(""));
    assertEquals(1, out().lines().count(), "and prints nothing");
    assertTrue(hasher.verify(password, users.byName("admin").orElseThrow().passwordHash()));
  }

  @Test
  void twoFirstStarts_generateDifferentPasswords() {
    String first = bootstrap.run("");
    users.delete("admin");

    assertFalse(first.equals(bootstrap.run("")));
  }

  @Test
  void aConfiguredPassword_wins_atEveryStart_andIsNeverPrinted() {
    bootstrap.run("");
    users.setEnabled("admin", false);
    users.setRole("admin", Role.SUPERVISOR);

    assertNull(bootstrap.run("configured-password-1"));

    User admin = users.byName("admin").orElseThrow();
    assertTrue(hasher.verify("configured-password-1", admin.passwordHash()));
    assertEquals(Role.ADMIN, admin.role());
    assertTrue(admin.enabled());
    assertFalse(out().contains("configured-password-1"));
  }

  @Test
  void aConfiguredPassword_onAFreshDatabase_createsTheAdmin_withoutGenerating() {
    assertNull(bootstrap.run("configured-password-1"));

    assertTrue(
        hasher.verify("configured-password-1", users.byName("admin").orElseThrow().passwordHash()));
    assertEquals("", out());
  }

  @Test
  void anotherAdministrator_meansNothingIsGenerated() {
    users.create("root", Role.ADMIN, hasher.hash("root-password-1"));

    assertNull(bootstrap.run(""));
    assertTrue(users.byName("admin").isEmpty());
  }
}
