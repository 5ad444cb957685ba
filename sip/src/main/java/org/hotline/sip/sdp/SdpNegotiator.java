package org.hotline.sip.sdp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.hotline.sip.media.Codec;

/**
 * SDP offer/answer (RFC 3264) for a call leg's audio: G.711 μ-law or A-law, and RFC 4733
 * telephone-events for DTMF.
 *
 * <p>Stateless and thread-safe. Session ids and versions are the caller's to keep when a dialog
 * re-negotiates (RFC 3264 section 8: same id, version plus one).
 */
public final class SdpNegotiator {

  /** The telephone-event payload type we offer. */
  public static final int TELEPHONE_EVENT_PT = 101;

  /** RTP profiles we can answer: plain AVP, and AVPF whose feedback we simply do not use. */
  private static final Set<String> PROFILES = Set.of("RTP/AVP", "RTP/AVPF");

  private SdpNegotiator() {}

  /**
   * Answers an offer (RFC 3264 section 6): the offer's first audio stream we can take gets the
   * first of its codecs that we support (PCMU, PCMA), plus telephone-event when offered, with the
   * offered payload type; every other stream is rejected with port zero.
   *
   * @param localAddress our RTP address, for {@code o=} and {@code c=}
   * @param localPort our RTP port ({@link org.hotline.sip.media.MediaEndpoint#localPort})
   * @throws SdpException when the SDP does not parse, has no audio stream we can take, or no common
   *     codec (signalling answers 488 Not Acceptable Here)
   */
  public static Negotiated answer(String offerSdp, String localAddress, int localPort)
      throws SdpException {
    long sessionId = newSessionId();
    return answer(offerSdp, localAddress, localPort, sessionId, sessionId);
  }

  /** Answers an offer with the given {@code o=} session id and version (for re-INVITEs). */
  public static Negotiated answer(
      String offerSdp, String localAddress, int localPort, long sessionId, long sessionVersion)
      throws SdpException {
    SessionDescription offer = SdpParser.parse(offerSdp);
    MediaDescription chosen = null;
    Codec codec = null;
    boolean sawAudio = false;
    for (MediaDescription m : offer.media) {
      if (m.media.equals("audio") && m.port != 0 && PROFILES.contains(m.proto)) {
        sawAudio = true;
        codec = firstSupported(m);
        if (codec != null) {
          chosen = m;
          break;
        }
      }
    }
    if (chosen == null) {
      throw new SdpException(
          sawAudio
              ? "no common codec: offered " + describeFormats(offer) + "; we take PCMU, PCMA"
              : "no audio stream we can take (RTP/AVP, port not 0) among "
                  + offer.media.size()
                  + " m= line(s)");
    }
    InetSocketAddress remote = remote(offer, chosen);
    int telephoneEventPt = telephoneEventPt(chosen);
    String direction = offer.directionOf(chosen);

    SdpWriter answer = new SdpWriter(localAddress, sessionId, sessionVersion);
    for (MediaDescription m : offer.media) {
      if (m == chosen) {
        answer.audio(localPort, m.proto, new Codec[] {codec}, telephoneEventPt, reverse(direction));
      } else {
        answer.rejected(m);
      }
    }
    return new Negotiated(remote, codec, telephoneEventPt, answer.toString(), direction);
  }

  /**
   * Our offer for the agent leg: the preferred codec first, then the other, and telephone-event
   * with payload type {@value #TELEPHONE_EVENT_PT}; session version equal to the id.
   */
  public static String offer(String localAddress, int localPort, Codec preferred, long sessionId) {
    return offer(localAddress, localPort, preferred, sessionId, sessionId);
  }

  /** Our offer with an explicit {@code o=} session version (for re-INVITEs). */
  public static String offer(
      String localAddress, int localPort, Codec preferred, long sessionId, long sessionVersion) {
    Codec other = preferred == Codec.PCMU ? Codec.PCMA : Codec.PCMU;
    return new SdpWriter(localAddress, sessionId, sessionVersion)
        .audio(localPort, "RTP/AVP", new Codec[] {preferred, other}, TELEPHONE_EVENT_PT, "sendrecv")
        .toString();
  }

  /**
   * Reads the answer to {@link #offer} (RFC 3264 section 7): its first audio stream, the first
   * codec it kept and its telephone-event payload type.
   *
   * @throws SdpException when the SDP does not parse, the audio stream was rejected (port zero) or
   *     no codec of ours is left
   */
  public static Negotiated readAnswer(String answerSdp) throws SdpException {
    SessionDescription answer = SdpParser.parse(answerSdp);
    MediaDescription audio =
        answer.media.stream()
            .filter(m -> m.media.equals("audio"))
            .findFirst()
            .orElseThrow(() -> new SdpException("answer has no audio stream"));
    if (audio.port == 0) {
      throw new SdpException("answer rejected the audio stream (port 0)");
    }
    Codec codec = firstSupported(audio);
    if (codec == null) {
      throw new SdpException("answer kept no codec of ours: " + audio.formats);
    }
    return new Negotiated(
        remote(answer, audio), codec, telephoneEventPt(audio), null, answer.directionOf(audio));
  }

  /**
   * The first format we support, in the peer's order of preference. A static payload type counts
   * with or without {@code a=rtpmap} (RFC 3551 section 6); G.711 under a dynamic number does not,
   * since our endpoints send the static one.
   */
  private static Codec firstSupported(MediaDescription m) {
    for (int pt : m.payloadTypes()) {
      Codec codec = Codec.forPayloadType(pt);
      if (codec == null) {
        continue;
      }
      MediaDescription.RtpMap map = m.rtpMaps.get(pt);
      if (map == null
          || (map.encoding().equalsIgnoreCase(codec.encodingName())
              && map.clockRate() == Codec.CLOCK_RATE)) {
        return codec;
      }
    }
    return null;
  }

  /** The payload type of {@code telephone-event/8000} among the listed formats, or -1. */
  private static int telephoneEventPt(MediaDescription m) {
    for (int pt : m.payloadTypes()) {
      MediaDescription.RtpMap map = m.rtpMaps.get(pt);
      if (map != null
          && map.encoding().equalsIgnoreCase("telephone-event")
          && map.clockRate() == Codec.CLOCK_RATE) {
        return pt;
      }
    }
    return -1;
  }

  private static InetSocketAddress remote(SessionDescription sdp, MediaDescription m)
      throws SdpException {
    InetAddress address = sdp.connectionOf(m);
    if (address == null) {
      throw new SdpException("no c= line for the audio stream");
    }
    return new InetSocketAddress(address, m.port);
  }

  /** The answer's direction for an offered one (RFC 3264 section 6.1). */
  private static String reverse(String offered) {
    return switch (offered) {
      case "sendonly" -> "recvonly";
      case "recvonly" -> "sendonly";
      default -> offered;
    };
  }

  private static String describeFormats(SessionDescription sdp) {
    StringBuilder text = new StringBuilder();
    for (MediaDescription m : sdp.media) {
      if (m.media.equals("audio")) {
        for (int pt : m.payloadTypes()) {
          MediaDescription.RtpMap map = m.rtpMaps.get(pt);
          text.append(text.isEmpty() ? "" : " ").append(pt);
          if (map != null) {
            text.append('(').append(map.encoding().toLowerCase(Locale.ROOT)).append(')');
          }
        }
      }
    }
    return text.isEmpty() ? "nothing" : text.toString();
  }

  private static long newSessionId() {
    // Positive and within the range that every peer's parser takes (RFC 8866 section 5.2).
    return ThreadLocalRandom.current().nextLong(1L << 31, 1L << 53);
  }
}
