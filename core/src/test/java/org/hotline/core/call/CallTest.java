package org.hotline.core.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallTest {
  private final Call call = new Call("c1", "+8613800138000", "", "100", Instant.parse("2026-03-01T08:00:00Z"));

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
}
