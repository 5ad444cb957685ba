package org.hotline.sip.media.dtmf;

import io.netty.buffer.ByteBuf;

/**
 * A view of the RFC 4733 telephone-event payload (section 2.3) in a {@link ByteBuf}, and the
 * mapping of DTMF event codes to digits (section 3.2, table 1).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     event     |E|R| volume    |          duration             |
 * </pre>
 */
public final class TelephoneEvent {

  /** Length of one event block. */
  public static final int LENGTH = 4;

  private static final String DIGITS = "0123456789*#ABCD";

  private TelephoneEvent() {}

  /** The event code at {@code offset}. */
  public static int event(ByteBuf buf, int offset) {
    return buf.getUnsignedByte(offset);
  }

  /** The E bit at {@code offset}: this packet ends the event (section 2.3.2). */
  public static boolean isEnd(ByteBuf buf, int offset) {
    return (buf.getByte(offset + 1) & 0x80) != 0;
  }

  /** The duration so far in timestamp units, at {@code offset} (section 2.3.5). */
  public static int duration(ByteBuf buf, int offset) {
    return buf.getUnsignedShort(offset + 2);
  }

  /** The digit of a DTMF event code 0-15, or 0 when the code is not a DTMF digit. */
  public static char digit(int event) {
    return event >= 0 && event < DIGITS.length() ? DIGITS.charAt(event) : 0;
  }

  /** Whether {@code c} is a DTMF digit ({@code 0-9 * # A-D}). */
  public static boolean isDigit(char c) {
    return DIGITS.indexOf(c) >= 0;
  }
}
