package org.hotline.sip.call;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TimeoutEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.sip.stack.SipServer;
import org.hotline.sip.stack.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call layer's SIP entry: what the dispatcher hands over from the stack's threads. A new INVITE
 * goes to the {@link InviteIntake} on the pool; a request in one of our dialogs goes to the call
 * (or agent leg) the dialog names, a response or timeout to the agent leg its transaction names;
 * each hands over to that call's executor at once.
 */
public final class CallRouter {
  private static final Logger log = LoggerFactory.getLogger(CallRouter.class);

  private final SipServer sip;
  private final CallRegistry calls;
  private final CallMetrics metrics;
  private final InviteIntake intake;
  private final Executor pool;

  CallRouter(
      SipServer sip, CallRegistry calls, CallMetrics metrics, InviteIntake intake, Executor pool) {
    this.sip = sip;
    this.calls = calls;
    this.metrics = metrics;
    this.intake = intake;
    this.pool = pool;
  }

  /** A new INVITE (or a re-INVITE in a dialog of ours). */
  public void onInvite(RequestEvent event) {
    Optional<ServerTransaction> tx = Transactions.serverTransaction(sip, event);
    if (tx.isEmpty()) {
      return;
    }
    Object leg = event.getDialog() == null ? null : event.getDialog().getApplicationData();
    if (leg != null) {
      metrics.reinvites.increment();
      byte[] raw = event.getRequest().getRawContent();
      String offer = raw == null ? "" : new String(raw, StandardCharsets.US_ASCII);
      if (leg instanceof CallSession s) {
        s.onReinvite(false, event, tx.get(), offer);
      } else if (leg instanceof AgentLeg a) {
        a.owner().executor().execute(() -> a.owner().legReinvite(a, event, tx.get(), offer));
      } else {
        Transactions.respondQuietly(
            sip, tx.get(), event.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
      }
      return;
    }
    metrics.invites.increment();
    Transactions.respondQuietly(sip, tx.get(), event.getRequest(), Response.TRYING);
    pool.execute(() -> intake.newCall(tx.get(), event.getRequest()));
  }

  /** CANCEL of a pending INVITE: 200 to the CANCEL, then 487 to the INVITE. */
  public void onCancel(RequestEvent event) {
    Optional<ServerTransaction> tx = Transactions.serverTransaction(sip, event);
    tx.ifPresent(t -> Transactions.respondQuietly(sip, t, event.getRequest(), Response.OK));
    String callId = ((CallIdHeader) event.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
    calls.bySipCallId(callId).ifPresent(s -> s.ending().onCallerCancel());
  }

  public void onAck(RequestEvent event) {
    if (event.getDialog() != null
        && event.getDialog().getApplicationData() instanceof CallSession s) {
      s.onAck();
    }
  }

  public void onBye(RequestEvent event) {
    Optional<ServerTransaction> tx = Transactions.serverTransaction(sip, event);
    if (tx.isEmpty()) {
      return;
    }
    Object leg = event.getDialog() == null ? null : event.getDialog().getApplicationData();
    if (leg instanceof CallSession s) {
      s.ending().onCallerBye(event, tx.get());
    } else if (leg instanceof AgentLeg a) {
      a.owner().executor().execute(() -> a.owner().legBye(a, event, tx.get()));
    } else {
      Transactions.respondQuietly(
          sip, tx.get(), event.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }
  }

  /**
   * INFO in a call: a key press ({@code application/dtmf-relay}, {@code application/dtmf}) goes to
   * the caller's IVR like an RFC 4733 event; other INFO is acknowledged and ignored (legacy INFO
   * without an Info-Package, RFC 6086 section 9). Outside a dialog: 481.
   */
  public void onInfo(RequestEvent event) {
    Optional<ServerTransaction> tx = Transactions.serverTransaction(sip, event);
    if (tx.isEmpty()) {
      return;
    }
    Request info = event.getRequest();
    Object leg = event.getDialog() == null ? null : event.getDialog().getApplicationData();
    if (leg == null) {
      Transactions.respondQuietly(sip, tx.get(), info, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
      return;
    }
    ContentTypeHeader type = (ContentTypeHeader) info.getHeader(ContentTypeHeader.NAME);
    if (type != null && InfoDtmf.isDtmf(type.getContentType(), type.getContentSubType())) {
      byte[] raw = info.getRawContent();
      Optional<Character> key =
          InfoDtmf.parse(
              type.getContentSubType(),
              raw == null ? "" : new String(raw, StandardCharsets.US_ASCII));
      if (key.isEmpty()) {
        log.info("INFO from {} with a DTMF body naming no key: 400", InviteIntake.source(info));
        Transactions.respondQuietly(sip, tx.get(), info, Response.BAD_REQUEST);
        return;
      }
      if (leg instanceof CallSession s) {
        s.onInfoDigit(key.get());
      }
    }
    Transactions.respondQuietly(sip, tx.get(), info, Response.OK);
  }

  /** A response to an INVITE of one of our agent legs. */
  public void onResponse(ResponseEvent event) {
    CSeqHeader cseq = (CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME);
    if (cseq == null || !Request.INVITE.equals(cseq.getMethod())) {
      return; // responses to our BYE and CANCEL need nothing more
    }
    AgentLeg leg = agentLeg(event.getClientTransaction(), event.getDialog());
    if (leg != null) {
      leg.owner().executor().execute(() -> leg.onResponse(event));
    }
  }

  public void onTimeout(TimeoutEvent event) {
    if (event.isServerTransaction()) {
      return;
    }
    AgentLeg leg = agentLeg(event.getClientTransaction(), null);
    if (leg != null
        && Request.INVITE.equals(event.getClientTransaction().getRequest().getMethod())) {
      leg.owner().executor().execute(leg::onTimeout);
    }
  }

  /** The caller's dialog ended under us (no ACK, transport failure). */
  public void onDialogTerminated(Dialog dialog) {
    if (dialog.getApplicationData() instanceof CallSession s && s.isActive()) {
      s.ending().onCallerLost("dialog-terminated");
    }
  }

  private static AgentLeg agentLeg(ClientTransaction ct, Dialog dialog) {
    if (ct != null && ct.getApplicationData() instanceof AgentLeg leg) {
      return leg;
    }
    if (dialog != null && dialog.getApplicationData() instanceof AgentLeg leg) {
      return leg;
    }
    return null;
  }
}
