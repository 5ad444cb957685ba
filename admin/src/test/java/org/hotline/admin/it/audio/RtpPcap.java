package org.hotline.admin.it.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes G.711 audio as a pcap file of RTP packets (20 ms each, Ethernet/IPv4/UDP), the input of
 * SIPp's {@code play_pcap_audio}: SIPp replays the packets at their recorded pace to the call's
 * media address, keeping payload type and payload.
 */
public final class RtpPcap {
  private static final int SAMPLES_PER_PACKET = 160;
  private static final int HEADERS = 14 + 20 + 8 + 12; // Ethernet, IPv4, UDP, RTP

  private RtpPcap() {}

  /**
   * Writes {@code payload} (G.711 bytes, one per sample at 8 kHz) as RTP packets of {@code
   * payloadType} (0 PCMU, 8 PCMA).
   */
  public static void write(Path file, byte[] payload, int payloadType) throws IOException {
    int packets = (payload.length + SAMPLES_PER_PACKET - 1) / SAMPLES_PER_PACKET;
    ByteBuffer out =
        ByteBuffer.allocate(24 + packets * (16 + HEADERS + SAMPLES_PER_PACKET))
            .order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(0xa1b2c3d4)
        .putShort((short) 2)
        .putShort((short) 4)
        .putInt(0)
        .putInt(0)
        .putInt(65535)
        .putInt(1);
    int ssrc = 0x1234abcd;
    for (int p = 0; p < packets; p++) {
      int from = p * SAMPLES_PER_PACKET;
      int n = Math.min(SAMPLES_PER_PACKET, payload.length - from);
      long micros = p * 20_000L;
      int length = HEADERS + n;
      out.putInt((int) (micros / 1_000_000))
          .putInt((int) (micros % 1_000_000))
          .putInt(length)
          .putInt(length);
      out.order(ByteOrder.BIG_ENDIAN);
      // Ethernet: made-up MACs, IPv4.
      out.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
      // IPv4: 127.0.0.1 -> 127.0.0.1, UDP; SIPp rewrites addresses and ports.
      out.put((byte) 0x45)
          .put((byte) 0)
          .putShort((short) (20 + 8 + 12 + n))
          .putShort((short) p)
          .putShort((short) 0)
          .put((byte) 64)
          .put((byte) 17)
          .putShort((short) 0)
          .putInt(0x7f000001)
          .putInt(0x7f000001);
      out.putShort((short) 6000)
          .putShort((short) 6000)
          .putShort((short) (8 + 12 + n))
          .putShort((short) 0);
      out.put((byte) 0x80)
          .put((byte) (payloadType | (p == 0 ? 0x80 : 0)))
          .putShort((short) p)
          .putInt(p * SAMPLES_PER_PACKET)
          .putInt(ssrc);
      out.put(payload, from, n);
      out.order(ByteOrder.LITTLE_ENDIAN);
    }
    Files.write(file, java.util.Arrays.copyOf(out.array(), out.position()));
  }
}
