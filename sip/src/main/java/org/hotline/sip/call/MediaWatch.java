package org.hotline.sip.call;

import org.hotline.core.call.CallOutcome;
import org.hotline.sip.media.MediaEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-peer detection on both legs: a phone that vanished without BYE (crashed, lost network) sends
 * no more RTP; after the configured time without a packet from the caller, or from the agent once
 * connected, the call ends and its CDR is written, instead of holding a port, a queue place or an
 * agent forever. A leg whose SDP says it sends nothing (held with {@code inactive}) is not watched
 * while it says so. Each look runs on the call's executor.
 */
final class MediaWatch {
  private static final Logger log = LoggerFactory.getLogger(MediaWatch.class);

  private final CallServices services;
  private final CallSession session;
  private final Hold hold;
  private long lastFromCaller = -1;
  private long lastFromAgent = -1;
  private CallTimers.Timer timer;

  MediaWatch(CallServices services, CallSession session, Hold hold) {
    this.services = services;
    this.session = session;
    this.hold = hold;
  }

  /** Starts looking every RTP timeout; with a zero timeout, never. */
  void start() {
    if (services.rtpTimeout().toMillis() <= 0) {
      return;
    }
    timer =
        services
            .timers()
            .every(services.rtpTimeout(), () -> session.executor().execute(this::look));
  }

  void stop() {
    if (timer != null) {
      timer.cancel();
    }
  }

  private void look() {
    if (!session.isActive()) {
      return;
    }
    long caller = session.callerMedia().packetsReceived();
    if (hold.callerSends() && caller == lastFromCaller) {
      log.info("no RTP from the caller for {}: ending the call", services.rtpTimeout());
      session.end(session.ending().outcomeIfCallerLeaves(), "rtp-timeout", false);
      return;
    }
    lastFromCaller = hold.callerSends() ? caller : -1;
    AgentLeg agentLeg = session.state() == CallState.CONNECTED ? session.agentLeg() : null;
    MediaEndpoint agentMedia = agentLeg == null ? null : agentLeg.media();
    long agent = agentMedia == null ? -1 : agentMedia.packetsReceived();
    if (agentMedia != null && hold.agentSends() && agent == lastFromAgent) {
      log.info(
          "no RTP from agent {} for {}: ending the call",
          agentLeg.agent().id(),
          services.rtpTimeout());
      session.end(CallOutcome.ANSWERED, "agent-rtp-timeout", false);
      return;
    }
    lastFromAgent = hold.agentSends() ? agent : -1;
  }
}
