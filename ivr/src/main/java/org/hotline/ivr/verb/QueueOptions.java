package org.hotline.ivr.verb;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a caller waits in one queue: what they hear on joining, the music, how often they are told
 * where they stand, and the key that takes them out of the queue.
 *
 * @param holdPrompt said on joining ({@code please-hold})
 * @param music looped while waiting ({@code moh})
 * @param announceEvery how often the caller hears their place; {@link Duration#ZERO}: never
 * @param announcePosition whether announcements say "you are caller number N"
 * @param announceWait whether announcements say the estimated wait (when the queue has one)
 * @param leaveKey the key that leaves the queue for the {@code leave} branch; empty: none
 * @param leavePrompt said after the hold prompt and each announcement to offer the leave key
 */
public record QueueOptions(
    String holdPrompt,
    String music,
    Duration announceEvery,
    boolean announcePosition,
    boolean announceWait,
    Optional<Character> leaveKey,
    Optional<String> leavePrompt) {

  /** Said on joining unless another prompt is given. */
  public static final String HOLD_PROMPT = "please-hold";

  /** Music on hold unless other music is given. */
  public static final String MUSIC = "moh";

  /** Hold prompt and music, no announcements, no leave key. */
  public static final QueueOptions DEFAULT =
      new QueueOptions(
          HOLD_PROMPT, MUSIC, Duration.ZERO, false, false, Optional.empty(), Optional.empty());

  public QueueOptions {
    Objects.requireNonNull(holdPrompt, "holdPrompt");
    Objects.requireNonNull(music, "music");
    if (announceEvery.isNegative()) {
      throw new IllegalArgumentException(
          "announce-every must not be negative, was " + announceEvery);
    }
    Objects.requireNonNull(leaveKey, "leaveKey");
    Objects.requireNonNull(leavePrompt, "leavePrompt");
  }

  /** Whether the caller hears their place from time to time. */
  public boolean announces() {
    return !announceEvery.isZero() && (announcePosition || announceWait);
  }

  /** These options with no leave key. */
  public QueueOptions withoutLeaveKey() {
    return new QueueOptions(
        holdPrompt,
        music,
        announceEvery,
        announcePosition,
        announceWait,
        Optional.empty(),
        Optional.empty());
  }
}
