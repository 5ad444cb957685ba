package org.hotline.admin.assembly;

import java.time.Clock;
import java.time.Instant;
import org.hotline.core.callback.CallbackRepository;
import org.hotline.core.callback.CallbackRequest;
import org.hotline.core.callback.CallbackRequests;
import org.hotline.core.event.CallbackEvent;
import org.hotline.core.event.EventBus;

/**
 * Where the IVR's callback requests go: stored first, then published as {@link
 * CallbackEvent.Requested}, which {@link AcdCallbacks} hands to the ACD. The IVR's flows are loaded
 * before the ACD exists; the bus joins them without either knowing the other.
 */
final class CallbackIntake implements CallbackRequests {
  private final CallbackRepository repository;
  private final EventBus bus;
  private final Clock clock;

  CallbackIntake(CallbackRepository repository, EventBus bus, Clock clock) {
    this.repository = repository;
    this.bus = bus;
    this.clock = clock;
  }

  @Override
  public CallbackRequest request(
      String callId, String number, String queue, int priority, Instant placeSince) {
    CallbackRequest stored = repository.request(callId, number, queue, priority, placeSince);
    bus.publish(new CallbackEvent.Requested(stored, clock.instant()));
    return stored;
  }
}
