package org.hotline.core.report;

import java.sql.SQLException;
import org.hotline.core.db.Database;
import org.hotline.core.db.TestPostgres;

/**
 * {@link ReportRepositoryTest}'s figures on a real PostgreSQL ({@link TestPostgres}), in a schema
 * of its own made anew for each test. Without one it fails in CI and is skipped elsewhere.
 */
class PostgresReportRepositoryTest extends ReportRepositoryTest {
  @Override
  Database openDatabase() {
    TestPostgres.require();
    try {
      return new Database(TestPostgres.freshSchema("report_test", dir));
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot make the PostgreSQL schema anew: " + e.getMessage(), e);
    }
  }
}
