package org.hotline.sip.guard;

import gov.nist.javax.sip.header.RetryAfter;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.net.InetAddress;
import java.net.UnknownHostException;
import javax.sip.InvalidArgumentException;
import javax.sip.SipStack;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.sip.stack.SipServer;
import org.hotline.sip.stack.StatelessResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admission step in front of the transaction layer: the first thing every parsed request meets,
 * and cheap, so that refusing work costs far less than doing it.
 *
 * <ul>
 *   <li>A request from a banned source is dropped (over UDP the intake already dropped it unread);
 *       one with a scanner's User-Agent is dropped and its source banned.
 *   <li>Requests of a dialog the stack holds, a CANCEL of a live INVITE, an ACK of a dialog or
 *       transaction, and retransmissions of a request whose transaction exists or whose stateless
 *       answer is kept ({@link SipServer#answeredStatelessly}) pass: they belong to work already
 *       taken, and calls up must keep their signalling. The same methods matching nothing (a To tag
 *       of no dialog, a CANCEL of no INVITE) are met as new requests, so a flood of them cannot
 *       pile up transactions past every limit; a stray ACK refused is dropped, as an ACK is never
 *       answered.
 *   <li>A new request beyond its source's rate, beyond the caps on calls, or while the server is
 *       overloaded (the UDP intake more than half full, or the server transactions at their limit)
 *       is answered {@code 503 Service Unavailable} with {@code Retry-After} (RFC 3261 section
 *       21.5.4), statelessly: no transaction is made for it. A request with credentials (the second
 *       step of a digest exchange) is not refused for a deep intake: it finishes work the server
 *       has begun.
 * </ul>
 */
public final class Admission implements SIPMessageValve {
  private static final Logger log = LoggerFactory.getLogger(Admission.class);

  private final SipGuard guard;
  private final SipServer sip;
  private final int retryAfterSeconds;
  private volatile SIPTransactionStack stack;

  public Admission(SipGuard guard, SipServer sip) {
    this.guard = guard;
    this.sip = sip;
    this.retryAfterSeconds = (int) Math.max(1, guard.settings().retryAfter().toSeconds());
  }

  @Override
  public void init(SipStack stack) {
    this.stack = (SIPTransactionStack) stack;
  }

  @Override
  public boolean processRequest(SIPRequest request, MessageChannel channel) {
    InetAddress source = source(request, channel);
    if (source == null) {
      return true;
    }
    if (guard.banned(source)) {
      guard.dropped(org.hotline.sip.stack.IntakeGate.DropReason.BANNED);
      return false;
    }
    String method = request.getMethod();
    if (inTransaction(request) || inDialog(request) || cancelsInvite(request)) {
      return true;
    }
    // An ACK, CANCEL or To-tagged request that matches nothing starts no call: it is counted as
    // "other", not against the call caps, and otherwise met as any new request is.
    boolean stray =
        Request.ACK.equals(method) || Request.CANCEL.equals(method) || request.getToTag() != null;
    SipGuard.Verdict verdict =
        guard.admit(
            source, stray ? RequestClass.OTHER : RequestClass.of(method), userAgent(request));
    if (verdict == SipGuard.Verdict.ADMIT) {
      String overload = overload(answersChallenge(request));
      if (overload == null) {
        return true;
      }
      verdict = guard.overloaded(overload);
    }
    if (verdict == SipGuard.Verdict.REFUSE && !Request.ACK.equals(method)) {
      refuse(request, channel); // an ACK is never answered
    }
    return false;
  }

  /**
   * Whether the request belongs to a dialog the stack holds (a call up, its BYE, re-INVITE, INFO).
   */
  private boolean inDialog(SIPRequest request) {
    SIPTransactionStack s = stack;
    try {
      return s != null
          && request.getToTag() != null
          && s.getDialog(request.getDialogId(true)) != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Whether the request is a CANCEL of an INVITE whose transaction is alive. */
  private boolean cancelsInvite(SIPRequest request) {
    SIPTransactionStack s = stack;
    try {
      return s != null
          && Request.CANCEL.equals(request.getMethod())
          && s.findCancelTransaction(request, true) != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Why the server takes no new work now, or null when it does. A request that answers our own
   * challenge finishes work begun (a registration half done) rather than starting new work: while
   * the intake is deep it still passes, so that under a storm registrations complete instead of
   * every second step being refused after its first was answered.
   */
  private String overload(boolean finishesWork) {
    if (!finishesWork && sip.intakeDepth() * 2 > sip.intakeCapacity()) {
      return "overload-intake";
    }
    if (sip.serverTransactions() >= guard.settings().maxTransactions()) {
      return "overload-transactions";
    }
    return null;
  }

  /** Whether the request carries credentials, as the second REGISTER of a digest exchange does. */
  private static boolean answersChallenge(SIPRequest request) {
    return request.getHeader(AuthorizationHeader.NAME) != null;
  }

  private boolean inTransaction(SIPRequest request) {
    SIPTransactionStack s = stack;
    try {
      return sip.answeredStatelessly(request)
          || s != null && s.findTransaction(request.getTransactionId(), true) != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void refuse(SIPRequest request, MessageChannel channel) {
    SIPResponse busy = request.createResponse(Response.SERVICE_UNAVAILABLE);
    try {
      RetryAfter retry = new RetryAfter();
      retry.setRetryAfter(retryAfterSeconds);
      busy.setHeader(retry);
    } catch (InvalidArgumentException e) {
      throw new IllegalStateException(e);
    }
    StatelessResponses.send(request, busy, channel);
    log.debug("{} from {} refused: 503", request.getMethod(), channel.getPeerAddress());
  }

  @Override
  public boolean processResponse(Response response, MessageChannel channel) {
    return true;
  }

  @Override
  public void destroy() {}

  private static String userAgent(SIPRequest request) {
    UserAgentHeader ua = (UserAgentHeader) request.getHeader(UserAgentHeader.NAME);
    if (ua == null) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    for (var it = ua.getProduct(); it.hasNext(); ) {
      s.append(it.next()).append(' ');
    }
    return s.toString();
  }

  private static InetAddress source(SIPRequest request, MessageChannel channel) {
    if (request.getPeerPacketSourceAddress() != null) {
      return request.getPeerPacketSourceAddress();
    }
    try {
      return InetAddress.getByName(channel.getPeerAddress());
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
