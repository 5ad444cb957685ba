package org.hotline.config;

import java.time.Duration;
import java.util.List;

/**
 * How the SIP edge protects itself: its capacity, beyond which new work is refused with 503, and
 * its defences against password guessers, scanners and floods.
 *
 * @param intakeQueue UDP datagrams that may wait to be parsed; more are dropped
 * @param maxTransactions server transactions alive at once; beyond, new requests get 503
 * @param maxConnections TCP connections open at once; more wait to be accepted
 * @param maxCalls calls up at once; beyond, new calls get 503
 * @param maxCallRate new calls taken per second in all; beyond, 503
 * @param retryAfter the Retry-After of a 503 for overload
 * @param maxFailures digest failures from one address within {@code window} that ban it
 * @param window how long a digest failure counts
 * @param ban how long a banned address's packets are dropped
 * @param trusted networks (CIDR) never banned nor rate-limited: the office, the carrier
 * @param scannerAgents User-Agent fragments of known scanners (lower case); their requests are
 *     dropped and their source banned
 * @param registerRate REGISTERs per second one source may send (bursts of twice as many)
 * @param inviteRate new INVITEs per second one source may send
 * @param optionsRate OPTIONS per second one source may send
 * @param otherRate other requests outside a dialog per second one source may send
 * @param maxCallsPerSource calls up at once from one source
 */
public record SipGuardSettings(
    int intakeQueue,
    int maxTransactions,
    int maxConnections,
    int maxCalls,
    int maxCallRate,
    Duration retryAfter,
    int maxFailures,
    Duration window,
    Duration ban,
    List<Cidr> trusted,
    List<String> scannerAgents,
    int registerRate,
    int inviteRate,
    int optionsRate,
    int otherRate,
    int maxCallsPerSource) {
  public SipGuardSettings {
    trusted = List.copyOf(trusted);
    scannerAgents = List.copyOf(scannerAgents);
  }
}
