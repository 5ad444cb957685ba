package org.hotline.sip.stack;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.MessageChannel;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's message parser with the checks it lacks, for messages from the network (RFC 3261
 * section 7, RFC 4475). One instance per UDP worker or TCP connection.
 *
 * <ul>
 *   <li>A header that must appear once appearing twice (two Content-Lengths, two Call-IDs...):
 *       JAIN-SIP silently keeps one; here the request gets 400.
 *   <li>A request line with a SIP version other than 2.0: JAIN-SIP reads every version as 2.0; here
 *       the request gets 505.
 *   <li>A request whose top Via names another transport than the one it came over is answered over
 *       the one it came over (JAIN-SIP would try to reach back over the Via's).
 *   <li>Any parser failure, checked or not, ends here with a clear reason, instead of a raw
 *       exception text (which JAIN-SIP puts in its 400's reason phrase) or a stack trace.
 * </ul>
 *
 * <p>Requests that parse but are refused carry a {@link Defect} to {@link MessageScreen}, which
 * answers them where they came from. Messages that do not parse, lack Via, From, To, Call-ID or
 * CSeq, or whose CSeq method is not their method, end here: over UDP the stack's own 400 goes back
 * to the datagram's source (when it has the headers to answer with); over TCP the stream's framing
 * can no longer be trusted, since JAIN-SIP does not skip the body of a message it could not parse,
 * so the connection is closed (RFC 4475 sections 3.1.2.3, 3.3.9): at once for further input, after
 * {@link StatelessResponses#CLOSE_LINGER_MILLIS} for answers still on their way. A request whose
 * only fault is its Content-Length is answered 400 before that.
 *
 * <p>Each malformed message is reported to {@link BadInput} once. Messages the stack parses for
 * itself (the listener is not a channel) are parsed unchanged.
 */
final class StrictMessageParser implements MessageParser {
  private static final Logger log = LoggerFactory.getLogger(StrictMessageParser.class);

  /** Headers without which a message cannot be handled: their parse errors are fatal. */
  private static final Map<Class<?>, String> ESSENTIAL =
      Map.of(
          From.class, "From header",
          To.class, "To header",
          CSeq.class, "CSeq header",
          Via.class, "Via header",
          CallID.class, "Call-ID header",
          ContentLength.class, "Content-Length header",
          RequestLine.class, "request line",
          StatusLine.class, "status line");

  private static final Map<String, String> DISPLAY =
      Map.of(
          "call-id", "Call-ID",
          "cseq", "CSeq",
          "from", "From",
          "to", "To",
          "max-forwards", "Max-Forwards",
          "content-length", "Content-Length",
          "content-type", "Content-Type");

  private final MessageParser delegate = new StringMsgParser();
  private final BadInput badInput;

  /** This parser's connection lost its framing: the rest of its input is refused unread. */
  private volatile boolean framingLost;

  StrictMessageParser(BadInput badInput) {
    this.badInput = badInput;
  }

  @Override
  public SIPMessage parseSIPMessage(
      byte[] bytes, boolean readBody, boolean strict, ParseExceptionListener listener)
      throws ParseException {
    if (!(listener instanceof MessageChannel channel)) {
      return delegate.parseSIPMessage(bytes, readBody, strict, listener);
    }
    if (framingLost) {
      throw new ParseException("connection closing after a framing error", 0);
    }
    SIPMessage message = inspect(channel, bytes, readBody, strict);
    return message == null ? null : noteArrival(channel, message, readBody);
  }

  private SIPMessage inspect(MessageChannel channel, byte[] bytes, boolean readBody, boolean strict)
      throws ParseException {
    HeaderErrors errors = new HeaderErrors();
    SIPMessage message;
    try {
      message = delegate.parseSIPMessage(bytes, readBody, strict, errors);
    } catch (ParseException e) {
      String reason =
          errors.failed != null ? "malformed " + ESSENTIAL.get(errors.failed) : describe(e);
      return unparsable(channel, bytes, reason, errors.failed == ContentLength.class);
    } catch (RuntimeException e) {
      // JAIN-SIP's lexers throw unchecked exceptions on some inputs.
      return unparsable(channel, bytes, "unparseable message", false);
    }
    if (message == null) {
      return null; // CRLF keep-alive
    }
    Optional<String> fatal = unanswerable(message);
    if (fatal.isPresent()) {
      throw refuse(channel, bytes, fatal.get());
    }
    if (HeaderScan.plain(bytes)) {
      return accepted(channel, message, errors);
    }
    RawHeaders raw = RawHeaders.of(bytes);
    Optional<String> repeated = raw.repeatedSingleHeader();
    if (repeated.isPresent()) {
      String reason = "more than one " + DISPLAY.get(repeated.get()) + " header";
      boolean framing = channel.isReliable() && repeated.get().equals("content-length");
      if (message instanceof SIPResponse) {
        throw refuse(channel, bytes, reason);
      }
      if (framing) {
        message.setContentLength(
            new ContentLength(0)); // its body is not read: the connection closes
        framingLost = true;
      }
      return defective(channel, message, new Defect(Response.BAD_REQUEST, reason, framing));
    }
    if (!"SIP/2.0".equalsIgnoreCase(raw.version())) {
      String reason = "SIP version " + printable(raw.version()) + " not supported";
      if (message instanceof SIPResponse) {
        throw refuse(channel, bytes, reason);
      }
      return defective(channel, message, new Defect(Response.VERSION_NOT_SUPPORTED, reason, false));
    }
    return accepted(channel, message, errors);
  }

  /** A message without defects, on its way to the stack. */
  private static SIPMessage accepted(
      MessageChannel channel, SIPMessage message, HeaderErrors errors) throws ParseException {
    if (!errors.ignored.isEmpty() && log.isDebugEnabled()) {
      log.debug(
          "from {}: ignored unparsable header(s) {}", channel.getPeerAddress(), errors.ignored);
    }
    if (message instanceof SIPRequest request) {
      answerOverArrivalTransport(request, channel);
    }
    return message;
  }

  /**
   * Notes when the headers of a message with a body arrived over a stream (see {@link Screening}).
   */
  private static SIPMessage noteArrival(
      MessageChannel channel, SIPMessage message, boolean readBody) {
    ContentLength length = (ContentLength) message.getContentLength();
    if (channel.isReliable() && !readBody && length != null && length.getContentLength() > 0) {
      Screening.attachArrival(message, System.nanoTime());
    }
    return message;
  }

  /** Why a parsed message cannot even be answered: headers missing, or CSeq not matching. */
  private static Optional<String> unanswerable(SIPMessage m) {
    List<String> missing = new ArrayList<>();
    if (m.getViaHeaders() == null || m.getViaHeaders().isEmpty()) {
      missing.add("Via");
    }
    if (m.getFrom() == null) {
      missing.add("From");
    }
    if (m.getTo() == null) {
      missing.add("To");
    }
    if (m.getCallId() == null) {
      missing.add("Call-ID");
    }
    if (m.getCSeq() == null) {
      missing.add("CSeq");
    }
    if (!missing.isEmpty()) {
      return Optional.of("no " + String.join(", ", missing) + " header");
    }
    if (m instanceof SIPRequest r && !r.getMethod().equalsIgnoreCase(r.getCSeq().getMethod())) {
      return Optional.of("CSeq method differs from the request method");
    }
    return Optional.empty();
  }

  /**
   * A message that did not parse. Over TCP, a request whose only broken header is its
   * Content-Length is parsed again without it, to be answered before the connection closes.
   */
  private SIPMessage unparsable(
      MessageChannel channel, byte[] bytes, String reason, boolean contentLength)
      throws ParseException {
    RawHeaders raw = RawHeaders.of(bytes);
    if (channel.isReliable() && !raw.isResponse() && contentLength) {
      framingLost = true;
      try {
        SIPMessage again =
            delegate.parseSIPMessage(
                raw.without("content-length"), false, false, new HeaderErrors());
        if (again instanceof SIPRequest && unanswerable(again).isEmpty()) {
          return defective(channel, again, new Defect(Response.BAD_REQUEST, reason, true));
        }
      } catch (ParseException | RuntimeException e) {
        // Then it cannot be answered: refused below.
      }
    }
    throw refuse(channel, bytes, reason);
  }

  private SIPMessage defective(MessageChannel channel, SIPMessage message, Defect defect)
      throws ParseException {
    Screening.attach(message, defect);
    answerOverArrivalTransport((SIPRequest) message, channel);
    return message;
  }

  private ParseException refuse(MessageChannel channel, byte[] bytes, String reason) {
    String transport = channel.getTransport();
    if (channel.isReliable()) {
      framingLost = true;
      StatelessResponses.closeSoon(channel);
      badInput.malformed(
          transport,
          channel.getPeerAddress() + ":" + channel.getPeerPort(),
          reason,
          "connection closed");
    } else {
      // UDPMessageChannel answers 400 itself, to the datagram's source; its port is not known here.
      badInput.malformed(
          transport,
          channel.getPeerAddress(),
          reason,
          stackAnswers(bytes) ? "answered 400" : "dropped");
    }
    return new ParseException(reason, 0);
  }

  /**
   * RFC 3261 section 18.2.2 sends a response over the transport of the top Via; a request that came
   * over UDP naming TCP (or over TCP naming UDP) is answered over the one it used instead. Done
   * here because JAIN-SIP's channels take the transport from the Via right after parsing.
   */
  private static void answerOverArrivalTransport(SIPRequest request, MessageChannel channel)
      throws ParseException {
    Via top = request.getTopmostVia();
    if (!channel.getTransport().equalsIgnoreCase(top.getTransport())) {
      log.debug(
          "{} from {} came over {} with a {} Via",
          request.getMethod(),
          channel.getPeerAddress(),
          channel.getTransport(),
          top.getTransport());
      top.setTransport(channel.getTransport());
    }
  }

  /** Mirrors when JAIN-SIP's UDP channel manages to build its automatic 400. */
  private static boolean stackAnswers(byte[] bytes) {
    RawHeaders raw = RawHeaders.of(bytes);
    if (raw.isResponse() || raw.startLine().startsWith("ACK ")) {
      return false;
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    return List.of("Via", "CSeq", "Call-ID", "From", "To").stream().allMatch(text::contains);
  }

  private static String describe(ParseException e) {
    String m = String.valueOf(e.getMessage());
    if (m.startsWith("Invalid content length")) {
      return "Content-Length larger than the body";
    }
    return "unparseable message";
  }

  /** Keeps what peers wrote harmless in a reason phrase and a log line: printable ASCII, short. */
  static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < 40; i++) {
      char c = s.charAt(i);
      b.append(c >= 0x21 && c < 0x7f ? c : '?');
    }
    return b.toString();
  }

  /**
   * Stands in for the channel's parse-exception handling (which logs stack traces, and over TCP
   * closes the socket without an answer): an essential header that does not parse is fatal, any
   * other is set aside as unparsed, as JAIN-SIP does.
   */
  private static final class HeaderErrors implements ParseExceptionListener {
    /** The essential header (or start line) that did not parse; null for other failures. */
    Class<?> failed;

    final List<String> ignored = new ArrayList<>();

    @Override
    @SuppressWarnings("rawtypes")
    public void handleException(
        ParseException ex, SIPMessage message, Class headerClass, String header, String text)
        throws ParseException {
      if (headerClass != null && ESSENTIAL.containsKey(headerClass)) {
        failed = headerClass;
        throw ex;
      }
      if (message == null) {
        throw ex;
      }
      message.addUnparsed(header);
      ignored.add(printable(header.strip()));
    }
  }
}
