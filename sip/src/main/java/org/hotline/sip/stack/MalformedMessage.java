package org.hotline.sip.stack;

/**
 * A SIP message the stack refused as malformed.
 *
 * @param transport {@code udp} or {@code tcp}, the transport it arrived on
 * @param source where it came from: {@code ip:port}, or only {@code ip} when the stack does not
 *     know the port (a UDP datagram that could not be parsed)
 * @param reason why, in a few words fit for a log line and a reason phrase
 */
public record MalformedMessage(String transport, String source, String reason) {}
