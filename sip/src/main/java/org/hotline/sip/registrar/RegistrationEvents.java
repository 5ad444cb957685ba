package org.hotline.sip.registrar;

import java.time.Clock;
import org.hotline.core.event.EventBus;
import org.hotline.core.event.PhoneEvent;

/**
 * Publishes a user's first and last bindings on the {@link EventBus} as {@link PhoneEvent}s, so
 * that whoever follows phones (the ACD) subscribes to them instead of being wired into the
 * registrar.
 */
public final class RegistrationEvents implements RegistrationListener {
  private final EventBus bus;
  private final Clock clock;

  public RegistrationEvents(EventBus bus, Clock clock) {
    this.bus = bus;
    this.clock = clock;
  }

  @Override
  public void registered(String user) {
    bus.publish(new PhoneEvent.Registered(user, clock.instant()));
  }

  @Override
  public void unregistered(String user) {
    bus.publish(new PhoneEvent.Unregistered(user, clock.instant()));
  }
}
