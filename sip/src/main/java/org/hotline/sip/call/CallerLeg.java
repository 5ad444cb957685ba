package org.hotline.sip.call;

import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.ServerTransaction;
import javax.sip.TransactionState;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.sip.media.MediaEndpoint;
import org.hotline.sip.sdp.Negotiated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller's side of an inbound call: the INVITE's server transaction, the dialog our 200 OK
 * makes, the caller's media, and the BYE that ends it (held back until the caller's ACK when the
 * call ends before it). Runs on the call's executor.
 */
final class CallerLeg {
  private static final Logger log = LoggerFactory.getLogger(CallerLeg.class);

  private final SipMessages messages;
  private final ServerTransaction inviteTx;
  private final Request invite;
  private final String transport;
  private MediaEndpoint media;
  private Dialog dialog;
  private boolean byeWhenAcked;

  /**
   * @param transport the INVITE's transport ({@code udp}, {@code tcp}): our answers go back on it
   */
  CallerLeg(SipMessages messages, ServerTransaction inviteTx, String transport) {
    this.messages = messages;
    this.inviteTx = inviteTx;
    this.invite = inviteTx.getRequest();
    this.transport = transport;
  }

  /** The caller's media endpoint; null until {@link #answer} took one. */
  MediaEndpoint media() {
    return media;
  }

  /**
   * Connects {@code endpoint} to the caller and answers the INVITE with {@code answerSdp}; the
   * dialog it makes names {@code owner}, so in-dialog requests find the call.
   *
   * @throws Exception when the 200 OK could not go out (the endpoint is still the leg's to close)
   */
  void answer(Negotiated offer, MediaEndpoint endpoint, String answerSdp, Object owner)
      throws Exception {
    media = endpoint;
    endpoint.connect(offer.remote(), offer.codec(), offer.telephoneEventPt());
    Response ok = messages.sip().messages().createResponse(Response.OK, invite);
    messages.withSdp(ok, answerSdp, transport);
    inviteTx.sendResponse(ok);
    dialog = inviteTx.getDialog();
    dialog.setApplicationData(owner);
  }

  /** Whether our 200 OK went out. */
  boolean isAnswered() {
    return dialog != null;
  }

  /**
   * CANCEL of the INVITE: 487 when it was not answered yet.
   *
   * @return whether the CANCEL ended the call (it came before our 200 OK)
   */
  boolean cancelled() {
    if (dialog != null) {
      return false;
    }
    respond(inviteTx, invite, Response.REQUEST_TERMINATED);
    return true;
  }

  /** The caller's ACK: a BYE held back for it goes now. */
  void acked() {
    if (byeWhenAcked) {
      byeWhenAcked = false;
      hangUp();
    }
  }

  /**
   * Ends the caller's side: BYE once the dialog is confirmed (or once the ACK comes), or 503 to the
   * INVITE when it was not answered yet.
   */
  void hangUp() {
    if (dialog == null) {
      if (inviteTx.getState() != null
          && inviteTx.getState().getValue() < TransactionState._COMPLETED) {
        respond(inviteTx, invite, Response.SERVICE_UNAVAILABLE);
      }
      return;
    }
    if (dialog.getState() == DialogState.CONFIRMED) {
      try {
        messages.bye(dialog);
      } catch (Exception e) {
        log.debug("BYE to caller failed: {}", e.toString());
      }
    } else if (dialog.getState() != DialogState.TERMINATED) {
      byeWhenAcked = true;
    }
  }

  /** Closes the caller's media, when the leg had any. */
  void closeMedia() {
    if (media != null) {
      media.close();
    }
  }

  /** 200 OK with {@code sdp} to a re-INVITE in either leg's dialog. */
  void answerReinvite(ServerTransaction tx, Request reinvite, String sdp) {
    try {
      Response ok = messages.sip().messages().createResponse(Response.OK, reinvite);
      messages.withSdp(ok, sdp, transport);
      tx.sendResponse(ok);
    } catch (Exception e) {
      log.debug("could not answer the re-INVITE: {}", e.toString());
    }
  }

  /** Answers {@code request} with {@code status}; a failure to send is only logged. */
  void respond(ServerTransaction tx, Request request, int status) {
    if (tx == null) {
      return;
    }
    try {
      tx.sendResponse(messages.sip().messages().createResponse(status, request));
    } catch (Exception e) {
      log.debug("could not send {}: {}", status, e.toString());
    }
  }
}
