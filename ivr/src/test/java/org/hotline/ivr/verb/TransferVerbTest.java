package org.hotline.ivr.verb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hotline.core.flow.TransferResult;
import org.hotline.core.flow.TransferTarget;
import org.hotline.ivr.fake.FakeCall;
import org.junit.jupiter.api.Test;

/** Transferring to an agent or an allowed number. */
class TransferVerbTest {
  private final FakeCall call = new FakeCall();
  private final FlowContext ctx = new FlowContext(call, "en");

  private static TransferVerb transfer(TransferTarget target, Verb failed) {
    return new TransferVerb(target, TransferVerb.PROMPT, TransferVerb.FAILED_PROMPT, failed);
  }

  @Test
  void transfer_connected_endsTheFlow() throws InterruptedException {
    assertEquals(
        Outcome.END, transfer(new TransferTarget.Agent("1001"), Sequence.of()).execute(ctx));
    assertEquals(List.of("play transferring", "transfer agent:1001 CONNECTED"), call.log());
  }

  @Test
  void transfer_noAnswer_saysSo_andRunsTheFailedBranch() throws InterruptedException {
    call.transfers(TransferResult.NO_ANSWER);
    Outcome outcome =
        transfer(new TransferTarget.Number("+862161234567"), new HangupVerb("goodbye"))
            .execute(ctx);
    assertEquals(Outcome.END, outcome);
    assertEquals(
        List.of(
            "play transferring",
            "transfer number:+862161234567 NO_ANSWER",
            "play transfer-failed",
            "play goodbye",
            "hangup flow-hangup"),
        call.log());
  }

  @Test
  void transfer_busyWithoutFailedBranch_continues() throws InterruptedException {
    call.transfers(TransferResult.BUSY);
    assertEquals(
        Outcome.CONTINUE, transfer(new TransferTarget.Agent("1001"), Sequence.of()).execute(ctx));
  }
}
