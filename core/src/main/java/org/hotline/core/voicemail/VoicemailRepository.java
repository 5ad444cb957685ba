package org.hotline.core.voicemail;

import static org.hotline.core.db.DbTime.utc;
import static org.hotline.core.db.jooq.Tables.VOICEMAIL;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hotline.core.db.jooq.tables.records.VoicemailRecord;
import org.hotline.core.media.Recording;
import org.jooq.DSLContext;

/**
 * Voicemail: WAV files in one folder, listed in the {@code voicemail} table. File names are made by
 * the server ({@code <time>-<random>.wav}), never from caller input.
 */
public final class VoicemailRepository implements VoicemailStore {
  private final DSLContext dsl;
  private final Path folder;

  /**
   * @param folder where the WAV files go; created when missing
   */
  public VoicemailRepository(DSLContext dsl, Path folder) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
    this.folder = folder.toAbsolutePath().normalize();
  }

  /** The folder the files are in. */
  public Path folder() {
    return folder;
  }

  @Override
  public Path newFile(String callId) {
    try {
      Files.createDirectories(folder);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create the voicemail folder " + folder, e);
    }
    return folder.resolve(System.currentTimeMillis() + "-" + UUID.randomUUID() + ".wav");
  }

  @Override
  public Voicemail save(
      String callId, String callerNumber, String box, Instant recordedAt, Recording recording) {
    String file = folder.relativize(recording.file().toAbsolutePath().normalize()).toString();
    long id =
        dsl.insertInto(VOICEMAIL)
            .set(VOICEMAIL.CALL_ID, callId)
            .set(VOICEMAIL.CALLER_NUMBER, callerNumber)
            .set(VOICEMAIL.BOX, box)
            .set(VOICEMAIL.RECORDED_AT, utc(recordedAt))
            .set(VOICEMAIL.LENGTH_MS, recording.length().toMillis())
            .set(VOICEMAIL.FILE, file)
            .returning(VOICEMAIL.ID)
            .fetchOne()
            .getId();
    return new Voicemail(id, callId, callerNumber, box, recordedAt, recording.length(), file);
  }

  /** Messages recorded in {@code [from, to)}, newest first, at most {@code limit}. */
  public List<Voicemail> list(Instant from, Instant to, int limit) {
    return dsl.selectFrom(VOICEMAIL)
        .where(VOICEMAIL.RECORDED_AT.ge(utc(from)))
        .and(VOICEMAIL.RECORDED_AT.lt(utc(to)))
        .orderBy(VOICEMAIL.RECORDED_AT.desc(), VOICEMAIL.ID.desc())
        .limit(limit)
        .fetch(VoicemailRepository::voicemail);
  }

  /** One message. */
  public Optional<Voicemail> find(long id) {
    return dsl.selectFrom(VOICEMAIL)
        .where(VOICEMAIL.ID.eq(id))
        .fetchOptional(VoicemailRepository::voicemail);
  }

  /** The audio file of {@code voicemail}, inside the folder. */
  public Path fileOf(Voicemail voicemail) {
    Path file = folder.resolve(voicemail.file()).normalize();
    if (!file.startsWith(folder)) {
      throw new IllegalStateException("voicemail " + voicemail.id() + " points outside " + folder);
    }
    return file;
  }

  private static Voicemail voicemail(VoicemailRecord r) {
    return new Voicemail(
        r.getId(),
        r.getCallId(),
        r.getCallerNumber(),
        r.getBox(),
        r.getRecordedAt().toInstant(),
        Duration.ofMillis(r.getLengthMs()),
        r.getFile());
  }
}
