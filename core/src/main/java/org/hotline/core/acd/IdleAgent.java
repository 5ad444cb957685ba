package org.hotline.core.acd;

import java.time.Instant;

/**
 * What a {@link RoutingStrategy} may look at of a free agent. None of these change while the agent
 * is free, so a sorted set of free agents stays valid.
 */
public interface IdleAgent {
  String id();

  /** When the agent last became idle (registered, or came back from a call or wrap-up). */
  Instant idleSince();

  /** Calls the agent answered since the ACD started. */
  long callsAnswered();

  /** A sequence number of the agent's latest offer (0 = never offered); higher is more recent. */
  long lastOffered();
}
