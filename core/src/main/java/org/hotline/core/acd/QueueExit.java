package org.hotline.core.acd;

/**
 * Why a queue let a call go without serving it: to its overflow queue ({@link
 * QueueSettings#overflow()}), or back to its flow.
 */
public enum QueueExit {
  /** The queue already held its most waiting calls: the call was not let in. */
  FULL,
  /** The call waited the queue's longest wait. */
  MAX_WAIT,
  /** No agent of the queue is logged in, and the queue does not take calls then. */
  NO_AGENTS;

  /** The name used in logs and CDRs ({@code max-wait}). */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
