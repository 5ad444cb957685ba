package org.hotline.sip.media.dtmf;

/** Where detected DTMF digits go; called on the endpoint's event loop. */
@FunctionalInterface
public interface DigitSink {

  /** One digit ({@code 0-9 * # A-D}) was pressed. */
  void digit(char digit);
}
