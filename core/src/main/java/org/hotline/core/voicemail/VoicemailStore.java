package org.hotline.core.voicemail;

import java.nio.file.Path;
import java.time.Instant;
import org.hotline.core.media.Recording;

/** Where the IVR keeps voicemail: a file per message and a row listing it. */
public interface VoicemailStore {

  /** A new, not yet existing file to record the message of call {@code callId} into. */
  Path newFile(String callId);

  /**
   * Lists a finished recording; blocks until the row is committed (call it from a flow's virtual
   * thread).
   */
  Voicemail save(
      String callId, String callerNumber, String box, Instant recordedAt, Recording recording);
}
