package org.hotline.sip.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import org.hotline.sip.guard.CallCounts;
import org.junit.jupiter.api.Test;

class CallRegistryTest {
  final CallFixture f = new CallFixture();
  final CallCounts counts = new CallCounts();
  final CallRegistry registry = new CallRegistry(counts);

  CallSession session(String sipCallId) throws Exception {
    CallSession s = f.newCall(sipCallId);
    registry.added(s, InetAddress.getByName("192.0.2.7"));
    return s;
  }

  @Test
  void aNewCall_isFoundByItsSipCallIdAndCallId_andCountedByItsSource() throws Exception {
    CallSession s = session("c1");

    assertEquals(Optional.of(s), registry.bySipCallId("c1"));
    assertEquals(Optional.of(s), registry.byCallId("c1"));
    assertEquals(1, counts.from(InetAddress.getByName("192.0.2.7")));
    assertEquals(1, registry.size());
  }

  @Test
  void aLaterPart_isFoundByItsId_andTheSipCallIdStillFindsTheCall() throws Exception {
    CallSession s = session("c1");

    registry.partStarted("c1#2", s);

    assertEquals(Optional.of(s), registry.byCallId("c1#2"));
    assertEquals(Optional.of(s), registry.bySipCallId("c1"));
  }

  @Test
  void anAgent_findsTheCallTheyAreConnectedTo_untilTheyLeaveIt() throws Exception {
    CallSession first = session("c1");
    CallSession second = session("c2");

    registry.agentConnected("1001", first);
    assertEquals(Optional.of(first), registry.byAgent("1001"));

    registry.agentLeft("1001", second); // another call's leaving does not unhook the agent
    assertEquals(Optional.of(first), registry.byAgent("1001"));

    registry.agentLeft("1001", first);
    assertEquals(Optional.empty(), registry.byAgent("1001"));
  }

  @Test
  void aFinishedCall_isFoundNoWay_andItsSourceNoLongerCounts() throws Exception {
    CallSession s = session("c1");
    registry.partStarted("c1#2", s);
    registry.agentConnected("1001", s);

    assertTrue(registry.finished(s));

    assertEquals(Optional.empty(), registry.bySipCallId("c1"));
    assertEquals(Optional.empty(), registry.byCallId("c1"));
    assertEquals(Optional.empty(), registry.byCallId("c1#2"));
    assertEquals(Optional.empty(), registry.byAgent("1001"));
    assertEquals(0, counts.from(InetAddress.getByName("192.0.2.7")));
    assertTrue(registry.isEmpty());
    assertFalse(registry.finished(s), "finished once");
  }

  @Test
  void draining_takesNoNewCalls() {
    assertTrue(registry.isAccepting());
    registry.stopAccepting();
    assertFalse(registry.isAccepting());
  }

  @Test
  void drain_endsTheCallsStillLiveAfterTheGrace_andSaysWhetherTheirCdrsWereStored()
      throws Exception {
    CallSession live = f.answeredCall("c1");
    f.stored = new java.util.concurrent.CompletableFuture<>();

    assertFalse(
        f.registry.drain(f.clock, java.time.Duration.ZERO, java.time.Duration.ZERO),
        "its CDR is not stored yet");
    assertEquals(CallState.ENDING, live.state());
    assertEquals("shutdown", live.call().hangupCause());
    assertFalse(f.registry.isAccepting());

    f.stored.complete(null);
    assertTrue(f.registry.drain(f.clock, java.time.Duration.ZERO, java.time.Duration.ZERO));
  }
}
