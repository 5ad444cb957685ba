package org.hotline.core.callback;

import java.time.Instant;

/** Takes callback requests from the IVR; the ACD serves them in their kept place. */
public interface CallbackRequests {

  /**
   * Records a request; blocks until it is committed (call it from a flow's virtual thread).
   *
   * @param placeSince when the caller joined {@code queue} (now, when they asked from a menu)
   */
  CallbackRequest request(
      String callId, String number, String queue, int priority, Instant placeSince);
}
