/**
 * SDP offer/answer (RFC 3264) for G.711 audio with RFC 4733 telephone-events: {@link
 * org.hotline.sip.sdp.SdpNegotiator} parses and writes the few SDP lines that matter by hand.
 */
package org.hotline.sip.sdp;
