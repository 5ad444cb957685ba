package org.hotline.sip.stack;

import java.util.HashMap;
import java.util.Map;

/**
 * The last answers sent statelessly over UDP, as the bytes that went out, by transaction id: a
 * retransmitted request gets the same answer again instead of being handled twice (RFC 3261 section
 * 17.2.2 asks that of a server transaction; this is its small, bounded stand-in).
 *
 * <p>Holds at most {@code capacity} answers, forgetting the oldest first. A retransmission that
 * comes after its answer was forgotten is handled anew, which for a REGISTER means a fresh
 * challenge: the phone authenticates again, nothing is lost.
 */
final class RecentAnswers {
  private final String[] order;
  private final Map<String, byte[]> answers;
  private int next;

  RecentAnswers(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.order = new String[capacity];
    this.answers = new HashMap<>(capacity * 2);
  }

  /** The answer sent for transaction {@code id}, or null. */
  synchronized byte[] get(String id) {
    return answers.get(id);
  }

  /**
   * Remembers the answer for transaction {@code id}, forgetting the oldest when full, and returns
   * the answer to send: the first one kept when two copies of one request were answered at once
   * (the second copy's answer, a nonce count seen twice, would be a refusal).
   */
  synchronized byte[] put(String id, byte[] answer) {
    byte[] first = answers.putIfAbsent(id, answer);
    if (first != null) {
      return first;
    }
    String oldest = order[next];
    if (oldest != null) {
      answers.remove(oldest);
    }
    order[next] = id;
    next = (next + 1) % order.length;
    return answer;
  }

  synchronized int size() {
    return answers.size();
  }
}
