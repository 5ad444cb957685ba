package org.hotline.core.flow;

/** How a transfer ended. Only {@link #CONNECTED} ends the flow; otherwise the caller is back. */
public enum TransferResult {
  /** The target answered; the caller is bridged to it. */
  CONNECTED,
  /** The target rang out. */
  NO_ANSWER,
  /** The target was busy or declined. */
  BUSY,
  /** The target cannot be reached (no registered phone, no trunk, a SIP error). */
  UNREACHABLE
}
