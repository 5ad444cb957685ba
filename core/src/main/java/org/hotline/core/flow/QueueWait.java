package org.hotline.core.flow;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A call's wait in a queue, as the flow that queued it sees it. Routing starts at once; the flow
 * keeps the caller company (music, position announcements) until {@link #connected} completes, and
 * may take the caller out with {@link #leave} (a key for voicemail or a callback).
 */
public interface QueueWait {

  /** The queue ({@code sales}). */
  String queue();

  /** When the call joined the queue: its place, which a callback keeps. */
  Instant queuedAt();

  /**
   * Completes with true once an agent answered and the legs are bridged (the flow is then over and
   * must not play anything), with false when the call ended or left the queue first.
   */
  CompletableFuture<Boolean> connected();

  /** Where the call stands now; {@link QueuePlace#NOT_WAITING} once it no longer waits. */
  CompletableFuture<QueuePlace> place();

  /**
   * Takes the call out of the queue, cancelling an agent's phone that is ringing for it, so the
   * flow can go on (voicemail, callback).
   *
   * @return true when the call left; false when it was already connected or gone
   */
  CompletableFuture<Boolean> leave();
}
