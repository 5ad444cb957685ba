package org.hotline.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hotline.ivr.fake.FakeCall;
import org.hotline.ivr.verb.PlayVerb;
import org.hotline.ivr.verb.QueueOptions;
import org.junit.jupiter.api.Test;

/** Dialed number to flow. */
class FlowDirectoryTest {
  private final Flow main = new Flow("main", "en", List.of(PlayVerb.of("welcome")));

  @Test
  void flowDirectory_unknownNumber_isEmpty() {
    assertTrue(new FlowDirectory(List.of(main), Map.of("100", "main")).flowFor("999").isEmpty());
  }

  @Test
  void flowDirectory_number_isItsFlow() {
    assertEquals(
        "main",
        new FlowDirectory(List.of(main), Map.of("100", "main"))
            .flowFor("100")
            .orElseThrow()
            .name());
  }

  @Test
  void flowDirectory_numberToMissingFlow_isRejected() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new FlowDirectory(List.of(main), Map.of("200", "sales")));
    assertTrue(e.getMessage().contains("200") && e.getMessage().contains("sales"), e.getMessage());
  }

  @Test
  void flowDirectory_twoFlowsWithOneName_areRejected() {
    Flow b = new Flow("main", "en", List.of(PlayVerb.of("goodbye")));
    assertThrows(
        IllegalArgumentException.class, () -> new FlowDirectory(List.of(main, b), Map.of()));
  }

  @Test
  void queueFlow_waitsInTheQueueWithItsOwnMusic_withoutItsLeaveKey_andHangsUpWhenGivenBack()
      throws Exception {
    QueueOptions billing =
        new QueueOptions(
            "billing-hold",
            "billing-music",
            java.time.Duration.ZERO,
            false,
            false,
            java.util.Optional.of('*'),
            java.util.Optional.empty());
    FlowDirectory directory =
        new FlowDirectory(
            List.of(main),
            Map.of("100", "main"),
            Map.of("billing", billing),
            org.hotline.ivr.verb.FlowServices.withoutStores(java.time.Clock.systemUTC()));
    FakeCall call = new FakeCall();
    call.media().onPlay("billing-hold", () -> call.queueWait().givesBack());

    var flow = directory.queueFlow("billing", "zh").orElseThrow();
    flow.run(call);

    assertEquals(
        List.of(
            "enqueue billing 0",
            "play billing-hold",
            "queue gives back",
            "stop",
            "hangup flow-hangup"),
        call.log());
    assertEquals("zh", ((Flow) flow).language());
    assertEquals(java.util.Optional.empty(), billing.withoutLeaveKey().leaveKey());
    assertEquals(
        "please-hold",
        directory
            .queueFlow("sales", "en")
            .map(f -> ((Flow) f).verbs().getFirst())
            .map(v -> ((org.hotline.ivr.verb.EnqueueVerb) v).options().holdPrompt())
            .orElseThrow(),
        "other queues wait as by default");
  }
}
