package org.hotline.sip;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.Set;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.AcceptHeader;
import javax.sip.header.AllowHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.sip.call.CallRouter;
import org.hotline.sip.stack.SipServer;
import org.hotline.sip.stack.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP stack's listener: sends each request to the call layer by method and answers the rest
 * (OPTIONS 200, SIP methods it does not serve 405, unknown methods 501). REGISTER never reaches it:
 * the registrar answers it before the transaction layer ({@link SipServer#answerStatelessly}). Runs
 * on JAIN-SIP's threads, so every branch returns at once; real work is handed over.
 */
public final class SipDispatcher implements SipListener {
  private static final Logger log = LoggerFactory.getLogger(SipDispatcher.class);
  static final String ALLOWED = "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, REGISTER";

  /** Methods defined for SIP that Hotline does not serve: 405. Any other method is unknown: 501. */
  static final Set<String> KNOWN_NOT_SERVED =
      Set.of("SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "PRACK", "UPDATE", "PUBLISH");

  private final SipServer sip;
  private final CallRouter calls;
  private final Counter notAllowed;
  private final Counter notImplemented;
  private final Counter failures;

  public SipDispatcher(SipServer sip, CallRouter calls, MeterRegistry metrics) {
    this.sip = sip;
    this.calls = calls;
    this.notAllowed = metrics.counter("hotline.sip.requests.rejected", "status", "405");
    this.notImplemented = metrics.counter("hotline.sip.requests.rejected", "status", "501");
    this.failures = metrics.counter("hotline.sip.listener.errors");
  }

  @Override
  public void processRequest(RequestEvent event) {
    try {
      switch (event.getRequest().getMethod()) {
        case Request.INVITE -> calls.onInvite(event);
        case Request.ACK -> calls.onAck(event);
        case Request.BYE -> calls.onBye(event);
        case Request.CANCEL -> calls.onCancel(event);
        case Request.OPTIONS -> options(event);
        case Request.INFO -> calls.onInfo(event);
        default -> notAllowed(event);
      }
    } catch (RuntimeException e) {
      failures.increment();
      log.error("{} handling failed", event.getRequest().getMethod(), e);
      Transactions.respondStateless(sip, event.getRequest(), Response.SERVER_INTERNAL_ERROR);
    }
  }

  private void options(RequestEvent event) {
    Optional<ServerTransaction> tx = Transactions.serverTransaction(sip, event);
    if (tx.isEmpty()) {
      return;
    }
    try {
      Response ok = sip.messages().createResponse(Response.OK, event.getRequest());
      ok.addHeader(allow());
      AcceptHeader accept = sip.headers().createAcceptHeader("application", "sdp");
      ok.addHeader(accept);
      tx.get().sendResponse(ok);
    } catch (Exception e) {
      log.debug("OPTIONS answer failed: {}", e.toString());
    }
  }

  /**
   * RFC 3261 section 8.2.1: 405 to a method the UAS knows but does not serve; section 21.5.2: 501
   * to a method it does not know at all (RFC 4475 sections 3.1.1.2 and 3.1.1.5). Both list what is
   * allowed.
   */
  private void notAllowed(RequestEvent event) {
    boolean known = KNOWN_NOT_SERVED.contains(event.getRequest().getMethod());
    int status = known ? Response.METHOD_NOT_ALLOWED : Response.NOT_IMPLEMENTED;
    (known ? notAllowed : notImplemented).increment();
    Optional<ServerTransaction> tx = Transactions.serverTransaction(sip, event);
    if (tx.isEmpty()) {
      return;
    }
    try {
      Response r = sip.messages().createResponse(status, event.getRequest());
      r.addHeader(allow());
      tx.get().sendResponse(r);
    } catch (Exception e) {
      log.debug("{} failed: {}", status, e.toString());
    }
  }

  private AllowHeader allow() throws java.text.ParseException {
    return sip.headers().createAllowHeader(ALLOWED);
  }

  @Override
  public void processResponse(ResponseEvent event) {
    try {
      calls.onResponse(event);
    } catch (RuntimeException e) {
      failures.increment();
      log.error("response handling failed", e);
    }
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    calls.onTimeout(event);
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    log.debug(
        "SIP I/O error towards {}:{} ({})", event.getHost(), event.getPort(), event.getTransport());
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {}

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {
    calls.onDialogTerminated(event.getDialog());
  }
}
