package org.hotline.sip.media;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.socket.DatagramPacket;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds RTP packets, RFC 4733 events and WAV files for the media tests. */
public final class RtpFixtures {

  public static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 40000);
  public static final InetSocketAddress PHONE_A = new InetSocketAddress("192.0.2.10", 5004);
  public static final InetSocketAddress PHONE_B = new InetSocketAddress("192.0.2.20", 6004);

  private RtpFixtures() {}

  /** An RTP packet as bytes: fixed header, then the payload. */
  public static byte[] rtpBytes(
      int payloadType, int sequence, int timestamp, int ssrc, boolean marker, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
    b.put((byte) 0x80);
    b.put((byte) ((marker ? 0x80 : 0) | payloadType));
    b.putShort((short) sequence);
    b.putInt(timestamp);
    b.putInt(ssrc);
    b.put(payload);
    return b.array();
  }

  /** An RTP packet in a direct buffer, as a datagram channel would deliver it. */
  public static ByteBuf rtp(
      int payloadType, int sequence, int timestamp, int ssrc, boolean marker, byte[] payload) {
    byte[] bytes = rtpBytes(payloadType, sequence, timestamp, ssrc, marker, payload);
    return Unpooled.directBuffer(bytes.length).writeBytes(bytes);
  }

  /** A 20 ms G.711 payload whose every byte is {@code value}. */
  public static byte[] frame(int value) {
    byte[] payload = new byte[160];
    java.util.Arrays.fill(payload, (byte) value);
    return payload;
  }

  /** A received datagram. */
  public static DatagramPacket datagram(ByteBuf content, InetSocketAddress sender) {
    return new DatagramPacket(content, LOCAL, sender);
  }

  /** An RFC 4733 event block (section 2.3). */
  public static byte[] event(int event, boolean end, int duration) {
    return new byte[] {
      (byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration
    };
  }

  /** A canonical WAV file with a fmt and a data chunk. */
  public static byte[] wav(int formatTag, int channels, int rate, int bits, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    header.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes());
    header
        .put("fmt ".getBytes())
        .putInt(16)
        .putShort((short) formatTag)
        .putShort((short) channels)
        .putInt(rate)
        .putInt(rate * channels * bits / 8)
        .putShort((short) (channels * bits / 8))
        .putShort((short) bits);
    header.put("data".getBytes()).putInt(data.length);
    out.writeBytes(header.array());
    out.writeBytes(data);
    return out.toByteArray();
  }

  /** A mono 8 kHz 16-bit PCM WAV file of {@code samples}. */
  public static byte[] wav16(short[] samples) {
    ByteBuffer data = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short s : samples) {
      data.putShort(s);
    }
    return wav(1, 1, 8000, 16, data.array());
  }

  /** {@code count} samples of a 400 Hz tone. */
  public static short[] tone(int count) {
    short[] samples = new short[count];
    for (int i = 0; i < count; i++) {
      samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 400 * i / 8000.0));
    }
    return samples;
  }
}
