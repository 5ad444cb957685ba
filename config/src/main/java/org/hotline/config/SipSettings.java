package org.hotline.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SIP signalling settings.
 *
 * @param host bind address of the SIP stack (UDP and TCP)
 * @param port SIP port
 * @param advertisedHost address put in Via, Contact and SDP; empty means chosen at start
 * @param realm digest realm
 * @param digestAlgorithms algorithms offered in challenges, in order ({@code MD5}, {@code SHA-256})
 * @param nonceTtl how long a digest nonce is accepted
 * @param minExpires shortest registration accepted (423 below it)
 * @param maxExpires longest registration granted
 * @param defaultExpires registration granted when the request names none
 * @param trunk {@code host[:port]} that IVR transfers to a number are dialled through
 * @param featureCodes what an agent's phone dialing each code does: {@code ready}, {@code logout}
 *     or {@code break:<reason>}
 */
public record SipSettings(
    String host,
    int port,
    String advertisedHost,
    String realm,
    List<String> digestAlgorithms,
    Duration nonceTtl,
    int minExpires,
    int maxExpires,
    int defaultExpires,
    Optional<String> trunk,
    Map<String, String> featureCodes) {
  public SipSettings {
    digestAlgorithms = List.copyOf(digestAlgorithms);
    featureCodes = Map.copyOf(featureCodes);
  }
}
