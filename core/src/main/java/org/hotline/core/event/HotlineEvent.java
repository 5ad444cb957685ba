package org.hotline.core.event;

import java.time.Instant;

/** Something that happened, published on the {@link EventBus}. */
public sealed interface HotlineEvent
    permits CallEvent, AgentEvent, QueueEvent, PhoneEvent, CallbackEvent {
  Instant at();
}
