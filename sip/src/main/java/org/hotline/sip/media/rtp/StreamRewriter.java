package org.hotline.sip.media.rtp;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.hotline.sip.media.Codec;

/**
 * One endpoint's outgoing RTP stream as its peer sees it: our SSRC, the running sequence number and
 * timestamp (RFC 3550 section 5.1).
 *
 * <p>Our own prompt frames and the packets relayed from the other leg of a bridge both pass through
 * here, so the peer sees a single continuous stream whatever the source. Relayed packets keep their
 * own spacing: their sequence number and timestamp are shifted by offsets that are fixed when
 * relaying (re)starts, or when the relayed source changes its SSRC; the first packet after that
 * carries the marker bit and a timestamp advanced by the real time elapsed, so the peer's jitter
 * buffer resynchronises as after a talkspurt (RFC 3551 section 4.1).
 *
 * <p>Confined to the owning channel's event loop.
 */
public final class StreamRewriter {

  private static final long NANOS_PER_SAMPLE = 1_000_000_000L / Codec.CLOCK_RATE;

  private final int ssrc;
  private final LongSupplier nanoClock;
  private int sequence;
  private int timestamp;
  private long lastSentNanos;
  private boolean started;

  private boolean mapped;
  private int mappedSsrc;
  private int sequenceOffset;
  private int timestampOffset;

  /**
   * A stream whose first packet will carry {@code firstSequence} and {@code firstTimestamp}.
   *
   * @param nanoClock a monotonic clock in nanoseconds, such as {@code System::nanoTime}
   */
  public StreamRewriter(int ssrc, int firstSequence, int firstTimestamp, LongSupplier nanoClock) {
    this.ssrc = ssrc;
    this.sequence = (firstSequence - 1) & 0xFFFF;
    this.timestamp = firstTimestamp;
    this.nanoClock = nanoClock;
  }

  /** A stream with random SSRC, sequence number and timestamp, as RFC 3550 section 5.1 asks. */
  public static StreamRewriter random(LongSupplier nanoClock) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new StreamRewriter(
        random.nextInt(), random.nextInt(0x10000), random.nextInt(), nanoClock);
  }

  public int ssrc() {
    return ssrc;
  }

  /** The sequence number of the last packet sent (or one before the first). */
  public int lastSequence() {
    return sequence;
  }

  /** The timestamp of the last packet sent (or of the first, before it is sent). */
  public int lastTimestamp() {
    return timestamp;
  }

  /**
   * Appends the header of our next own 20 ms frame.
   *
   * @param talkspurtStart whether the frame starts a talkspurt (a new prompt): it then gets the
   *     marker bit and a timestamp that accounts for the silence before it
   */
  public void writeOwnHeader(ByteBuf out, int payloadType, boolean talkspurtStart) {
    boolean marker = talkspurtStart || !started;
    int nextTimestamp = marker ? resumeTimestamp() : timestamp + Codec.SAMPLES_PER_FRAME;
    int nextSequence = (sequence + 1) & 0xFFFF;
    RtpHeaderWriter.write(out, marker, payloadType, nextSequence, nextTimestamp, ssrc);
    sequence = nextSequence;
    timestamp = nextTimestamp;
    lastSentNanos = nanoClock.getAsLong();
    started = true;
    // Whatever is relayed next continues after this frame.
    mapped = false;
  }

  /** Rewrites SSRC, sequence number and timestamp (and maybe the marker) of a relayed packet. */
  public void rewriteRelayed(ByteBuf packet) {
    int inSsrc = RtpPacket.ssrc(packet);
    int inSequence = RtpPacket.sequence(packet);
    int inTimestamp = RtpPacket.timestamp(packet);
    if (!mapped || inSsrc != mappedSsrc) {
      sequenceOffset = sequence + 1 - inSequence;
      timestampOffset = resumeTimestamp() - inTimestamp;
      mappedSsrc = inSsrc;
      mapped = true;
      RtpPacket.setMarker(packet, true);
    }
    int outSequence = (inSequence + sequenceOffset) & 0xFFFF;
    int outTimestamp = inTimestamp + timestampOffset;
    RtpPacket.setSsrc(packet, ssrc);
    RtpPacket.setSequence(packet, outSequence);
    RtpPacket.setTimestamp(packet, outTimestamp);
    // A late (reordered) packet must not pull the stream back: our next own frame would repeat
    // sequence numbers the peer has already seen.
    if (!started || RtpPacket.isNewerSequence(outSequence, sequence)) {
      sequence = outSequence;
    }
    if (!started || RtpPacket.isLaterTimestamp(outTimestamp, timestamp)) {
      timestamp = outTimestamp;
    }
    lastSentNanos = nanoClock.getAsLong();
    started = true;
  }

  /** Forgets the relay offsets, so the next relayed packet starts a new talkspurt. */
  public void resync() {
    mapped = false;
  }

  /** The timestamp of a packet sent now after a pause: last one plus the time elapsed. */
  private int resumeTimestamp() {
    if (!started) {
      return timestamp;
    }
    long elapsedSamples = (nanoClock.getAsLong() - lastSentNanos) / NANOS_PER_SAMPLE;
    return timestamp + (int) Math.max(Codec.SAMPLES_PER_FRAME, elapsedSamples);
  }
}
