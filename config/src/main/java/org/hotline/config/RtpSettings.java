package org.hotline.config;

import java.time.Duration;

/**
 * RTP media settings.
 *
 * @param host bind address of RTP sockets; empty means the SIP bind address
 * @param portMin lowest RTP port
 * @param portMax highest RTP port
 * @param timeout how long a caller may send no RTP before the call is ended; zero for never
 */
public record RtpSettings(String host, int portMin, int portMax, Duration timeout) {
  /** Settings with the inactivity check off. */
  public RtpSettings(String host, int portMin, int portMax) {
    this(host, portMin, portMax, Duration.ZERO);
  }
}
