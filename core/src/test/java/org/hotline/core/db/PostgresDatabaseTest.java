package org.hotline.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.config.DataSettings;
import org.hotline.config.DemoSettings;
import org.hotline.core.agent.AgentRepository;
import org.hotline.core.agent.DemoAgents;
import org.hotline.core.agent.DigestHash;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.cdr.CdrRepository;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data layer on a real PostgreSQL named by {@code HOTLINE_TEST_PG_URL} (an empty database,
 * {@code jdbc:postgresql://127.0.0.1:5432/hotline_test}), user and password from {@code
 * HOTLINE_TEST_PG_USER} and {@code HOTLINE_TEST_PG_PASSWORD}; {@code .ci/run} starts one. It drops
 * and recreates the schema. Without the variables it fails in CI and is skipped elsewhere.
 */
class PostgresDatabaseTest {
  @TempDir Path dir;

  @BeforeEach
  void requirePostgres() {
    TestPostgres.require();
  }

  @Test
  void postgres_migratesAndServesAgentsAndCdrs() throws SQLException {
    DataSettings settings = TestPostgres.freshSchema("public", dir);
    try (Database db = new Database(settings)) {
      assertEquals(SQLDialect.POSTGRES, db.dialect());
      assertTrue(db.isUp());

      AgentRepository agents = new AgentRepository(db.dsl(), Clock.systemUTC());
      DemoAgents.seed(agents, new DemoSettings(true, "pw", 100), "hotline", "pw", null);
      assertEquals(
          List.of(),
          DemoAgents.seed(agents, new DemoSettings(true, "pw", 100), "hotline", "pw", null));
      assertEquals(
          100,
          DemoAgents.replacePassword(
                  agents, new DemoSettings(true, "pw", 100), "hotline", "pw", "pw2")
              .size());
      assertEquals(100, agents.all().size());
      assertEquals(
          Optional.of(DigestHash.sha256Ha1("1050", "hotline", "pw2")),
          agents.ha1("1050", "SHA-256", "hotline"));

      CdrRepository cdrs = new CdrRepository(db.dsl(), Clock.systemUTC());
      Instant t0 = Instant.parse("2026-03-01T08:00:00.123456Z");
      Cdr cdr =
          new Cdr(
              "c1",
              "+8613800138000",
              "100",
              null,
              "sales",
              "1001",
              t0,
              null,
              t0.plusSeconds(9),
              9,
              0,
              CallOutcome.ABANDONED,
              "caller-bye",
              null,
              null,
              null,
              null);
      assertTrue(cdrs.insert(cdr));
      assertFalse(cdrs.insert(cdr));
      assertEquals(List.of(cdr), cdrs.between(t0, t0.plusSeconds(1)));
    }
  }
}
