package org.hotline.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.ivr.fake.FakeCall;
import org.hotline.ivr.verb.FlowContext;
import org.hotline.ivr.verb.GotoVerb;
import org.hotline.ivr.verb.HangupVerb;
import org.hotline.ivr.verb.Outcome;
import org.hotline.ivr.verb.PlayVerb;
import org.hotline.ivr.verb.RunVerb;
import org.hotline.ivr.verb.Verb;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Running a flow: order, ending, goto, logging context. */
class FlowTest {
  private final FakeCall call = new FakeCall();

  /** A verb that returns a fixed outcome and notes the MDC it ran under. */
  private static class Fixed implements Verb {
    final Outcome outcome;
    final List<String> callIds = new ArrayList<>();

    Fixed(Outcome outcome) {
      this.outcome = outcome;
    }

    @Override
    public Outcome execute(FlowContext ctx) {
      callIds.add(MDC.get("callId"));
      return outcome;
    }

    @Override
    public Set<String> promptNames() {
      return Set.of();
    }
  }

  @Test
  void flow_runsVerbsInOrder_thenHangsUpWhenTheyRunOut() throws InterruptedException {
    new Flow("info", "en", List.of(PlayVerb.of("welcome"), PlayVerb.of("goodbye"))).run(call);
    assertEquals(List.of("play welcome", "play goodbye", "hangup flow-end"), call.log());
  }

  @Test
  void flow_hangupVerb_playsGoodbyeThenHangsUpWithFlowHangup() throws InterruptedException {
    new Flow("closed", "en", List.of(new HangupVerb("goodbye"), PlayVerb.of("welcome"))).run(call);
    assertEquals(List.of("play goodbye", "hangup flow-hangup"), call.log());
  }

  @Test
  void flow_callAlreadyEnded_runsNothing() throws InterruptedException {
    call.callerHangsUp();
    new Flow("main", "en", List.of(PlayVerb.of("welcome"))).run(call);
    assertEquals(List.of("caller hangs up"), call.log());
  }

  @Test
  void flow_endOutcome_stopsWithoutHangingUp() throws InterruptedException {
    new Flow("main", "en", List.of(new Fixed(Outcome.END), PlayVerb.of("welcome"))).run(call);
    assertEquals(List.of(), call.log());
  }

  @Test
  void flow_goto_continuesInTheTargetFlowWithoutClearingKeys() throws InterruptedException {
    Flow main =
        new Flow("main", "en", List.of(PlayVerb.of("welcome"), new Fixed(Outcome.goTo("closed"))));
    Flow closed = new Flow("closed", "en", List.of(new HangupVerb("not-available")));
    new FlowDirectory(List.of(main, closed), Map.of("100", "main"))
        .flowFor("100")
        .orElseThrow()
        .run(call);
    assertEquals(List.of("play welcome", "play not-available", "hangup flow-hangup"), call.log());
  }

  @Test
  void flow_gotoUnknownFlow_hangsUpWithFlowError() throws InterruptedException {
    Flow main = new Flow("main", "en", List.of(new Fixed(Outcome.goTo("nowhere"))));
    new FlowDirectory(List.of(main), Map.of("100", "main")).flowFor("100").orElseThrow().run(call);
    assertEquals(List.of(Flow.CAUSE_ERROR), call.hangups());
  }

  @Test
  void flow_gotoLoop_hangsUpInsteadOfSpinning() throws InterruptedException {
    Fixed loop = new Fixed(Outcome.goTo("main"));
    Flow main = new Flow("main", "en", List.of(loop));
    new FlowDirectory(List.of(main), Map.of("100", "main")).flowFor("100").orElseThrow().run(call);
    assertEquals(List.of(Flow.CAUSE_ERROR), call.hangups());
    assertEquals(Flow.MAX_GOTOS + 1, loop.callIds.size());
  }

  @Test
  void flow_run_comesBackToTheNextVerb() throws InterruptedException {
    Flow main = new Flow("main", "en", List.of(new RunVerb("greeting"), new HangupVerb("goodbye")));
    Flow greeting = new Flow("greeting", "en", List.of(PlayVerb.of("welcome")));
    new FlowDirectory(List.of(main, greeting), Map.of("100", "main"))
        .flowFor("100")
        .orElseThrow()
        .run(call);
    assertEquals(List.of("play welcome", "play goodbye", "hangup flow-hangup"), call.log());
  }

  @Test
  void flow_runOfAFlowThatHangsUp_doesNotComeBack() throws InterruptedException {
    Flow main = new Flow("main", "en", List.of(new RunVerb("bye"), PlayVerb.of("welcome")));
    Flow bye = new Flow("bye", "en", List.of(new HangupVerb()));
    new FlowDirectory(List.of(main, bye), Map.of("100", "main"))
        .flowFor("100")
        .orElseThrow()
        .run(call);
    assertEquals(List.of("hangup flow-hangup"), call.log());
  }

  @Test
  void flow_gotoInsideARunFlow_stillComesBack() throws InterruptedException {
    Flow main = new Flow("main", "en", List.of(new RunVerb("a"), PlayVerb.of("goodbye")));
    Flow a = new Flow("a", "en", List.of(new GotoVerb("b")));
    Flow b = new Flow("b", "en", List.of(PlayVerb.of("welcome")));
    new FlowDirectory(List.of(main, a, b), Map.of("100", "main"))
        .flowFor("100")
        .orElseThrow()
        .run(call);
    assertEquals(List.of("play welcome", "play goodbye", "hangup flow-end"), call.log());
  }

  @Test
  void flow_runningItself_hangsUpInsteadOfRecursingForever() throws InterruptedException {
    Flow main = new Flow("main", "en", List.of(new RunVerb("main")));
    new FlowDirectory(List.of(main), Map.of("100", "main")).flowFor("100").orElseThrow().run(call);
    assertEquals(List.of(Flow.CAUSE_ERROR), call.hangups());
  }

  @Test
  void flow_verbThatFails_hangsUpWithFlowError_ratherThanLeavingSilence()
      throws InterruptedException {
    Verb failing =
        new Fixed(Outcome.END) {
          @Override
          public Outcome execute(FlowContext ctx) {
            throw new IllegalStateException("media gone");
          }
        };
    new Flow("main", "en", List.of(failing)).run(call);
    assertEquals(List.of(Flow.CAUSE_ERROR), call.hangups());
  }

  @Test
  void flow_logsWithCallIdInMdc_andRemovesItAfter() throws InterruptedException {
    Fixed verb = new Fixed(Outcome.END);
    new Flow("main", "en", List.of(verb)).run(call);
    assertEquals(List.of("call-1"), verb.callIds);
    assertNull(MDC.get("callId"));
  }
}
