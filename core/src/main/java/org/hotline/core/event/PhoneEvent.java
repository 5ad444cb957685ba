package org.hotline.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of whether a SIP user's phone can be reached: published by the registrar's location
 * service when the user gets a first binding or loses the last one. The ACD follows them to put an
 * agent in or out of routing.
 */
public sealed interface PhoneEvent extends HotlineEvent {
  /** The SIP user name the phone registers with. */
  String sipUser();

  /** The user's first binding: their phone can be rung. */
  record Registered(String sipUser, Instant at) implements PhoneEvent {
    public Registered {
      Objects.requireNonNull(sipUser, "sipUser");
      Objects.requireNonNull(at, "at");
    }
  }

  /** The user's last binding ended or expired: no phone of theirs can be rung. */
  record Unregistered(String sipUser, Instant at) implements PhoneEvent {
    public Unregistered {
      Objects.requireNonNull(sipUser, "sipUser");
      Objects.requireNonNull(at, "at");
    }
  }
}
