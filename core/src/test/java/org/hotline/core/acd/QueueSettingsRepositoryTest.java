package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.core.db.Database;
import org.hotline.core.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueSettingsRepositoryTest {
  @TempDir Path dir;
  Database db;
  QueueSettingsRepository queues;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    queues = new QueueSettingsRepository(db.dsl());
  }

  @AfterEach
  void close() {
    db.close();
  }

  static final QueueSettings VIP =
      new QueueSettings(
          "ring-all",
          Duration.ofSeconds(25),
          Duration.ofSeconds(15),
          3,
          20,
          Duration.ofMinutes(2),
          false,
          Duration.ofSeconds(10),
          "support");

  @Test
  void upsert_storesEverySetting_andAllListsThemByName() {
    queues.upsert("vip", VIP);
    queues.upsert("sales", QueueSettings.DEFAULTS);

    assertEquals(Map.of("sales", QueueSettings.DEFAULTS, "vip", VIP), queues.all());
    assertEquals(List.of("sales", "vip"), List.copyOf(queues.all().keySet()));
  }

  @Test
  void upsert_again_replacesTheSettings() {
    queues.upsert("vip", VIP);
    queues.upsert("vip", VIP.withStrategy("skills").withMaxWaiting(0).withOverflow(""));

    assertEquals(
        Map.of("vip", VIP.withStrategy("skills").withMaxWaiting(0).withOverflow("")), queues.all());
  }

  @Test
  void delete_putsTheQueueBackOnTheDefaults() {
    queues.upsert("vip", VIP);

    assertTrue(queues.delete("vip"));
    assertFalse(queues.delete("vip"));
    assertEquals(Map.of(), queues.all());
  }
}
