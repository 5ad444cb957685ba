package org.hotline.core.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.hotline.config.DataSettings;
import org.hotline.core.db.Database;
import org.junit.jupiter.api.Assumptions;

/**
 * {@link ReportRepositoryTest}'s figures on a real PostgreSQL named by {@code HOTLINE_TEST_PG_URL}
 * (user and password from {@code HOTLINE_TEST_PG_USER} and {@code HOTLINE_TEST_PG_PASSWORD}), as
 * core's {@code PostgresDatabaseTest} does: the schema is dropped and recreated for each test.
 * Without the variables it fails in CI and is skipped elsewhere.
 */
class PostgresReportRepositoryTest extends ReportRepositoryTest {
  @Override
  Database openDatabase() {
    String url = System.getenv("HOTLINE_TEST_PG_URL");
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      String message = "no PostgreSQL for this test: set HOTLINE_TEST_PG_URL, _USER and _PASSWORD (.ci/run does)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    DataSettings settings = new DataSettings(dir, url, System.getenv("HOTLINE_TEST_PG_USER"), System.getenv("HOTLINE_TEST_PG_PASSWORD"), 2);
    try (Connection c = DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS public CASCADE");
      st.execute("CREATE SCHEMA public");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reset the PostgreSQL schema: " + e.getMessage(), e);
    }
    return new Database(settings);
  }
}
