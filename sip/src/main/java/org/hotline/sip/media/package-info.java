/**
 * RTP media for call legs: {@link org.hotline.sip.media.MediaServer} hands out {@link
 * org.hotline.sip.media.MediaEndpoint}s, which implement the core's {@code MediaSession}.
 *
 * <p>Threading: all RTP work (receiving, prompt pacing, DTMF, relaying) runs on a few Netty event
 * loops; each endpoint belongs to one loop, and everything that touches its state runs there, so
 * there are no locks on the packet path. Public methods may be called from any thread and hand
 * their work to the loop.
 *
 * <p>The inbound RTP path of an endpoint is assembled in {@link
 * org.hotline.sip.media.rtp.RtpChannelInitializer}; the subpackages hold one concern each: {@code
 * rtp} (header view, filter, symmetric/strict latch, stream rewriting, relay with law conversion),
 * {@code audio} (decoding the peer's audio for whoever listens), {@code dtmf} (RFC 4733 events,
 * in-band tone detection, type-ahead buffer), {@code record} (voicemail recording, WAV writing),
 * {@code prompt} (WAV reading, pre-encoded prompts, paced playback), {@code g711} (law tables) and
 * {@code port} (the port range).
 */
package org.hotline.sip.media;
