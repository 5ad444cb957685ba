package org.hotline.core.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.hotline.config.DataSettings;
import org.hotline.core.audit.AuditEntry;
import org.hotline.core.audit.AuditRepository;
import org.hotline.core.db.Database;
import org.hotline.core.time.ManualClock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users and the audit log on a real PostgreSQL, found like {@code
 * org.hotline.core.ticket.TicketPostgresTest} finds it, in a schema of its own ({@code user_test},
 * dropped and recreated). Without the variables it fails in CI and is skipped elsewhere.
 */
class UserAuditPostgresTest {
  static final String SCHEMA = "user_test";
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  @TempDir Path dir;

  @BeforeEach
  void requirePostgres() {
    String url = System.getenv("HOTLINE_TEST_PG_URL");
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      String message =
          "no PostgreSQL for this test: set HOTLINE_TEST_PG_URL, _USER and _PASSWORD (.ci/run does)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
  }

  @Test
  void postgres_storesUsersTheirLockoutsAndTheAuditLog() throws SQLException {
    String url = System.getenv("HOTLINE_TEST_PG_URL");
    String user = System.getenv("HOTLINE_TEST_PG_USER");
    String password = System.getenv("HOTLINE_TEST_PG_PASSWORD");
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      st.execute("CREATE SCHEMA " + SCHEMA);
    }
    String inSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    ManualClock clock = new ManualClock(T0);
    try (Database db = new Database(new DataSettings(dir, inSchema, user, password, 2))) {
      UserRepository users = new UserRepository(db.dsl(), clock);
      users.create("admin", Role.ADMIN, "pbkdf2-sha256$210000$c2FsdA$aGFzaA").orElseThrow();
      users.create("lin", Role.SUPERVISOR, "h").orElseThrow();
      assertTrue(users.create("lin", Role.ADMIN, "h").isEmpty());
      assertEquals(1, users.enabledAdmins());
      users.recordFailure("lin", null);
      users.recordFailure("lin", T0.plus(Duration.ofMinutes(15)));
      assertEquals(
          T0.plus(Duration.ofMinutes(15)), users.byName("lin").orElseThrow().lockedUntil());

      AuditRepository audit = new AuditRepository(db.dsl());
      audit.append(
          new AuditEntry(
              0,
              T0,
              "admin",
              "admin",
              "POST /api/users",
              "/api/users",
              "10.0.0.1",
              "201; fields name, role, password"));
      audit.append(
          new AuditEntry(
              0,
              T0.plusSeconds(1),
              "lin",
              "supervisor",
              "PUT /api/queues/*",
              "/api/queues/sales/settings",
              null,
              null));
      assertEquals("lin", audit.list(T0, null, 0, 10).items().get(0).actor());
      assertEquals(1, audit.list(T0, T0.plusSeconds(1), 0, 10).total());
    }
  }
}
