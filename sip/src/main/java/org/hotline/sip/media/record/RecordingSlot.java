package org.hotline.sip.media.record;

import io.netty.util.concurrent.EventExecutor;
import org.hotline.sip.media.audio.AudioTap;

/**
 * The one recording an endpoint makes at a time: starts it on the endpoint's audio tap, lets a stop
 * key end it, and stops it when the next one starts or the endpoint closes.
 *
 * <p>Confined to the endpoint's event loop.
 */
public final class RecordingSlot {

  private final EventExecutor loop;
  private final AudioTap tap;
  private Recorder current;

  public RecordingSlot(EventExecutor loop, AudioTap tap) {
    this.loop = loop;
    this.tap = tap;
  }

  /** Stops the recording in progress, if any, and starts {@code next}. */
  public void start(Recorder next) {
    stop();
    current = next;
    tap.setRecording(next);
    next.start(
        loop,
        () -> {
          if (current == next) {
            current = null;
            tap.setRecording(null);
          }
        });
  }

  /**
   * Offers a key press to the recording in progress.
   *
   * @return whether it was a stop key, which ended the recording and is used up
   */
  public boolean stopKey(char digit) {
    return current != null && current.digit(digit);
  }

  /** Stops the recording in progress, if any; it writes what it holds. */
  public void stop() {
    if (current != null) {
      current.stop();
    }
  }
}
