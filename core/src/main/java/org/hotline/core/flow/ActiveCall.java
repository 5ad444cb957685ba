package org.hotline.core.flow;

import java.util.concurrent.CompletableFuture;
import org.hotline.core.media.MediaSession;

/**
 * What a call flow may do with the answered call it runs on. The signalling layer implements it; a
 * flow never touches SIP.
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
   * Puts the call in {@code queue} at once; routing starts while the flow keeps the caller company
   * (it plays the hold announcement and music itself).
   *
   * @param priority lower is served first (0 = VIP); equal priorities in arrival order
   */
  QueueWait enqueue(String queue, int priority);

  /**
   * Rings {@code target} and, when it answers, bridges the caller to it; the flow is then over. The
   * caller hears ringback meanwhile.
   */
  CompletableFuture<TransferResult> transfer(TransferTarget target);

  /** The call's language from now on ({@code en}, {@code zh}): music on hold, later prompts. */
  void language(String language);

  /** Ends the call from the server side with {@code cause} recorded on the CDR. */
  void hangup(String cause);

  /** Whether the caller is still on the line. */
  boolean isActive();
}
