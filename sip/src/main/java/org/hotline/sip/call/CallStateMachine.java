package org.hotline.sip.call;

import static org.hotline.sip.call.CallState.ANSWERING;
import static org.hotline.sip.call.CallState.CONNECTED;
import static org.hotline.sip.call.CallState.ENDING;
import static org.hotline.sip.call.CallState.FINISHED;
import static org.hotline.sip.call.CallState.IVR;
import static org.hotline.sip.call.CallState.OFFERING;
import static org.hotline.sip.call.CallState.QUEUED;
import static org.hotline.sip.call.CallState.TRANSFERRING;

import io.micrometer.core.instrument.Counter;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of an inbound call as a table: from each {@link CallState}, the {@link CallTrigger}s it
 * takes and the state each one leads to. A trigger the current state does not take is refused: the
 * state stays, the refusal is logged and counted ({@code hotline.calls.transitions.refused}), and
 * nothing is thrown, since triggers arrive from SIP, the ACD and the flow at any time.
 *
 * <p>Written only on the call's executor; the state may be read from any thread.
 */
final class CallStateMachine {
  private static final Logger log = LoggerFactory.getLogger(CallStateMachine.class);

  private static final Map<CallState, Map<CallTrigger, CallState>> TABLE = table();

  private final Counter refused;
  private volatile CallState state = ANSWERING;

  CallStateMachine(Counter refused) {
    this.refused = refused;
  }

  private static Map<CallState, Map<CallTrigger, CallState>> table() {
    Map<CallState, Map<CallTrigger, CallState>> t = new EnumMap<>(CallState.class);
    for (CallState s : CallState.values()) {
      t.put(s, new EnumMap<>(CallTrigger.class));
    }
    t.get(ANSWERING).put(CallTrigger.ANSWERED, IVR);
    t.get(IVR).put(CallTrigger.ENQUEUED, QUEUED);
    t.get(IVR).put(CallTrigger.TRANSFER_RINGING, TRANSFERRING);
    t.get(QUEUED).put(CallTrigger.OFFERED, OFFERING);
    t.get(QUEUED).put(CallTrigger.LEFT_QUEUE, IVR);
    t.get(QUEUED).put(CallTrigger.GIVEN_BACK, IVR);
    t.get(OFFERING).put(CallTrigger.OFFERED, OFFERING); // ring-all: one more phone rings
    t.get(OFFERING).put(CallTrigger.LEFT_QUEUE, IVR);
    t.get(OFFERING).put(CallTrigger.RINGING_FAILED, QUEUED);
    t.get(OFFERING).put(CallTrigger.AGENT_ANSWERED, CONNECTED);
    t.get(TRANSFERRING).put(CallTrigger.RINGING_FAILED, IVR);
    t.get(TRANSFERRING).put(CallTrigger.AGENT_ANSWERED, CONNECTED);
    t.get(CONNECTED).put(CallTrigger.DESK_TO_QUEUE, IVR);
    t.get(CONNECTED).put(CallTrigger.DESK_TO_AGENT, TRANSFERRING);
    for (CallState s : CallState.values()) {
      if (s.isActive()) {
        t.get(s).put(CallTrigger.ENDED, ENDING);
      }
    }
    t.get(ENDING).put(CallTrigger.RECORDED, FINISHED);
    t.replaceAll((s, moves) -> Collections.unmodifiableMap(moves));
    return Collections.unmodifiableMap(t);
  }

  /** Where {@code trigger} leads from {@code from}, or empty when {@code from} does not take it. */
  static Optional<CallState> next(CallState from, CallTrigger trigger) {
    return Optional.ofNullable(TABLE.get(from).get(trigger));
  }

  /** The whole table: each state's triggers and where they lead. */
  static Map<CallState, Map<CallTrigger, CallState>> transitions() {
    return TABLE;
  }

  CallState state() {
    return state;
  }

  boolean is(CallState s) {
    return state == s;
  }

  boolean isActive() {
    return state.isActive();
  }

  /** Whether the current state takes {@code trigger}; changes nothing. */
  boolean accepts(CallTrigger trigger) {
    return TABLE.get(state).containsKey(trigger);
  }

  /**
   * Moves on {@code trigger}.
   *
   * @return false, with the state unchanged, the refusal logged and counted, when the current state
   *     does not take it
   */
  boolean fire(CallTrigger trigger) {
    CallState from = state;
    CallState to = TABLE.get(from).get(trigger);
    if (to == null) {
      refused.increment();
      log.warn("call state {} does not take {}: ignored", from, trigger);
      return false;
    }
    state = to;
    log.debug("{} --{}--> {}", from, trigger, to);
    return true;
  }
}
