package org.hotline.sip.media.record;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.hotline.core.media.Recording;
import org.hotline.sip.media.Codec;
import org.hotline.sip.media.audio.AudioSink;
import org.hotline.sip.media.dtmf.TelephoneEvent;
import org.hotline.sip.media.rtp.RtpPacket;

/**
 * Records what one peer says, for voicemail: its decoded audio goes into an array allocated up
 * front for the longest recording allowed, and the WAV file is written off the event loop when the
 * recording stops.
 *
 * <p>It stops when the array is full ({@code maxLength} of audio), after {@code maxSilence} of
 * silence once speech was heard (see {@link SilenceDetector}), on a key in {@code stopKeys}, when
 * {@link #stop} is called (the session closes, another recording replaces it), or when the peer
 * sends nothing for so long that {@code maxLength} has passed on the clock.
 *
 * <p>Audio is placed by its RTP timestamps: a gap left by lost packets, comfort noise or a pause of
 * the sender is recorded as silence of the same length, up to {@value #MAX_GAP_MILLIS} ms; a longer
 * jump, or a new SSRC, is the sender restarting its clock and continues the recording without a
 * gap. Late or repeated packets whose place has passed are left out.
 *
 * <p>Confined to the endpoint's event loop, except the file writing and the completion of the
 * future, which happen on {@code writer}.
 */
public final class Recorder implements AudioSink {

  /** The longest recording accepted: its buffer takes 16 KiB per second. */
  public static final Duration MAX_LENGTH = Duration.ofHours(1);

  static final long MAX_GAP_MILLIS = 5000;
  static final long TICK_MILLIS = 100;

  /** How late on the clock a recording may end when its packets trail behind. */
  static final long CLOCK_GRACE_MILLIS = 1000;

  private static final int MAX_GAP_SAMPLES = (int) (MAX_GAP_MILLIS * Codec.CLOCK_RATE / 1000);
  private static final int TICK_SAMPLES = (int) (TICK_MILLIS * Codec.CLOCK_RATE / 1000);

  private final Path file;
  private final short[] audio;
  private final int maxSilenceSamples;
  private final String stopKeys;
  private final Executor writer;
  private final CompletableFuture<Recording> result = new CompletableFuture<>();
  private final SilenceDetector silence = new SilenceDetector();
  private final long maxTicks;

  private int length;
  private boolean streaming;
  private int ssrc;
  private int nextTimestamp;
  private boolean audioSinceTick;
  private int idleSamples;
  private long ticks;
  private ScheduledFuture<?> timer;
  private Runnable onStop = () -> {};
  private boolean stopped;

  /**
   * A recording not yet started; allocates its buffer, so create it off the event loop.
   *
   * @param maxSilence {@link Duration#ZERO} for no silence stop
   * @param writer where the file is written: a thread that may block
   * @throws IllegalArgumentException when {@code maxLength} is not positive or above {@link
   *     #MAX_LENGTH}, {@code maxSilence} is negative, or {@code stopKeys} holds a non-digit
   */
  public Recorder(
      Path file, Duration maxLength, Duration maxSilence, String stopKeys, Executor writer) {
    this.file = Objects.requireNonNull(file, "file");
    Objects.requireNonNull(maxLength, "maxLength");
    Objects.requireNonNull(maxSilence, "maxSilence");
    this.stopKeys = Objects.requireNonNull(stopKeys, "stopKeys");
    this.writer = Objects.requireNonNull(writer, "writer");
    if (maxLength.isNegative() || maxLength.isZero() || maxLength.compareTo(MAX_LENGTH) > 0) {
      throw new IllegalArgumentException("maxLength must be in (0, 1 h]: " + maxLength);
    }
    if (maxSilence.isNegative()) {
      throw new IllegalArgumentException("maxSilence is negative: " + maxSilence);
    }
    for (int i = 0; i < stopKeys.length(); i++) {
      if (!TelephoneEvent.isDigit(stopKeys.charAt(i))) {
        throw new IllegalArgumentException("not a DTMF digit in stopKeys: " + stopKeys);
      }
    }
    this.audio = new short[samples(maxLength)];
    this.maxSilenceSamples = samples(maxSilence);
    this.maxTicks = (maxLength.toMillis() + CLOCK_GRACE_MILLIS + TICK_MILLIS - 1) / TICK_MILLIS;
  }

  /** Completes with the recording once its file is written. */
  public CompletableFuture<Recording> result() {
    return result;
  }

  /**
   * Starts the clock on the event loop {@code executor}.
   *
   * @param onStop run on the event loop when the recording stops, to stop feeding it
   */
  public void start(EventExecutor executor, Runnable onStop) {
    this.onStop = onStop;
    timer =
        executor.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void audio(int packetSsrc, int timestamp, short[] samples, int count) {
    if (stopped) {
      return;
    }
    audioSinceTick = true;
    idleSamples = 0;
    int skip = 0;
    if (!streaming || packetSsrc != ssrc) {
      streaming = true;
      ssrc = packetSsrc;
    } else if (RtpPacket.isLaterTimestamp(timestamp, nextTimestamp)) {
      int gap = timestamp - nextTimestamp;
      if (gap <= MAX_GAP_SAMPLES) {
        appendSilence(gap);
      }
    } else {
      // Starts before where the recording is: a late or repeated packet, at least in part.
      skip = nextTimestamp - timestamp;
      if (skip >= count) {
        return;
      }
    }
    nextTimestamp = timestamp + count;
    for (int i = skip; i < count && !stopped; i++) {
      short x = samples[i];
      audio[length++] = x;
      silence.sample(x);
      check();
    }
  }

  /**
   * A digit was pressed: stops the recording when it is a stop key.
   *
   * @return whether the digit was a stop key and is used up
   */
  public boolean digit(char digit) {
    if (stopped || stopKeys.indexOf(digit) < 0) {
      return false;
    }
    finish(Optional.of(digit));
    return true;
  }

  /** Stops the recording and writes what it holds; does nothing once stopped. */
  public void stop() {
    if (!stopped) {
      finish(Optional.empty());
    }
  }

  public boolean isStopped() {
    return stopped;
  }

  /** Audio recorded so far. */
  public Duration length() {
    return Duration.ofNanos(length * (1_000_000_000L / Codec.CLOCK_RATE));
  }

  private void appendSilence(int count) {
    int n = Math.min(count, audio.length - length);
    // The array is zero from allocation: just move past the silence.
    length += n;
    silence.silence(n);
    check();
  }

  private void tick() {
    if (stopped) {
      return;
    }
    if (++ticks >= maxTicks) {
      finish(Optional.empty());
      return;
    }
    if (!audioSinceTick && silence.speechHeard()) {
      // The peer sends nothing at all (no comfort noise either): its pause counts as silence.
      idleSamples += TICK_SAMPLES;
    }
    audioSinceTick = false;
    check();
  }

  private void check() {
    if (stopped) {
      return;
    }
    if (length == audio.length) {
      finish(Optional.empty());
    } else if (maxSilenceSamples > 0
        && silence.speechHeard()
        && silence.silentSamples() + (long) idleSamples >= maxSilenceSamples) {
      finish(Optional.empty());
    }
  }

  private void finish(Optional<Character> key) {
    stopped = true;
    if (timer != null) {
      timer.cancel(false);
    }
    onStop.run();
    Recording recording = new Recording(file, length(), key);
    int count = length;
    try {
      writer.execute(() -> write(recording, count));
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(e);
    }
  }

  private void write(Recording recording, int count) {
    try {
      WavWriter.write(file, audio, count);
      result.complete(recording);
    } catch (IOException | RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  private static int samples(Duration duration) {
    return (int) Math.min(duration.toMillis() * Codec.CLOCK_RATE / 1000, Integer.MAX_VALUE);
  }
}
