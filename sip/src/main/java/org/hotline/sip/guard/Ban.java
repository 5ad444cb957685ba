package org.hotline.sip.guard;

import java.time.Instant;

/**
 * A source address whose SIP packets are dropped unanswered until {@code until}.
 *
 * @param address the banned address, as written by {@link java.net.InetAddress#getHostAddress}
 * @param reason why, in a few words ({@code 10 digest failures in PT5M}, {@code scanner
 *     'friendly-scanner'})
 */
public record Ban(String address, String reason, Instant since, Instant until) {}
