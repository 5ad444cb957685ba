package org.hotline.sip.stack;

import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionUnavailableException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small helpers for server transactions and responses. */
public final class Transactions {
  private static final Logger log = LoggerFactory.getLogger(Transactions.class);

  private Transactions() {}

  /**
   * The event's server transaction, created if the stack made none. Empty for a retransmission
   * whose transaction exists already (the stack answers those itself) or an ACK.
   */
  public static Optional<ServerTransaction> serverTransaction(SipServer sip, RequestEvent event) {
    ServerTransaction tx = event.getServerTransaction();
    if (tx != null) {
      return Optional.of(tx);
    }
    try {
      return Optional.of(sip.provider().getNewServerTransaction(event.getRequest()));
    } catch (TransactionAlreadyExistsException e) {
      return Optional.empty();
    } catch (TransactionUnavailableException e) {
      log.debug("no server transaction for {}: {}", event.getRequest().getMethod(), e.getMessage());
      return Optional.empty();
    }
  }

  /** Sends a response on a transaction. */
  public static void respond(ServerTransaction tx, Response response)
      throws SipException, InvalidArgumentException {
    tx.sendResponse(response);
  }

  /** Sends a bare response with {@code status}, logging instead of throwing. */
  public static void respondQuietly(
      SipServer sip, ServerTransaction tx, Request request, int status) {
    try {
      tx.sendResponse(sip.messages().createResponse(status, request));
    } catch (Exception e) {
      log.debug("could not send {} to {}: {}", status, request.getMethod(), e.toString());
    }
  }

  /** Answers a request statelessly (no transaction), logging instead of throwing. */
  public static void respondStateless(SipServer sip, Request request, int status) {
    try {
      sip.provider().sendResponse(sip.messages().createResponse(status, request));
    } catch (Exception e) {
      log.debug("could not send {} to {}: {}", status, request.getMethod(), e.toString());
    }
  }
}
