package org.hotline.sip.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RecentAnswersTest {
  @Test
  void anAnswer_isFoundByItsTransaction() {
    RecentAnswers recent = new RecentAnswers(2);
    recent.put("z9hg4bk-a", new byte[] {1});
    assertArrayEquals(new byte[] {1}, recent.get("z9hg4bk-a"));
    assertNull(recent.get("z9hg4bk-b"));
  }

  @Test
  void whenFull_theOldestIsForgotten_andTheSizeStaysAtCapacity() {
    RecentAnswers recent = new RecentAnswers(3);
    for (int i = 0; i < 10; i++) {
      recent.put("t" + i, new byte[] {(byte) i});
    }
    assertEquals(3, recent.size());
    assertNull(recent.get("t6"));
    assertArrayEquals(new byte[] {9}, recent.get("t9"));
    assertArrayEquals(new byte[] {7}, recent.get("t7"));
  }

  @Test
  void theSameTransactionTwice_takesOneSlot_andKeepsItsFirstAnswer() {
    RecentAnswers recent = new RecentAnswers(2);
    assertArrayEquals(new byte[] {1}, recent.put("a", new byte[] {1}));
    assertArrayEquals(
        new byte[] {1},
        recent.put("a", new byte[] {9}),
        "the copy answered second is sent the first answer");
    recent.put("b", new byte[] {2});
    assertArrayEquals(new byte[] {1}, recent.get("a"));
    assertArrayEquals(new byte[] {2}, recent.get("b"));
  }

  @Test
  void noCapacity_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RecentAnswers(0));
  }
}
