package org.hotline.core.db;

import static org.hotline.core.db.jooq.Tables.AGENT;
import static org.hotline.core.db.jooq.Tables.CDR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.config.DataSettings;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir Path dir;

  @Test
  void open_createsTheDataFolderAndMigratesTheSchema() {
    Path nested = dir.resolve("a/b/data");
    try (Database db = TestDatabases.open(nested)) {
      assertTrue(Files.isDirectory(nested));
      assertEquals(SQLDialect.H2, db.dialect());
      assertEquals(0, db.dsl().fetchCount(CDR));
      assertEquals(0, db.dsl().fetchCount(AGENT));
    }
  }

  @Test
  void isUp_isTrueWhileOpenAndFalseOnceClosed() {
    Database db = TestDatabases.open(dir);
    assertTrue(db.isUp());
    db.close();
    assertFalse(db.isUp());
  }

  @Test
  void reopen_keepsWhatWasWritten() {
    try (Database db = TestDatabases.open(dir)) {
      db.dsl().execute("CREATE TABLE probe (x INT)");
      db.dsl().execute("INSERT INTO probe VALUES (42)");
    }
    try (Database db = TestDatabases.open(dir)) {
      assertEquals(42, db.dsl().fetchValue("SELECT x FROM probe"));
    }
  }

  @Test
  void writes_runsTasksOffTheCallersThread() throws Exception {
    try (Database db = TestDatabases.open(dir)) {
      String thread =
          CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), db.writes())
              .get(5, TimeUnit.SECONDS);
      assertTrue(thread.startsWith("hotline-db-write-"), thread);
    }
  }

  @Test
  void close_letsQueuedWritesFinish() throws Exception {
    Database db = TestDatabases.open(dir);
    CompletableFuture<Integer> write =
        CompletableFuture.supplyAsync(
            () -> db.dsl().execute("CREATE TABLE drained (x INT)"), db.writes());
    db.close();
    assertTrue(write.isDone());
    assertFalse(write.isCompletedExceptionally());
  }

  @Test
  void open_withAnUnsupportedUrl_failsNamingTheUrl() {
    DataSettings settings = new DataSettings(dir, "jdbc:mysql://localhost/hotline", "u", "p", 2);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Database(settings));
    assertTrue(e.getMessage().contains("jdbc:mysql://localhost/hotline"), e.getMessage());
  }
}
