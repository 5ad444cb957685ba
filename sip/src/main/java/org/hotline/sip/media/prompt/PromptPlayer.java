package org.hotline.sip.media.prompt;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.sip.media.Codec;
import org.hotline.sip.media.rtp.RtpSender;

/**
 * Plays one prompt at a time to an endpoint's peer as 20 ms frames, paced by a fixed-rate timer on
 * the endpoint's event loop.
 *
 * <p>Netty's fixed-rate tasks are scheduled by absolute deadline (each period is added to the
 * previous deadline, not to the time the task happened to run), so a late tick does not make the
 * stream drift. Confined to the endpoint's event loop.
 */
public final class PromptPlayer {

  /** Frame period in milliseconds. */
  static final long FRAME_MILLIS = 20;

  private final EventExecutor executor;
  private final RtpSender sender;

  private EncodedPrompt prompt;
  private int nextFrame;
  private boolean looping;
  private boolean bargeIn;
  private boolean talkspurtStart;
  private CompletableFuture<Void> done;
  private ScheduledFuture<?> timer;

  public PromptPlayer(EventExecutor executor, RtpSender sender) {
    this.executor = executor;
    this.sender = sender;
  }

  /**
   * Starts playing {@code audio}, replacing (and completing) whatever was playing.
   *
   * @param loop whether to repeat it until {@link #stop}
   * @param bargeIn whether {@link #digitPressed} stops it
   * @param done completed when the prompt ends or is stopped
   */
  public void play(
      EncodedPrompt audio, boolean loop, boolean bargeIn, CompletableFuture<Void> done) {
    stop();
    this.prompt = audio;
    this.nextFrame = 0;
    this.looping = loop;
    this.bargeIn = bargeIn;
    this.talkspurtStart = true;
    this.done = done;
    sender.setLocalMediaActive(true);
    timer = executor.scheduleAtFixedRate(this::tick, 0, FRAME_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Stops playback, if any, and completes its future. */
  public void stop() {
    if (prompt == null) {
      return;
    }
    timer.cancel(false);
    timer = null;
    prompt = null;
    sender.setLocalMediaActive(false);
    CompletableFuture<Void> finished = done;
    done = null;
    finished.complete(null);
  }

  /** A digit arrived: stops a prompt that allows barge-in. */
  public void digitPressed() {
    if (prompt != null && bargeIn) {
      stop();
    }
  }

  public boolean isPlaying() {
    return prompt != null;
  }

  /** Sends the next frame; a tick after the last frame, when its 20 ms have passed, finishes. */
  private void tick() {
    if (prompt == null) {
      return;
    }
    if (nextFrame == prompt.frameCount()) {
      if (!looping || nextFrame == 0) {
        stop();
        return;
      }
      nextFrame = 0;
    }
    sender.sendFrame(
        prompt.audio(), nextFrame * Codec.SAMPLES_PER_FRAME, prompt.codec(), talkspurtStart);
    talkspurtStart = false;
    nextFrame++;
  }
}
