package org.hotline.sip.sdp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code m=} section of a parsed SDP (RFC 8866 section 5.14) with the attributes we use.
 * Mutable while being parsed, then only read.
 */
final class MediaDescription {

  final String media;
  final int port;
  final String proto;
  final List<String> formats;
  final Map<Integer, RtpMap> rtpMaps = new HashMap<>();
  InetAddress connection;
  String direction;

  MediaDescription(String media, int port, String proto, List<String> formats) {
    this.media = media;
    this.port = port;
    this.proto = proto;
    this.formats = new ArrayList<>(formats);
  }

  /** The payload types of the format list, in order, skipping any that are not numbers. */
  List<Integer> payloadTypes() {
    List<Integer> types = new ArrayList<>();
    for (String format : formats) {
      try {
        int pt = Integer.parseInt(format);
        if (pt >= 0 && pt <= 127) {
          types.add(pt);
        }
      } catch (NumberFormatException notRtp) {
        // not an RTP payload type (another proto); such formats are simply not ours
      }
    }
    return types;
  }

  /** An {@code a=rtpmap} value: encoding name and clock rate (RFC 8866 section 6.6). */
  record RtpMap(String encoding, int clockRate) {}
}
