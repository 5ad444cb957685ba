package org.hotline.admin.assembly;

import org.hotline.core.acd.Acd;
import org.hotline.core.callback.CallbackRepository;
import org.hotline.core.event.CallbackEvent;
import org.hotline.core.event.EventBus;
import org.hotline.core.event.HotlineEvent;

/**
 * Hands callback requests to the ACD: every request pending when the node starts, then each new one
 * the IVR stores ({@link CallbackEvent.Requested}). The ACD ignores a request it holds already.
 */
final class AcdCallbacks {
  private AcdCallbacks() {}

  /** Subscribes {@code acd} to new requests, then gives it the pending ones. */
  static void follow(EventBus bus, Acd acd, CallbackRepository callbacks) {
    bus.subscribe(
        (HotlineEvent event) -> {
          if (event instanceof CallbackEvent.Requested requested) {
            acd.enqueueCallback(requested.request());
          }
        });
    callbacks.pending().forEach(acd::enqueueCallback);
  }
}
