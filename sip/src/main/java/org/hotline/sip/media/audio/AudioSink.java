package org.hotline.sip.media.audio;

/**
 * Takes the peer's audio as 16-bit linear samples at 8 kHz, decoded by {@link AudioTap}; called on
 * the endpoint's event loop. The samples are lent for the call only: the array is reused for the
 * next packet, so copy what must be kept, and never block.
 */
public interface AudioSink {

  /**
   * {@code count} samples from {@code samples[0]} on, the first of them at RTP timestamp {@code
   * timestamp} of the source {@code ssrc}.
   */
  void audio(int ssrc, int timestamp, short[] samples, int count);
}
