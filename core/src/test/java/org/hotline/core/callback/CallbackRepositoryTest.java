package org.hotline.core.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hotline.core.db.Database;
import org.hotline.core.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbackRepositoryTest {
  static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

  @TempDir Path dir;
  Database db;
  CallbackRepository callbacks;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    callbacks = new CallbackRepository(db.dsl(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void pending_areServedByPriorityThenKeptPlace() {
    CallbackRequest late =
        callbacks.request("c1", "+8613800138000", "sales", 5, NOW.minusSeconds(30));
    CallbackRequest early =
        callbacks.request("c2", "+8613900139000", "sales", 5, NOW.minusSeconds(300));
    CallbackRequest vip = callbacks.request("c3", "+8613700137000", "vip", 0, NOW);

    assertEquals(List.of(vip, early, late), callbacks.pending());
    assertEquals(NOW, late.requestedAt());
    assertEquals(NOW.minusSeconds(300), early.placeSince());
  }

  @Test
  void done_andFailed_takeARequestOutOfPending_andAttemptsAreCounted() {
    CallbackRequest a = callbacks.request("c1", "+8613800138000", "sales", 5, NOW);
    CallbackRequest b = callbacks.request("c2", "+8613900139000", "sales", 5, NOW);
    callbacks.attempted(b.id());
    callbacks.attempted(b.id());

    assertEquals(
        List.of(a, new CallbackRequest(b.id(), "c2", "+8613900139000", "sales", 5, NOW, NOW, 2)),
        callbacks.pending());

    callbacks.done(a.id());
    callbacks.failed(b.id());
    assertEquals(List.of(), callbacks.pending());
    assertEquals(java.util.Optional.of(CallbackRepository.DONE), callbacks.state(a.id()));
    assertEquals(java.util.Optional.of(CallbackRepository.FAILED), callbacks.state(b.id()));
  }

  @Test
  void aFinishedRequest_staysFinished() {
    CallbackRequest a = callbacks.request("c1", "+8613800138000", "sales", 5, NOW);
    callbacks.done(a.id());
    callbacks.failed(a.id());

    assertEquals(java.util.Optional.of(CallbackRepository.DONE), callbacks.state(a.id()));
  }
}
