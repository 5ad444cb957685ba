package org.hotline.core.ticket;

import java.util.Optional;

/**
 * The caller's number of a call: in the server, the live call's (from its offer to an agent) while
 * it is on, the CDR's once that is written.
 */
@FunctionalInterface
public interface CallNumbers {
  /** The number call {@code callId} came from, as received; empty when the call is unknown. */
  Optional<String> callerOf(String callId);
}
