package org.hotline.config;

/**
 * RTP media settings.
 *
 * @param host bind address of RTP sockets; empty means the SIP bind address
 * @param portMin lowest RTP port
 * @param portMax highest RTP port
 */
public record RtpSettings(String host, int portMin, int portMax) {}
