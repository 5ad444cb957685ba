package org.hotline.ivr.fake;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.hotline.core.media.MediaSession;
import org.hotline.core.media.Prompt;
import org.hotline.core.media.Recording;
import org.hotline.core.time.ManualClock;

/**
 * A media session that completes everything at once: it records what was played and answers {@link
 * #nextDigit} from a script, so flows run without audio, threads or sleeping. A timeout moves the
 * call's clock (if it has one) on by the time waited.
 */
public final class FakeMediaSession implements MediaSession {

  /**
   * Timeouts past the script after which the caller gives up, so a flow that waits forever ends.
   */
  public static final int PATIENCE = 50;

  /** One {@link #play} call. */
  public record Played(Prompt prompt, boolean bargeIn) {}

  private final List<String> log;
  private final Runnable callerHangsUp;
  private final Runnable agentAnswers;
  private final ManualClock clock;
  private final List<Played> played = new ArrayList<>();
  private final List<Duration> waits = new ArrayList<>();
  private final Deque<Character> script = new ArrayDeque<>();
  private final Set<String> hangUpDuring = new HashSet<>();
  private final Map<String, Runnable> onPlay = new HashMap<>();
  private Duration recordingLength = Duration.ofSeconds(12);
  private boolean recordingFails;
  private boolean hangUpWhileRecording;
  private int pastScript;
  private boolean open = true;

  FakeMediaSession(
      List<String> log, Runnable callerHangsUp, Runnable agentAnswers, ManualClock clock) {
    this.log = log;
    this.callerHangsUp = callerHangsUp;
    this.agentAnswers = agentAnswers;
    this.clock = clock;
  }

  /**
   * Scripts what successive {@link #nextDigit} calls answer: a key ({@code 1}), {@code .} for a
   * timeout, {@code !} for the caller hanging up while the flow waits, {@code @} for an agent
   * answering the queued call while the flow waits (the digit never comes). Past the script,
   * timeouts, until the caller gives up after {@value #PATIENCE} of them.
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

  /** Runs {@code action} as {@code promptName} plays (a reload in the middle of a call). */
  public FakeMediaSession onPlay(String promptName, Runnable action) {
    onPlay.put(promptName, action);
    return this;
  }

  /** How much audio {@link #record} returns. */
  public FakeMediaSession recordingLength(Duration length) {
    recordingLength = length;
    return this;
  }

  /** The caller hangs up during {@link #record}, which then completes with what it has. */
  public FakeMediaSession hangUpWhileRecording() {
    hangUpWhileRecording = true;
    return this;
  }

  /** {@link #record} fails, as when the file cannot be written. */
  public FakeMediaSession recordingFails() {
    recordingFails = true;
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
    onPlay.getOrDefault(prompt.name(), () -> {}).run();
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
    if (open && next == null && ++pastScript > PATIENCE) {
      log.add("caller gives up");
      callerHangsUp.run();
    }
    if (next != null && next == '@') {
      log.add("key @");
      agentAnswers.run();
      return new CompletableFuture<>();
    }
    if (next != null && next == '!') {
      callerHangsUp.run();
      next = null;
    } else if (next != null && next == '.') {
      next = null;
    }
    if (next == null && open && clock != null) {
      clock.advance(timeout);
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
  public CompletableFuture<Recording> record(
      Path file, Duration maxLength, Duration maxSilence, String stopKeys) {
    log.add("record " + file.getFileName());
    if (recordingFails) {
      return CompletableFuture.failedFuture(new java.io.IOException("disk full"));
    }
    Duration length = recordingLength.compareTo(maxLength) > 0 ? maxLength : recordingLength;
    if (hangUpWhileRecording) {
      callerHangsUp.run();
    }
    if (clock != null) {
      clock.advance(length);
    }
    return CompletableFuture.completedFuture(new Recording(file, length, Optional.of('#')));
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
