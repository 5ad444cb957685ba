package org.hotline.core.db;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.hotline.config.DataSettings;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL the tests run on: named by {@code HOTLINE_TEST_PG_URL} (an empty database, {@code
 * jdbc:postgresql://127.0.0.1:5432/hotline_test}), user and password from {@code
 * HOTLINE_TEST_PG_USER} and {@code HOTLINE_TEST_PG_PASSWORD}; {@code .ci/run} starts one. Each test
 * takes a schema of its own, dropped and made anew, so the tests never meet.
 */
public final class TestPostgres {
  private TestPostgres() {}

  /** Fails the test in CI, and skips it elsewhere, when no PostgreSQL is named. */
  public static void require() {
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

  /**
   * Drops and makes schema {@code schema} anew, with plain JDBC (a database left half-migrated must
   * not stop the test), and gives the settings of a database in it.
   *
   * @param dir the data folder the settings name (for files besides the database)
   */
  public static DataSettings freshSchema(String schema, Path dir) throws SQLException {
    String url = System.getenv("HOTLINE_TEST_PG_URL");
    String user = System.getenv("HOTLINE_TEST_PG_USER");
    String password = System.getenv("HOTLINE_TEST_PG_PASSWORD");
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      st.execute("CREATE SCHEMA " + schema);
    }
    String inSchema =
        schema.equals("public")
            ? url
            : url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new DataSettings(dir, inSchema, user, password, 2);
  }
}
