package org.hotline.sip.call;

import static org.hotline.sip.call.CallState.ANSWERING;
import static org.hotline.sip.call.CallState.CONNECTED;
import static org.hotline.sip.call.CallState.ENDING;
import static org.hotline.sip.call.CallState.FINISHED;
import static org.hotline.sip.call.CallState.IVR;
import static org.hotline.sip.call.CallState.OFFERING;
import static org.hotline.sip.call.CallState.QUEUED;
import static org.hotline.sip.call.CallState.TRANSFERRING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallStateMachineTest {
  final Counter refused = new SimpleMeterRegistry().counter("refused");

  /** The table as docs/architecture.md lists it: state, trigger, next state. */
  static final List<String> DOCUMENTED =
      List.of(
          "ANSWERING ANSWERED IVR",
          "ANSWERING ENDED ENDING",
          "IVR ENQUEUED QUEUED",
          "IVR TRANSFER_RINGING TRANSFERRING",
          "IVR ENDED ENDING",
          "QUEUED OFFERED OFFERING",
          "QUEUED LEFT_QUEUE IVR",
          "QUEUED GIVEN_BACK IVR",
          "QUEUED ENDED ENDING",
          "OFFERING OFFERED OFFERING",
          "OFFERING LEFT_QUEUE IVR",
          "OFFERING RINGING_FAILED QUEUED",
          "OFFERING AGENT_ANSWERED CONNECTED",
          "OFFERING ENDED ENDING",
          "TRANSFERRING RINGING_FAILED IVR",
          "TRANSFERRING AGENT_ANSWERED CONNECTED",
          "TRANSFERRING ENDED ENDING",
          "CONNECTED DESK_TO_QUEUE IVR",
          "CONNECTED DESK_TO_AGENT TRANSFERRING",
          "CONNECTED ENDED ENDING",
          "ENDING RECORDED FINISHED");

  @Test
  void theTable_isExactlyTheDocumentedOne() {
    List<String> actual = new ArrayList<>();
    for (var from : CallStateMachine.transitions().entrySet()) {
      for (Map.Entry<CallTrigger, CallState> move : from.getValue().entrySet()) {
        actual.add(from.getKey() + " " + move.getKey() + " " + move.getValue());
      }
    }
    assertEquals(DOCUMENTED.stream().sorted().toList(), actual.stream().sorted().toList());
  }

  @Test
  void everyDocumentedTransition_movesFromItsStateToItsNext() {
    for (String row : DOCUMENTED) {
      String[] p = row.split(" ");
      CallStateMachine machine = machineIn(CallState.valueOf(p[0]));
      assertTrue(machine.accepts(CallTrigger.valueOf(p[1])), row);
      assertTrue(machine.fire(CallTrigger.valueOf(p[1])), row);
      assertEquals(CallState.valueOf(p[2]), machine.state(), row);
    }
    assertEquals(0.0, refused.count());
  }

  @Test
  void aTriggerTheStateDoesNotTake_isRefusedCountedAndChangesNothing() {
    int refusals = 0;
    for (CallState from : CallState.values()) {
      for (CallTrigger trigger : CallTrigger.values()) {
        if (CallStateMachine.next(from, trigger).isPresent()) {
          continue;
        }
        CallStateMachine machine = machineIn(from);
        assertFalse(machine.accepts(trigger));
        assertFalse(machine.fire(trigger), from + " " + trigger);
        assertEquals(from, machine.state());
        refusals++;
      }
    }
    assertEquals(refusals, (int) refused.count());
    assertTrue(refusals > 0);
  }

  @Test
  void aFinishedCall_takesNothing_andAnEndingOneOnlyItsRecord() {
    for (CallTrigger trigger : CallTrigger.values()) {
      assertEquals(Optional.empty(), CallStateMachine.next(FINISHED, trigger));
      assertEquals(
          trigger == CallTrigger.RECORDED,
          CallStateMachine.next(ENDING, trigger).isPresent(),
          trigger.name());
    }
  }

  @Test
  void everyLiveState_canEnd() {
    for (CallState s : List.of(ANSWERING, IVR, QUEUED, OFFERING, TRANSFERRING, CONNECTED)) {
      assertEquals(Optional.of(ENDING), CallStateMachine.next(s, CallTrigger.ENDED), s.name());
      assertTrue(s.isActive());
    }
    assertFalse(ENDING.isActive());
    assertFalse(FINISHED.isActive());
  }

  /** A machine walked to {@code target} along legal moves (which count no refusal). */
  private CallStateMachine machineIn(CallState target) {
    CallStateMachine m = new CallStateMachine(refused);
    List<CallTrigger> path =
        switch (target) {
          case ANSWERING -> List.of();
          case IVR -> List.of(CallTrigger.ANSWERED);
          case QUEUED -> List.of(CallTrigger.ANSWERED, CallTrigger.ENQUEUED);
          case OFFERING -> List.of(CallTrigger.ANSWERED, CallTrigger.ENQUEUED, CallTrigger.OFFERED);
          case TRANSFERRING -> List.of(CallTrigger.ANSWERED, CallTrigger.TRANSFER_RINGING);
          case CONNECTED ->
              List.of(
                  CallTrigger.ANSWERED,
                  CallTrigger.ENQUEUED,
                  CallTrigger.OFFERED,
                  CallTrigger.AGENT_ANSWERED);
          case ENDING -> List.of(CallTrigger.ENDED);
          case FINISHED -> List.of(CallTrigger.ENDED, CallTrigger.RECORDED);
        };
    path.forEach(m::fire);
    assertEquals(target, m.state());
    return m;
  }
}
