package org.hotline.admin;

import java.time.Instant;
import org.hotline.core.acd.Acd;
import org.hotline.core.callback.CallbackRepository;
import org.hotline.core.callback.CallbackRequest;
import org.hotline.core.callback.CallbackRequests;

/**
 * Where the IVR's callback requests go: stored first, then handed to the ACD, which serves each
 * in the place its caller kept. The ACD is connected once it exists (the flows are loaded before
 * it); requests stored before that are picked up with the other pending ones at start.
 */
final class CallbackIntake implements CallbackRequests {
  private final CallbackRepository repository;
  private volatile Acd acd;

  CallbackIntake(CallbackRepository repository) {
    this.repository = repository;
  }

  /** Hands every pending request to {@code acd}, and new ones from now on. */
  void connect(Acd acd) {
    this.acd = acd;
    repository.pending().forEach(acd::enqueueCallback);
  }

  @Override
  public CallbackRequest request(String callId, String number, String queue, int priority, Instant placeSince) {
    CallbackRequest stored = repository.request(callId, number, queue, priority, placeSince);
    Acd routing = acd;
    if (routing != null) {
      routing.enqueueCallback(stored);
    }
    return stored;
  }
}
