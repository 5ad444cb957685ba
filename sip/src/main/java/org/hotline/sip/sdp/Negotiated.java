package org.hotline.sip.sdp;

import java.net.InetSocketAddress;
import org.hotline.sip.media.Codec;

/**
 * The outcome of an SDP offer/answer exchange for one call leg's audio.
 *
 * @param remote where the peer wants RTP ({@code 0.0.0.0} when it holds the call the RFC 2543 way)
 * @param codec the G.711 law both sides use
 * @param telephoneEventPt the RFC 4733 telephone-event payload type, or -1 when the peer has none
 * @param sdp our answer, to send in the 200 OK; {@code null} from {@link SdpNegotiator#readAnswer}
 * @param direction the direction attribute of the peer's SDP ({@code sendrecv}, {@code sendonly},
 *     {@code recvonly}, {@code inactive}); {@code sendrecv} when it has none
 */
public record Negotiated(
    InetSocketAddress remote, Codec codec, int telephoneEventPt, String sdp, String direction) {

  /** Whether the peer wants our media: not {@code sendonly}/{@code inactive}, not 0.0.0.0. */
  public boolean peerReceives() {
    return (direction.equals("sendrecv") || direction.equals("recvonly"))
        && !remote.getAddress().isAnyLocalAddress();
  }
}
