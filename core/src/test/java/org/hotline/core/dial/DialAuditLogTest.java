package org.hotline.core.dial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hotline.core.audit.AuditEntry;
import org.hotline.core.audit.AuditRepository;
import org.hotline.core.db.Database;
import org.hotline.core.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DialAuditLogTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  @TempDir Path dir;
  Database db;
  AuditRepository audit;
  DialAuditLog log;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    audit = new AuditRepository(db.dsl());
    // Runs the write at once, so the test reads what the write pool would have stored.
    log = new DialAuditLog(audit, Runnable::run, Clock.fixed(T0, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aDeskRefusal_isTheAgents_aCallbackOrTransferRefusalTheSystems() {
    log.refused(
        DialSite.DESK, "1001", "+12025550123", "+12025550123 is an international number (US)");
    log.refused(DialSite.CALLBACK, "callback 7", "+8616812345", "premium");

    List<AuditEntry> items = audit.list(null, null, 0, 10).items();
    assertEquals(
        new AuditEntry(
            items.get(1).id(),
            T0,
            "1001",
            "agent",
            "dial refused",
            "+12025550123",
            null,
            "desk: +12025550123 is an international number (US)"),
        items.get(1));
    assertEquals("system", items.get(0).role());
    assertEquals("callback: premium", items.get(0).detail());
  }
}
