package org.hotline.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hotline.config.DataSettings;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: a connection pool, the schema migrated to the latest version, a jOOQ {@link
 * DSLContext} in the dialect the JDBC URL names, and a small bounded pool for writes.
 *
 * <p>Opening it creates the data folder, connects and runs the Flyway migrations in {@code
 * db/migration}; a failure there closes what was opened and throws. Callers in the SIP and media
 * paths never touch the database themselves: they hand writes to {@link #writes()}.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  /**
   * Connections kept beside the write pool's, so HTTP reads and health checks never queue behind
   * writes.
   */
  static final int READ_CONNECTIONS = 2;

  /** How long a caller waits for a free connection before the operation fails. */
  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

  /** How long {@link #close()} lets queued writes finish. */
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

  private final HikariDataSource dataSource;
  private final SQLDialect dialect;
  private final DSLContext dsl;
  private final ExecutorService writes;

  /**
   * Opens the database {@code settings} describe and migrates it.
   *
   * @throws IllegalArgumentException when the JDBC URL names an unsupported database
   * @throws UncheckedIOException when the data folder cannot be created
   * @throws RuntimeException from the pool or Flyway when the database cannot be reached or
   *     migrated
   */
  public Database(DataSettings settings) {
    this.dialect = Dialects.fromJdbcUrl(settings.dbUrl());
    createDataDir(settings);
    this.dataSource = new HikariDataSource(poolConfig(settings));
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    this.dsl = DSL.using(dataSource, dialect, jooqSettings());
    this.writes = new WritePool(settings.poolSize()).executor();
    log.info(
        "database ready: {} ({}), {} write threads",
        redactedUrl(settings.dbUrl()),
        dialect.getName(),
        settings.poolSize());
  }

  /** The jOOQ entry point, backed by the pool. */
  public DSLContext dsl() {
    return dsl;
  }

  /** The SQL dialect picked from the JDBC URL. */
  public SQLDialect dialect() {
    return dialect;
  }

  /** The pooled data source, for tools that need plain JDBC. */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * The bounded pool that runs database writes (one thread per write connection), so that callers
   * never wait on the database. A full queue rejects the task rather than blocking the caller.
   */
  public ExecutorService writes() {
    return writes;
  }

  /** Whether a pooled connection answers a validity check within a second; for {@code /health}. */
  public boolean isUp() {
    if (dataSource.isClosed()) {
      return false;
    }
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(1);
    } catch (SQLException e) {
      log.debug("database check failed: {}", e.toString());
      return false;
    }
  }

  /** Lets queued writes finish (bounded), then closes the pool. */
  @Override
  public void close() {
    writes.shutdown();
    try {
      if (!writes.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.error(
            "database writes still queued after {}s: dropping {} of them",
            DRAIN_TIMEOUT.toSeconds(),
            writes.shutdownNow().size());
      }
    } catch (InterruptedException e) {
      writes.shutdownNow();
      Thread.currentThread().interrupt();
    }
    dataSource.close();
  }

  private static void createDataDir(DataSettings settings) {
    try {
      Files.createDirectories(settings.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the data folder " + settings.dataDir() + ": " + e, e);
    }
  }

  private static HikariConfig poolConfig(DataSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("hotline-db");
    config.setJdbcUrl(settings.dbUrl());
    config.setUsername(settings.dbUser());
    config.setPassword(settings.dbPassword());
    config.setMaximumPoolSize(settings.poolSize() + READ_CONNECTIONS);
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    return config;
  }

  /**
   * Names are rendered unquoted: the migrations create them unquoted, so each database folds them
   * its own way (H2 to upper case, PostgreSQL to lower case) and unquoted names match both.
   */
  private static Settings jooqSettings() {
    return new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER);
  }

  /**
   * The URL without its parameters ({@code ?...} or H2's {@code ;...}), which may carry
   * credentials.
   */
  private static String redactedUrl(String url) {
    int q = url.indexOf('?');
    int s = url.indexOf(';');
    int cut = q < 0 ? s : s < 0 ? q : Math.min(q, s);
    return cut < 0 ? url : url.substring(0, cut);
  }
}
