package org.hotline.core.db;

import org.jooq.SQLDialect;

/** Picks the jOOQ dialect from a JDBC URL. */
public final class Dialects {
  private Dialects() {}

  /**
   * The dialect of the database {@code jdbcUrl} names: {@code jdbc:h2:} is H2, {@code
   * jdbc:postgresql:} is PostgreSQL.
   *
   * @throws IllegalArgumentException for any other database, naming the supported ones
   */
  public static SQLDialect fromJdbcUrl(String jdbcUrl) {
    if (jdbcUrl != null) {
      if (jdbcUrl.startsWith("jdbc:h2:")) {
        return SQLDialect.H2;
      }
      if (jdbcUrl.startsWith("jdbc:postgresql:")) {
        return SQLDialect.POSTGRES;
      }
    }
    throw new IllegalArgumentException(
        "unsupported database URL "
            + jdbcUrl
            + ": use jdbc:h2:... or jdbc:postgresql://host:5432/db");
  }
}
