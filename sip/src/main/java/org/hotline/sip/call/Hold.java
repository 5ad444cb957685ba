package org.hotline.sip.call;

import java.time.Instant;
import org.hotline.core.event.CallEvent;
import org.hotline.core.media.Prompt;
import org.hotline.sip.media.MediaEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hold on a connected call, from three sides: the caller's phone, the agent's phone (each by a
 * re-INVITE whose SDP says it no longer receives) and the agent's desktop. The party held hears
 * music on hold and we stop sending the other's media to the one holding; the CDR counts the time
 * held and {@link CallEvent.Held} tells the desktop. Also remembers whether each phone says it
 * sends RTP, for the dead-peer watch. Runs on the call's executor.
 */
final class Hold {
  private static final Logger log = LoggerFactory.getLogger(Hold.class);

  private final CallServices services;
  private final CallSession session;

  /** Whether each peer's SDP says it sends RTP (not {@code recvonly}/{@code inactive}). */
  private boolean callerSends = true;

  private boolean agentSends = true;

  /** Whether each party has put the other on hold (its SDP says it does not receive). */
  private boolean callerHolds;

  private boolean agentHolds;

  /** Whether the agent put the caller on hold from their desktop. */
  private boolean deskHolds;

  Hold(CallServices services, CallSession session) {
    this.services = services;
    this.session = session;
  }

  /** Whether the caller's SDP says it sends RTP. */
  boolean callerSends() {
    return callerSends;
  }

  /** Whether the connected agent's SDP says it sends RTP. */
  boolean agentSends() {
    return agentSends;
  }

  /**
   * The agent's desktop holds ({@code hold} true) or resumes: no SIP message goes out, both phones
   * stay as they are.
   */
  void fromDesk(boolean hold, String who) {
    if (deskHolds == hold) {
      return;
    }
    boolean callerWasHeld = callerHeld();
    deskHolds = hold;
    session.agentLeg().media().setSendEnabled(!agentHolds && !deskHolds);
    changed(callerWasHeld, callerHolds, who);
  }

  /**
   * A re-INVITE's SDP from one party.
   *
   * @param sends whether it says it sends RTP
   * @param holds whether it says it no longer receives
   * @param own our endpoint facing that party
   * @param connected whether the call is connected (music and events only then)
   */
  void sdpFrom(
      boolean fromAgent, boolean sends, boolean holds, MediaEndpoint own, boolean connected) {
    boolean callerWasHeld = callerHeld();
    boolean agentWasHeld = callerHolds;
    if (fromAgent) {
      agentSends = sends;
      agentHolds = holds;
      own.setSendEnabled(!holds && !deskHolds);
    } else {
      callerSends = sends;
      callerHolds = holds;
      own.setSendEnabled(!holds);
    }
    if (connected) {
      changed(callerWasHeld, agentWasHeld, fromAgent ? "agent" : "caller");
    }
  }

  /** The agent left the call (desktop transfer): the next agent starts with nothing held. */
  void agentLeft() {
    agentHolds = false;
    deskHolds = false;
    callerHolds = false;
    agentSends = true;
  }

  /** Whether the caller is on hold: by the agent's phone or from the agent's desktop. */
  private boolean callerHeld() {
    return agentHolds || deskHolds;
  }

  /**
   * After a hold flag changed while connected: music on hold for the party held, the CDR's hold
   * time, and a {@link CallEvent.Held} when the call went on or off hold.
   */
  private void changed(boolean callerWasHeld, boolean agentWasHeld, String who) {
    boolean callerHeld = callerHeld();
    if (callerHeld != callerWasHeld) {
      music(session.callerMedia(), callerHeld);
    }
    if (callerHolds != agentWasHeld) {
      music(session.agentLeg().media(), callerHolds);
    }
    boolean held = callerHeld || callerHolds;
    if (held != (callerWasHeld || agentWasHeld)) {
      log.info("{} {} the call", who, held ? "holds" : "resumes");
      Instant now = services.clock().instant();
      session.call().held(held, now);
      if (held) {
        services.metrics().holds.increment();
      }
      services
          .bus()
          .publish(
              new CallEvent.Held(session.call().id(), session.agentLeg().agent().id(), held, now));
    }
  }

  private void music(MediaEndpoint to, boolean on) {
    if (on) {
      to.holdMusic(new Prompt(session.language(), "moh"));
    } else {
      to.stopHoldMusic();
    }
  }
}
