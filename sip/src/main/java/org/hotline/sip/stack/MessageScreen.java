package org.hotline.sip.stack;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sip.InvalidArgumentException;
import javax.sip.SipStack;
import javax.sip.address.Address;
import javax.sip.header.AcceptHeader;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at every parsed message before JAIN-SIP's transaction layer does, and answers the requests
 * no handler of Hotline should see, as the UAS core of RFC 3261 section 8.2 would:
 *
 * <ul>
 *   <li>505 to a request whose SIP version is not 2.0, 400 to one whose branch is nothing but the
 *       magic cookie (its transactions would all collide; RFC 4475 section 3.2.1): malformed;
 *   <li>416 to a Request-URI that is not {@code sip:} or {@code sips:} (8.2.2.1), 400 to a REGISTER
 *       whose To is not a SIP URI (10.3; RFC 4475 section 3.3.4), 420 listing every option tag of
 *       Require, since Hotline supports none (8.2.2.3), and for INVITE 415 to a body that is not
 *       SDP (8.2.3) and 406 when Accept rules out the SDP answer (RFC 4475 section 3.3.15);
 *   <li>a REGISTER's credentials in a scheme other than Digest are dropped so that the registrar
 *       challenges afresh (RFC 4475 section 3.3.7); incomplete Digest credentials get 400.
 * </ul>
 *
 * <p>RFC 2543 requests without Max-Forwards or (INVITE) Contact are completed so that the
 * transaction layer takes them (RFC 4475 section 3.4.1).
 *
 * <p>The answers above go back statelessly, to where the request came from; a request that came
 * over a connection whose framing is lost ({@link Defect#closeConnection}) is answered, then its
 * connection is closed. ACK is never answered.
 *
 * <p>A message whose body JAIN-SIP's TCP reader cut off at its read timeout is dropped: its
 * connection is gone, and it is not the message that was sent (see {@link Screening}).
 *
 * <p>A response whose top Via is not ours is dropped (RFC 3261 section 18.1.2): without this
 * JAIN-SIP makes a dialog of a stray 2xx and waits for an ACK nobody will send.
 */
final class MessageScreen implements SIPMessageValve {
  private static final Logger log = LoggerFactory.getLogger(MessageScreen.class);
  private static final Set<String> SCHEMES = Set.of("sip", "sips");

  private final BadInput badInput;
  private final HeaderFactory headers;
  private final String host;
  private final Set<String> sentBy;

  /**
   * @param host our host, named in Warning headers
   * @param sentBy the {@code host:port} values we put in our Via headers
   */
  MessageScreen(BadInput badInput, HeaderFactory headers, String host, Collection<String> sentBy) {
    this.badInput = badInput;
    this.headers = headers;
    this.host = host;
    this.sentBy =
        sentBy.stream()
            .map(s -> s.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public boolean processRequest(SIPRequest request, MessageChannel channel) {
    try {
      return screen(request, channel);
    } catch (ParseException | InvalidArgumentException | RuntimeException e) {
      log.warn(
          "screening {} from {} failed, passing it on: {}",
          request.getMethod(),
          source(request, channel),
          e.toString());
      return true;
    }
  }

  private boolean screen(SIPRequest request, MessageChannel channel)
      throws ParseException, InvalidArgumentException {
    String method = request.getMethod();
    boolean ack = Request.ACK.equals(method);
    Screening screening = Screening.of(request);
    request.setApplicationData(null);
    if (screening.bodyCutOff(request, SipServer.TCP_READ_TIMEOUT_MILLIS)) {
      badInput.malformed(
          channel.getTransport(),
          source(request, channel),
          "body cut off by the read timeout",
          "dropped");
      return false;
    }
    Defect defect = screening.defect();
    if (defect != null) {
      malformed(request, channel, defect.status(), defect.reason(), ack);
      if (defect.closeConnection()) {
        StatelessResponses.closeSoon(channel);
      }
      return false;
    }
    if (ack) {
      return true;
    }
    completeLegacyRequest(request, channel);
    if ("z9hG4bK".equalsIgnoreCase(request.getTopmostVia().getBranch())) {
      return malformed(
          request, channel, Response.BAD_REQUEST, "branch without transaction identifier", false);
    }
    String scheme = request.getRequestURI().getScheme();
    if (!SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
      return reject(
          request,
          channel,
          response(request, Response.UNSUPPORTED_URI_SCHEME),
          "Request-URI scheme " + scheme);
    }
    if (Request.REGISTER.equals(method) && !request.getTo().getAddress().getURI().isSipURI()) {
      return reject(
          request, channel, badRequest(request, "To is not a SIP URI"), "To is not a SIP URI");
    }
    List<String> required = Request.CANCEL.equals(method) ? List.of() : optionTags(request);
    if (!required.isEmpty()) {
      SIPResponse r = response(request, Response.BAD_EXTENSION);
      for (String tag : required) {
        r.addHeader(headers.createUnsupportedHeader(tag));
      }
      return reject(request, channel, r, "Require " + required);
    }
    if (Request.INVITE.equals(method)) {
      ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
      if (hasBody(request)
          && type != null
          && !isSdp(type.getContentType(), type.getContentSubType())) {
        SIPResponse r = response(request, Response.UNSUPPORTED_MEDIA_TYPE);
        r.addHeader(headers.createAcceptHeader("application", "sdp"));
        return reject(
            request,
            channel,
            r,
            "body of type " + type.getContentType() + "/" + type.getContentSubType());
      }
      if (request.getHeader(AcceptHeader.NAME) != null && !acceptsSdp(request)) {
        SIPResponse r = response(request, Response.NOT_ACCEPTABLE);
        r.addHeader(
            headers.createWarningHeader(host, 399, "Accept does not allow application/sdp"));
        return reject(request, channel, r, "Accept rules out application/sdp");
      }
    }
    if (Request.REGISTER.equals(method)) {
      return screenCredentials(request, channel);
    }
    return true;
  }

  private boolean screenCredentials(SIPRequest request, MessageChannel channel)
      throws ParseException {
    List<AuthorizationHeader> digest = new ArrayList<>();
    boolean foreign = false;
    for (ListIterator<?> it = request.getHeaders(AuthorizationHeader.NAME); it.hasNext(); ) {
      AuthorizationHeader a = (AuthorizationHeader) it.next();
      if (!"Digest".equalsIgnoreCase(a.getScheme())) {
        foreign = true;
      } else if (a.getUsername() == null
          || a.getRealm() == null
          || a.getNonce() == null
          || a.getResponse() == null) {
        return malformed(
            request, channel, Response.BAD_REQUEST, "incomplete Digest credentials", false);
      } else {
        digest.add(a);
      }
    }
    if (foreign) {
      log.debug(
          "REGISTER from {}: credentials in a scheme other than Digest ignored",
          source(request, channel));
      request.removeHeader(AuthorizationHeader.NAME);
      for (AuthorizationHeader a : digest) {
        request.addHeader(a);
      }
    }
    return true;
  }

  @Override
  public boolean processResponse(Response response, MessageChannel channel) {
    SIPResponse r = (SIPResponse) response;
    Screening screening = Screening.of(r);
    r.setApplicationData(null);
    if (screening.bodyCutOff(r, SipServer.TCP_READ_TIMEOUT_MILLIS)) {
      String source = channel.getPeerAddress() + ":" + channel.getPeerPort();
      badInput.malformed(
          channel.getTransport(), source, "body cut off by the read timeout", "dropped");
      return false;
    }
    Via top = r.getTopmostVia();
    if (top == null || !sentBy.contains(sentBy(top))) {
      log.debug(
          "response {} from {} dropped: its top Via is not ours",
          response.getStatusCode(),
          channel.getPeerAddress());
      return false;
    }
    return true;
  }

  @Override
  public void init(SipStack stack) {}

  @Override
  public void destroy() {}

  /**
   * RFC 2543 requests may lack Max-Forwards, and an RFC 2543 INVITE its Contact (RFC 4475 section
   * 3.4.1: accept them). JAIN-SIP refuses to make a server transaction without both, so Hotline
   * would never answer: Max-Forwards 70 stands in (a UAS does not use it), and the caller's From
   * address stands in for the Contact, which is where RFC 2543 sent requests of the call then.
   */
  private void completeLegacyRequest(SIPRequest request, MessageChannel channel)
      throws ParseException, InvalidArgumentException {
    if (request.getHeader(MaxForwardsHeader.NAME) == null) {
      request.setHeader(headers.createMaxForwardsHeader(70));
      log.debug(
          "{} from {} has no Max-Forwards: 70 assumed",
          request.getMethod(),
          source(request, channel));
    }
    if (Request.INVITE.equals(request.getMethod())
        && request.getHeader(ContactHeader.NAME) == null
        && request.getToTag() == null) {
      Address from = (Address) request.getFrom().getAddress().clone();
      request.setHeader(headers.createContactHeader(from));
      log.debug("INVITE from {} has no Contact: its From stands in", source(request, channel));
    }
  }

  private boolean malformed(
      SIPRequest request, MessageChannel channel, int status, String reason, boolean ack) {
    if (!ack) {
      SIPResponse r =
          status == Response.BAD_REQUEST ? badRequest(request, reason) : response(request, status);
      StatelessResponses.send(request, r, channel);
    }
    badInput.malformed(
        channel.getTransport(),
        source(request, channel),
        reason,
        ack ? "dropped" : "answered " + status);
    return false;
  }

  private boolean reject(
      SIPRequest request, MessageChannel channel, SIPResponse response, String reason) {
    StatelessResponses.send(request, response, channel);
    String why = StrictMessageParser.printable(reason);
    badInput.rejected(request.getMethod(), source(request, channel), response.getStatusCode(), why);
    return false;
  }

  private static SIPResponse response(SIPRequest request, int status) {
    return request.createResponse(status);
  }

  private static SIPResponse badRequest(SIPRequest request, String reason) {
    return request.createResponse(Response.BAD_REQUEST, "Bad Request (" + reason + ")");
  }

  private static List<String> optionTags(SIPRequest request) {
    List<String> tags = new ArrayList<>();
    for (ListIterator<?> it = request.getHeaders(RequireHeader.NAME); it.hasNext(); ) {
      tags.add(((RequireHeader) it.next()).getOptionTag());
    }
    return tags;
  }

  private static boolean hasBody(SIPRequest request) {
    byte[] body = request.getRawContent();
    return body != null && body.length > 0;
  }

  private static boolean acceptsSdp(SIPRequest request) {
    for (ListIterator<?> it = request.getHeaders(AcceptHeader.NAME); it.hasNext(); ) {
      AcceptHeader a = (AcceptHeader) it.next();
      if (a.allowsAllContentTypes()
          || isSdp(
              a.getContentType(), a.allowsAllContentSubTypes() ? "sdp" : a.getContentSubType())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSdp(String type, String subType) {
    return "application".equalsIgnoreCase(type) && "sdp".equalsIgnoreCase(subType);
  }

  private static String sentBy(Via via) {
    return via.getHost().toLowerCase(Locale.ROOT)
        + ":"
        + (via.getPort() > 0 ? via.getPort() : 5060);
  }

  private static String source(SIPRequest request, MessageChannel channel) {
    if (request.getPeerPacketSourceAddress() != null) {
      return request.getPeerPacketSourceAddress().getHostAddress()
          + ":"
          + request.getPeerPacketSourcePort();
    }
    return channel.getPeerAddress() + ":" + channel.getPeerPort();
  }
}
