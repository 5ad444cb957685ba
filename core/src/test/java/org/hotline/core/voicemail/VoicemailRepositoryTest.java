package org.hotline.core.voicemail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.core.db.Database;
import org.hotline.core.db.TestDatabases;
import org.hotline.core.media.Recording;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoicemailRepositoryTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  @TempDir Path dir;
  Database db;
  VoicemailRepository voicemail;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    voicemail = new VoicemailRepository(db.dsl(), dir.resolve("voicemail"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void newFile_isAFreshNameInTheFolder() {
    Path a = voicemail.newFile("c1");
    Path b = voicemail.newFile("c1");
    assertNotEquals(a, b);
    assertTrue(Files.isDirectory(voicemail.folder()));
    assertEquals(voicemail.folder(), a.getParent());
    assertFalse(Files.exists(a));
  }

  @Test
  void save_listsTheMessage_newestFirst() throws Exception {
    Path f1 = Files.writeString(voicemail.newFile("c1"), "RIFF");
    Path f2 = Files.writeString(voicemail.newFile("c2"), "RIFF");
    Voicemail first =
        voicemail.save(
            "c1",
            "+8613800138000",
            "general",
            T0,
            new Recording(f1, Duration.ofMillis(4200), Optional.of('#')));
    Voicemail second =
        voicemail.save(
            "c2",
            "2000",
            "after-hours",
            T0.plusSeconds(60),
            new Recording(f2, Duration.ofSeconds(9), Optional.empty()));

    List<Voicemail> listed = voicemail.list(T0, T0.plusSeconds(3600), 10);

    assertEquals(List.of(second, first), listed);
    assertEquals(Duration.ofMillis(4200), first.length());
    assertEquals(f1, voicemail.fileOf(first));
    assertEquals(Optional.of(second), voicemail.find(second.id()));
    assertEquals(List.of(second), voicemail.list(T0, T0.plusSeconds(3600), 1));
  }

  @Test
  void fileOf_refusesAPathOutsideTheFolder() {
    Voicemail forged = new Voicemail(9, "c", "1", "b", T0, Duration.ZERO, "../../etc/passwd");
    assertThrows(IllegalStateException.class, () -> voicemail.fileOf(forged));
  }
}
