package org.hotline.core.voicemail;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A message a caller left.
 *
 * @param id the message's id
 * @param callId the call it was left on
 * @param callerNumber who left it
 * @param box the mailbox ({@code support}, {@code after-hours}) as the flow named it
 * @param recordedAt when the recording started
 * @param length how long the message is
 * @param file the WAV file's name in the voicemail folder
 */
public record Voicemail(
    long id,
    String callId,
    String callerNumber,
    String box,
    Instant recordedAt,
    Duration length,
    String file) {
  public Voicemail {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(callerNumber, "callerNumber");
    Objects.requireNonNull(box, "box");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(file, "file");
  }
}
