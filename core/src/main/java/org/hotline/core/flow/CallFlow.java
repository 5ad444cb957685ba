package org.hotline.core.flow;

/**
 * A call flow (IVR): runs on the call's own virtual thread and reads as sequential code; returns
 * when the flow is over (the call queued and connected, or hung up).
 */
public interface CallFlow {
  /** The flow's name as configured ({@code main}). */
  String name();

  /**
   * Runs the flow.
   *
   * @throws InterruptedException when the call ends under the flow (the caller hung up)
   */
  void run(ActiveCall call) throws InterruptedException;
}
