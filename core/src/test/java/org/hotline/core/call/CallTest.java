package org.hotline.core.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallTest {
  private final Call call =
      new Call("c1", "+8613800138000", "", "100", Instant.parse("2026-03-01T08:00:00Z"));

  @Test
  void choices_addUpToThePathThroughTheMenus() {
    assertNull(call.ivrChoice());
    call.chose("2");
    call.chose("1");
    assertEquals("2>1", call.ivrChoice());
  }

  @Test
  void aLongPath_keepsTheLatestChoices() {
    for (int i = 0; i < 20; i++) {
      call.chose(String.valueOf(i % 10));
    }
    assertEquals("4>5>6>7>8>9>0>1>2>3>4>5>6>7>8>9", call.ivrChoice());
    assertEquals(31, call.ivrChoice().length());
  }

  @Test
  void aSingleOverlongChoice_isCutToTheColumn() {
    call.chose("x".repeat(40));
    assertEquals(Call.MAX_IVR_PATH, call.ivrChoice().length());
  }

  @Test
  void holdTime_addsUpEveryHold_andAHoldStillOnEndsWithTheCall() {
    Instant t0 = Instant.parse("2026-03-01T08:00:00Z");
    Call call = new Call("c1", "13800138000", "", "100", t0);
    call.connected("1001", t0);
    call.held(true, t0.plusSeconds(10));
    call.held(true, t0.plusSeconds(12)); // already on hold: the first time counts
    call.held(false, t0.plusSeconds(20));
    call.held(false, t0.plusSeconds(25)); // not on hold: nothing
    call.held(true, t0.plusSeconds(30));
    call.ended(t0.plusSeconds(35), CallOutcome.ANSWERED, "caller-bye");

    assertEquals(15, call.holdSeconds());
    assertEquals(35, call.talkSeconds());
    assertEquals(15, org.hotline.core.cdr.Cdr.of(call).holdSeconds());
  }
}
