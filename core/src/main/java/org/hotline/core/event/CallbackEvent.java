package org.hotline.core.event;

import java.time.Instant;
import java.util.Objects;
import org.hotline.core.callback.CallbackRequest;

/** A caller's request to be called back, once it is stored. */
public sealed interface CallbackEvent extends HotlineEvent {
  CallbackRequest request();

  /** A caller asked in the IVR to be called back; the request is stored and pending. */
  record Requested(CallbackRequest request, Instant at) implements CallbackEvent {
    public Requested {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(at, "at");
    }
  }
}
