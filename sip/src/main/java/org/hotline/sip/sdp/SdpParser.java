package org.hotline.sip.sdp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the parts of an SDP body (RFC 8866) that offer/answer for G.711 audio needs: {@code c=},
 * {@code m=}, {@code a=rtpmap} and the direction attributes, at session and media level.
 *
 * <p>Lenient where peers differ (LF or CRLF line ends, trailing blanks, unknown lines, a missing
 * {@code a=rtpmap} for a static payload type) and strict where a guess would be wrong: a line that
 * is not {@code <letter>=<value>}, an {@code m=} or {@code c=} line that does not parse, or a
 * connection address that is not an IP literal raises {@link SdpException}.
 */
final class SdpParser {

  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
  private static final Pattern BLANKS = Pattern.compile("[ \t]+");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Set<String> DIRECTIONS =
      Set.of("sendrecv", "sendonly", "recvonly", "inactive");

  private SdpParser() {}

  static SessionDescription parse(String sdp) throws SdpException {
    if (sdp == null || sdp.isBlank()) {
      throw new SdpException("empty SDP");
    }
    SessionDescription session = new SessionDescription();
    MediaDescription current = null;
    boolean first = true;
    for (String raw : LINE_BREAK.split(sdp)) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.length() < 2 || line.charAt(1) != '=' || !Character.isLetter(line.charAt(0))) {
        throw new SdpException("not an SDP line: " + abbreviate(line));
      }
      char type = line.charAt(0);
      String value = line.substring(2).strip();
      if (first && (type != 'v' || !value.equals("0"))) {
        throw new SdpException("SDP must start with v=0, not " + abbreviate(line));
      }
      first = false;
      switch (type) {
        case 'm' -> {
          current = media(value);
          session.media.add(current);
        }
        case 'c' -> {
          InetAddress address = connection(value);
          if (current == null) {
            session.connection = address;
          } else {
            current.connection = address;
          }
        }
        case 'a' -> attribute(value, session, current);
        default -> {
          // o=, s=, t=, b= and the rest do not affect what we negotiate.
        }
      }
    }
    return session;
  }

  /** {@code m=<media> <port>[/<number of ports>] <proto> <fmt> ...} (RFC 8866 section 5.14). */
  private static MediaDescription media(String value) throws SdpException {
    String[] fields = BLANKS.split(value);
    if (fields.length < 3) {
      throw new SdpException("malformed m= line: " + abbreviate(value));
    }
    String portField = fields[1];
    int slash = portField.indexOf('/');
    int port;
    try {
      port = Integer.parseInt(slash < 0 ? portField : portField.substring(0, slash));
    } catch (NumberFormatException e) {
      throw new SdpException("bad port in m= line: " + abbreviate(value));
    }
    if (port < 0 || port > 65535) {
      throw new SdpException("bad port in m= line: " + abbreviate(value));
    }
    List<String> formats = Arrays.asList(fields).subList(3, fields.length);
    return new MediaDescription(fields[0].toLowerCase(Locale.ROOT), port, fields[2], formats);
  }

  /** {@code c=IN IP4 <address>[/<ttl>]} (RFC 8866 section 5.7); the address must be a literal. */
  private static InetAddress connection(String value) throws SdpException {
    String[] fields = BLANKS.split(value);
    if (fields.length < 3 || !fields[0].equals("IN")) {
      throw new SdpException("malformed c= line: " + abbreviate(value));
    }
    String address = fields[2];
    int slash = address.indexOf('/');
    if (slash >= 0) {
      address = address.substring(0, slash);
    }
    boolean literal =
        switch (fields[1]) {
          case "IP4" -> IPV4.matcher(address).matches();
          case "IP6" -> address.indexOf(':') >= 0 && address.matches("[0-9A-Fa-f:.]+");
          default -> false;
        };
    if (!literal) {
      throw new SdpException("c= address is not an IP literal: " + abbreviate(value));
    }
    try {
      // A literal: no name lookup happens here.
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new SdpException("bad c= address: " + abbreviate(value));
    }
  }

  private static void attribute(String value, SessionDescription session, MediaDescription media)
      throws SdpException {
    String lower = value.toLowerCase(Locale.ROOT);
    if (DIRECTIONS.contains(lower)) {
      if (media == null) {
        session.direction = lower;
      } else {
        media.direction = lower;
      }
    } else if (lower.startsWith("rtpmap:") && media != null) {
      rtpMap(value.substring("rtpmap:".length()), media);
    }
  }

  /** {@code a=rtpmap:<pt> <encoding>/<clock rate>[/<params>]} (RFC 8866 section 6.6). */
  private static void rtpMap(String value, MediaDescription media) throws SdpException {
    String[] fields = BLANKS.split(value.strip(), 2);
    if (fields.length < 2) {
      throw new SdpException("malformed a=rtpmap: " + abbreviate(value));
    }
    String[] encoding = fields[1].split("/");
    try {
      int payloadType = Integer.parseInt(fields[0]);
      int clockRate = encoding.length > 1 ? Integer.parseInt(encoding[1].strip()) : -1;
      media.rtpMaps.put(payloadType, new MediaDescription.RtpMap(encoding[0].strip(), clockRate));
    } catch (NumberFormatException e) {
      throw new SdpException("malformed a=rtpmap: " + abbreviate(value));
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
