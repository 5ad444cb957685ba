package org.hotline.sip.media.prompt;

import java.time.Duration;
import java.util.Arrays;
import org.hotline.core.media.Prompt;
import org.hotline.sip.media.Codec;
import org.hotline.sip.media.g711.G711;

/**
 * A prompt encoded once in one G.711 law and cut into 20 ms frames of 160 bytes, the last one
 * padded with silence; immutable and shared by every call that plays it.
 */
public final class EncodedPrompt {

  private final Prompt prompt;
  private final Codec codec;
  private final byte[] audio;

  private EncodedPrompt(Prompt prompt, Codec codec, byte[] audio) {
    this.prompt = prompt;
    this.codec = codec;
    this.audio = audio;
  }

  /** Encodes 16-bit linear samples at 8 kHz. */
  public static EncodedPrompt encode(Prompt prompt, short[] samples, Codec codec) {
    int frames = (samples.length + Codec.SAMPLES_PER_FRAME - 1) / Codec.SAMPLES_PER_FRAME;
    byte[] audio = new byte[frames * Codec.SAMPLES_PER_FRAME];
    for (int i = 0; i < samples.length; i++) {
      audio[i] = G711.encode(codec, samples[i]);
    }
    Arrays.fill(audio, samples.length, audio.length, codec.silence());
    return new EncodedPrompt(prompt, codec, audio);
  }

  public Prompt prompt() {
    return prompt;
  }

  public Codec codec() {
    return codec;
  }

  /** Number of 20 ms frames. */
  public int frameCount() {
    return audio.length / Codec.SAMPLES_PER_FRAME;
  }

  public Duration duration() {
    return Duration.ofMillis(20L * frameCount());
  }

  /** A copy of frame {@code index}'s 160 bytes. */
  public byte[] frame(int index) {
    int from = index * Codec.SAMPLES_PER_FRAME;
    return Arrays.copyOfRange(audio, from, from + Codec.SAMPLES_PER_FRAME);
  }

  /** The encoded bytes, shared without copying with the player; never modified. */
  byte[] audio() {
    return audio;
  }

  @Override
  public String toString() {
    return prompt.language()
        + "/"
        + prompt.name()
        + " ("
        + codec
        + ", "
        + frameCount()
        + " frames)";
  }
}
