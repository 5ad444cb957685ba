package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.hotline.core.agent.Agent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A queue's overflow queue: a call that hits one of the queue's limits moves there instead of going
 * back to its flow, keeping its priority, and goes back to its flow only when no queue it has not
 * been in yet takes it.
 */
class AcdOverflowTest {
  private AcdHarness h;

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void maxWait_movesTheCallToTheOverflowQueue_whereAFreeAgentTakesIt() throws Exception {
    h =
        new AcdHarness(
            AcdPolicy.DEFAULTS.with(
                "sales",
                QueueSettings.DEFAULTS
                    .withMaxWait(Duration.ofSeconds(30))
                    .withOverflow("support")));
    h.ready("1002", "support");
    h.call("c1", "sales", 2);
    h.advanceAndTick(Duration.ofSeconds(29));
    assertEquals(List.of(), h.connector.offered());

    h.advanceAndTick(Duration.ofSeconds(1));
    assertEquals(List.of("c1>1002"), h.connector.offered());
    Offer offer = h.connector.offers.get(0);
    assertEquals("support", offer.call().queue());
    assertEquals(2, offer.call().priority(), "the caller keeps their priority");
    assertEquals(List.of("c1:sales>support"), h.connector.overflowed());
    assertEquals(List.of(), h.connector.givenBack(), "the flow does not hear of it");
    assertEquals(1.0, h.count("hotline.acd.calls.overflowed", "reason", "max-wait"));
    assertEquals(0.0, h.count("hotline.acd.calls.given.back", "reason", "max-wait"));

    QueueStats sales = h.stats("sales");
    assertEquals(1, sales.offered());
    assertEquals(1, sales.overflowed());
    assertEquals(0, sales.givenBack());
    assertEquals(0, sales.abandoned());
    assertEquals(1, h.stats("support").offered());
  }

  @Test
  void aFullQueue_sendsTheNextCallToItsOverflowQueueAtOnce() throws Exception {
    h =
        new AcdHarness(
            AcdPolicy.DEFAULTS.with(
                "sales", QueueSettings.DEFAULTS.withMaxWaiting(1).withOverflow("support")));
    h.call("c1", "sales");
    h.call("c2", "sales");
    assertEquals(List.of("c2:sales>support"), h.connector.overflowed());
    assertEquals(1, h.stats("sales").waiting());
    assertEquals(1, h.stats("support").waiting());
    assertEquals(1.0, h.count("hotline.acd.calls.overflowed", "reason", "full"));
    assertEquals(
        1, h.stats("sales").offered(), "a call the queue never let in was not offered to it");
  }

  @Test
  void noAgentsLoggedIn_sendsTheCallToTheOverflowQueue() throws Exception {
    h =
        new AcdHarness(
            AcdPolicy.DEFAULTS.with(
                "sales",
                QueueSettings.DEFAULTS.withJoinWhenNoAgents(false).withOverflow("support")));
    h.acd.addAgent(new Agent("1001", null, "1001", java.util.Set.of("sales")));
    h.ready("1002", "support");
    h.call("c1", "sales");
    assertEquals(List.of("c1>1002"), h.connector.offered());
    assertEquals(1.0, h.count("hotline.acd.calls.overflowed", "reason", "no-agents"));
  }

  @Test
  void overflowQueuesThatLoop_giveTheCallBackToItsFlow_insteadOfGoingRound() throws Exception {
    QueueSettings thirty = QueueSettings.DEFAULTS.withMaxWait(Duration.ofSeconds(30));
    h =
        new AcdHarness(
            AcdPolicy.DEFAULTS
                .with("sales", thirty.withOverflow("support"))
                .with("support", thirty.withOverflow("sales")));
    h.call("c1", "sales");
    h.advanceAndTick(Duration.ofSeconds(30));
    assertEquals(List.of("c1:sales>support"), h.connector.overflowed());
    assertEquals(List.of(), h.connector.givenBack());

    h.advanceAndTick(Duration.ofSeconds(29));
    assertEquals(
        List.of(),
        h.connector.givenBack(),
        "the wait in the overflow queue starts when the call gets there");
    h.advanceAndTick(Duration.ofSeconds(1));
    assertEquals(
        List.of("c1:sales>support"),
        h.connector.overflowed(),
        "not back to sales, where it has been");
    assertEquals(List.of("c1:max-wait"), h.connector.givenBack());
    assertEquals(0, h.stats("sales").waiting() + h.stats("support").waiting());
  }

  @Test
  void anOverflowQueueThatIsFull_passesTheCallOn_orGivesItBack() throws Exception {
    h =
        new AcdHarness(
            AcdPolicy.DEFAULTS
                .with("sales", QueueSettings.DEFAULTS.withMaxWaiting(1).withOverflow("support"))
                .with("support", QueueSettings.DEFAULTS.withMaxWaiting(1).withOverflow("billing"))
                .with("billing", QueueSettings.DEFAULTS.withMaxWaiting(1)));
    for (String c : List.of("c1", "c2", "c3", "c4")) {
      h.call(c, "sales");
    }
    assertEquals(
        List.of(
            "c2:sales>support",
            "c3:sales>support",
            "c3:support>billing",
            "c4:sales>support",
            "c4:support>billing"),
        h.connector.overflowed());
    assertEquals(List.of("c4:full"), h.connector.givenBack());
    assertEquals(1, h.stats("billing").waiting());
  }

  @Test
  void aCallerWhoHangsUpInTheOverflowQueue_isAbandonedThere() throws Exception {
    h =
        new AcdHarness(
            AcdPolicy.DEFAULTS.with(
                "sales", QueueSettings.DEFAULTS.withMaxWaiting(1).withOverflow("support")));
    h.call("c1", "sales");
    h.call("c2", "sales");
    h.acd.abandon("c2");
    assertEquals(1, h.stats("support").abandoned());
    assertEquals(0, h.stats("sales").abandoned());
    assertEquals(0, h.stats("support").waiting());
  }
}
