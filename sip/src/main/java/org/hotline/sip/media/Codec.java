package org.hotline.sip.media;

/**
 * A G.711 audio codec we can send and receive: 8 kHz, one byte per sample, static RTP payload types
 * from RFC 3551 section 6 (table 4).
 */
public enum Codec {
  /** G.711 μ-law, static payload type 0. */
  PCMU(0, "PCMU", (byte) 0xFF),
  /** G.711 A-law, static payload type 8. */
  PCMA(8, "PCMA", (byte) 0xD5);

  /** Samples per second of both laws (RFC 3551 section 4.5.14). */
  public static final int CLOCK_RATE = 8000;

  /** Samples, and bytes, in one 20 ms frame. */
  public static final int SAMPLES_PER_FRAME = 160;

  /**
   * The static payload type of comfort noise (RFC 3389, RFC 3551 table 4): a peer with voice
   * activity detection sends it in pauses instead of audio.
   */
  public static final int COMFORT_NOISE_PT = 13;

  private final int payloadType;
  private final String encodingName;
  private final byte silence;

  Codec(int payloadType, String encodingName, byte silence) {
    this.payloadType = payloadType;
    this.encodingName = encodingName;
    this.silence = silence;
  }

  /** The static RTP payload type number. */
  public int payloadType() {
    return payloadType;
  }

  /** The encoding name used in SDP {@code a=rtpmap} lines. */
  public String encodingName() {
    return encodingName;
  }

  /** The code of a zero sample in this law, used to pad the last frame of a prompt. */
  public byte silence() {
    return silence;
  }

  /** The codec with this static payload type, or {@code null} when it is not one of ours. */
  public static Codec forPayloadType(int payloadType) {
    return switch (payloadType) {
      case 0 -> PCMU;
      case 8 -> PCMA;
      default -> null;
    };
  }

  /** The codec with this SDP encoding name (case-insensitive), or {@code null}. */
  public static Codec forEncodingName(String name) {
    for (Codec c : values()) {
      if (c.encodingName.equalsIgnoreCase(name)) {
        return c;
      }
    }
    return null;
  }
}
