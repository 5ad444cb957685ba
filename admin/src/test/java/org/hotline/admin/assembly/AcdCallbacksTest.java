package org.hotline.admin.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.file.Path;
import java.time.Instant;
import org.hotline.config.DataSettings;
import org.hotline.core.acd.Acd;
import org.hotline.core.callback.CallbackRepository;
import org.hotline.core.callback.CallbackRequest;
import org.hotline.core.db.Database;
import org.hotline.core.event.EventBus;
import org.hotline.core.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IVR's callback requests reach the ACD through the bus, stored first; pending ones at start.
 */
class AcdCallbacksTest {
  final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T08:00:00Z"));
  final EventBus bus = new EventBus();
  final Acd acd = mock(Acd.class);

  @TempDir Path dir;
  Database db;
  CallbackRepository callbacks;

  @BeforeEach
  void start() {
    db =
        new Database(
            new DataSettings(dir, "jdbc:h2:file:" + dir.resolve("hotline"), "hotline", "", 2));
    callbacks = new CallbackRepository(db.dsl(), clock);
  }

  @AfterEach
  void stop() {
    db.close();
  }

  @Test
  void requestsPendingAtStartAreHandedToTheAcd() {
    CallbackRequest pending =
        callbacks.request("call-1", "13800138000", "sales", 0, clock.instant());

    AcdCallbacks.follow(bus, acd, callbacks);

    verify(acd).enqueueCallback(pending);
  }

  @Test
  void aRequestTheIvrTakesIsStoredThenHandedToTheAcd() {
    AcdCallbacks.follow(bus, acd, callbacks);
    verify(acd, never()).enqueueCallback(any());

    CallbackRequest stored =
        new CallbackIntake(callbacks, bus, clock)
            .request("call-2", "13800138001", "support", 1, clock.instant());

    assertEquals(java.util.List.of(stored), callbacks.pending());
    verify(acd).enqueueCallback(stored);
  }
}
