package org.hotline.core.acd;

import java.time.Instant;

/**
 * What a {@link RoutingStrategy} may look at of a free agent. None of these change while the agent
 * is free (the ACD takes an agent out of the free sets before it changes one, and re-sorts them all
 * at midnight for {@link #callsToday}), so a sorted set of free agents stays valid.
 */
public interface IdleAgent {
  String id();

  /** When the agent last became idle (registered, or came back from a call or wrap-up). */
  Instant idleSince();

  /** Calls the agent answered today, since midnight in the clock's zone. */
  long callsToday();

  /** A sequence number of the agent's latest offer (0 = never offered); higher is more recent. */
  long lastOffered();

  /** The agent's skill level in {@code queue}: higher is better, 0 when not in it. */
  int level(String queue);
}
