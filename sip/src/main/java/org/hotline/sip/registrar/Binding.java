package org.hotline.sip.registrar;

import java.time.Instant;

/**
 * One registered contact of a user (RFC 3261 section 10).
 *
 * @param contactUri the Contact URI as registered
 * @param sourceHost where the REGISTER really came from ({@code received})
 * @param sourcePort its source port ({@code rport})
 * @param transport udp or tcp
 * @param callId Call-ID of the registration, with {@code cseq} to order refreshes
 * @param expiresAt when the binding lapses
 * @param registeredAt when this contact was first or last refreshed, for choosing the newest
 * @param behindNat the Contact names another host than the one the REGISTER came from, so requests
 *     go to the source address instead (RFC 3581)
 */
public record Binding(
    String contactUri,
    String sourceHost,
    int sourcePort,
    String transport,
    String callId,
    long cseq,
    Instant expiresAt,
    Instant registeredAt,
    boolean behindNat) {}
