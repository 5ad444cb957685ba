package org.hotline.ivr.fake;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.hotline.core.media.MediaSession;
import org.hotline.core.media.Prompt;

/**
 * A media session that completes everything at once: it records what was played and answers
 * {@link #nextDigit} from a script, so flows run without audio, threads or sleeping.
 */
public final class FakeMediaSession implements MediaSession {

  /** One {@link #play} call. */
  public record Played(Prompt prompt, boolean bargeIn) {}

  private final List<String> log;
  private final Runnable callerHangsUp;
  private final List<Played> played = new ArrayList<>();
  private final List<Duration> waits = new ArrayList<>();
  private final Deque<Character> script = new ArrayDeque<>();
  private final Set<String> hangUpDuring = new HashSet<>();
  private boolean open = true;

  FakeMediaSession(List<String> log, Runnable callerHangsUp) {
    this.log = log;
    this.callerHangsUp = callerHangsUp;
  }

  /**
   * Scripts what successive {@link #nextDigit} calls answer: a key ({@code 1}), {@code .} for a
   * timeout, {@code !} for the caller hanging up while the flow waits. Past the script, timeouts.
   */
  public FakeMediaSession keys(String keys) {
    keys.chars().forEach(c -> script.add((char) c));
    return this;
  }

  /** The caller hangs up while {@code promptName} plays. */
  public FakeMediaSession hangUpDuring(String promptName) {
    hangUpDuring.add(promptName);
    return this;
  }

  /** Every prompt played, in order. */
  public List<Played> played() {
    return played;
  }

  /** The names of the prompts played, in order. */
  public List<String> promptsPlayed() {
    return played.stream().map(p -> p.prompt().name()).toList();
  }

  /** The timeout of every {@link #nextDigit} call. */
  public List<Duration> waits() {
    return waits;
  }

  @Override
  public CompletableFuture<Void> play(Prompt prompt, boolean bargeIn) {
    played.add(new Played(prompt, bargeIn));
    log.add("play " + prompt.name());
    if (hangUpDuring.contains(prompt.name())) {
      callerHangsUp.run();
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void loop(Prompt prompt) {
    log.add("loop " + prompt.name());
  }

  @Override
  public void stopPlayback() {
    log.add("stop");
  }

  @Override
  public CompletableFuture<Optional<Character>> nextDigit(Duration timeout) {
    waits.add(timeout);
    Character next = open ? script.poll() : null;
    if (next != null && next == '!') {
      callerHangsUp.run();
      next = null;
    } else if (next != null && next == '.') {
      next = null;
    }
    log.add("key " + (next == null ? (open ? "timeout" : "none, closed") : next));
    return CompletableFuture.completedFuture(Optional.ofNullable(next));
  }

  @Override
  public void clearDigits() {
    log.add("clear");
  }

  @Override
  public void bridge(MediaSession other) {
    log.add("bridge");
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }
}
