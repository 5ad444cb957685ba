package org.hotline.core.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the IVR and the ACD may ask of one call leg's audio. Implemented by the media layer ({@code
 * sip}); every method returns at once, and the futures complete on the media layer's threads, so a
 * flow running on its own virtual thread may simply {@code join()} them.
 *
 * <p>Digits pressed at any time (RFC 4733 events, later SIP INFO or in-band) go into a type-ahead
 * buffer that {@link #nextDigit} reads in order.
 */
public interface MediaSession {

  /**
   * Plays a prompt as paced 20 ms RTP frames, replacing whatever was playing.
   *
   * @param bargeIn whether a digit pressed during the prompt stops it (the digit stays buffered); a
   *     digit already buffered when the prompt would begin skips it (type-ahead)
   * @return completes when the prompt has finished, was stopped by a digit or by {@link
   *     #stopPlayback}, or the session closed; never exceptionally for a missing prompt (that is
   *     logged and completes at once)
   */
  CompletableFuture<Void> play(Prompt prompt, boolean bargeIn);

  /** Loops the prompt until {@link #stopPlayback}, a bridge or close: music on hold, ringback. */
  void loop(Prompt prompt);

  /** Stops playback or the loop; a pending {@link #play} future completes. */
  void stopPlayback();

  /**
   * The next digit ({@code 0-9 * # A-D}) from the type-ahead buffer, or the first to arrive within
   * {@code timeout}; empty on timeout or when the session closes.
   */
  CompletableFuture<Optional<Character>> nextDigit(Duration timeout);

  /** Discards buffered digits. */
  void clearDigits();

  /**
   * Relays audio both ways between this leg and {@code other}, stopping playback on both. Each leg
   * keeps seeing one continuous stream (SSRC, sequence and timestamp rewritten).
   */
  void bridge(MediaSession other);

  /**
   * Records what the peer says into {@code file} (a WAV: 8 kHz, 16-bit linear PCM, mono), for
   * voicemail. Recording stops at {@code maxLength}, after {@code maxSilence} of silence (once the
   * peer has said something; {@link Duration#ZERO} turns this off), when a key in {@code stopKeys}
   * is pressed (the key is consumed, not buffered), or when the session closes; the file is written
   * off the media threads before the future completes.
   *
   * @return the recording; completes exceptionally only when the file could not be written
   */
  CompletableFuture<Recording> record(
      Path file, Duration maxLength, Duration maxSilence, String stopKeys);

  /** Whether the session still has its port and may play or relay. */
  boolean isOpen();

  /** Stops everything and releases the port; idempotent. */
  void close();
}
