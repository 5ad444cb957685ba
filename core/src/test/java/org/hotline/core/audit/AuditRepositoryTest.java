package org.hotline.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import org.hotline.core.db.Database;
import org.hotline.core.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditRepositoryTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  @TempDir Path dir;
  Database db;
  AuditRepository audit;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    audit = new AuditRepository(db.dsl());
  }

  @AfterEach
  void close() {
    db.close();
  }

  AuditEntry entry(int minutes, String actor) {
    return new AuditEntry(
        0,
        T0.plusSeconds(60L * minutes),
        actor,
        "admin",
        "PUT /api/agents/*",
        "/api/agents/1001",
        "127.0.0.1",
        "200");
  }

  @Test
  void list_isNewestFirst_inPages_withinTheRange() {
    for (int i = 0; i < 5; i++) {
      audit.append(entry(i, "user" + i));
    }

    AuditPage all = audit.list(null, null, 0, 2);
    assertEquals(5, all.total());
    assertEquals("user4", all.items().get(0).actor());
    assertEquals("user3", all.items().get(1).actor());
    assertEquals("user0", audit.list(null, null, 2, 2).items().get(0).actor());

    AuditPage range = audit.list(T0.plusSeconds(60), T0.plusSeconds(180), 0, 10);
    assertEquals(2, range.total());
    assertEquals("user2", range.items().get(0).actor());
    assertEquals(entry(2, "user2").action(), range.items().get(0).action());
    assertEquals("127.0.0.1", range.items().get(0).remote());
  }

  @Test
  void longText_isCutToFit_notLost() {
    audit.append(
        new AuditEntry(
            0,
            T0,
            "root",
            "admin",
            "POST /api/users",
            "/api/users/" + "x".repeat(600),
            null,
            "d".repeat(2000)));

    AuditEntry stored = audit.list(null, null, 0, 1).items().get(0);
    assertEquals(512, stored.object().length());
    assertEquals(1000, stored.detail().length());
  }
}
