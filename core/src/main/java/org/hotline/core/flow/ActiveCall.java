package org.hotline.core.flow;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hotline.core.call.Call;
import org.hotline.core.media.MediaSession;
import org.hotline.core.media.Prompt;

/**
 * What a call flow may do with the answered call it runs on. The signalling layer implements it;
 * a flow never touches SIP.
 */
public interface ActiveCall {
  /** The call's id (for logs). */
  String id();

  /** The caller's number as received. */
  String callerNumber();

  /** The number the caller dialed. */
  String dialedNumber();

  /** The caller leg's audio. */
  MediaSession media();

  /** Records the caller's IVR choice on the call. */
  void chose(String choice);

  /**
   * Puts the call in {@code queue} at once; the caller hears {@code announcement} (if any), then
   * music on hold, until an agent answers.
   *
   * @param priority lower is served first (0 = VIP); equal priorities in arrival order
   * @return completes with true once connected to an agent, false when the call ended first
   */
  CompletableFuture<Boolean> enqueue(String queue, int priority, Optional<Prompt> announcement);

  /** Ends the call from the server side with {@code cause} recorded on the CDR. */
  void hangup(String cause);

  /** Whether the caller is still on the line. */
  boolean isActive();
}
