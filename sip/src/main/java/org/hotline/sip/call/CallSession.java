package org.hotline.sip.call;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.core.acd.Offer;
import org.hotline.core.acd.OfferResult;
import org.hotline.core.acd.QueuedCall;
import org.hotline.core.call.Call;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.event.CallEvent;
import org.hotline.core.flow.ActiveCall;
import org.hotline.core.flow.CallFlow;
import org.hotline.core.media.MediaSession;
import org.hotline.core.media.Prompt;
import org.hotline.sip.media.MediaEndpoint;
import org.hotline.sip.sdp.Negotiated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound call as a B2BUA: the caller's dialog, the IVR flow, the wait in the queue, the
 * agent's dialog and the bridge between their media. Every change runs on the call's
 * {@link SerialExecutor}; the flow runs on its own virtual thread and reaches the session only
 * through {@link ActiveCall}.
 */
final class CallSession implements ActiveCall {
  private static final Logger log = LoggerFactory.getLogger(CallSession.class);

  enum State { ANSWERING, IVR, QUEUED, OFFERING, CONNECTED, ENDING, FINISHED }

  private final CallServices services;
  private final Call call;
  private final SerialExecutor exec;
  private final ServerTransaction inviteTx;
  private final Request invite;
  private final CallFlow flow;
  private final String transport;
  private final Consumer<CallSession> onFinished;
  private final CompletableFuture<Boolean> connected = new CompletableFuture<>();

  private volatile State state = State.ANSWERING;
  private Dialog callerDialog;
  private MediaEndpoint callerMedia;
  private String language = "en";
  private Thread flowThread;
  private AgentLeg agentLeg;
  private boolean byeWhenAcked;
  private java.util.concurrent.ScheduledFuture<?> mediaWatch;

  CallSession(
      CallServices services,
      Call call,
      ServerTransaction inviteTx,
      CallFlow flow,
      String transport,
      Consumer<CallSession> onFinished) {
    this.services = services;
    this.call = call;
    this.exec = new SerialExecutor(services.pool(), call.id());
    this.inviteTx = inviteTx;
    this.invite = inviteTx.getRequest();
    this.flow = flow;
    this.transport = transport;
    this.onFinished = onFinished;
  }

  SerialExecutor executor() {
    return exec;
  }

  State state() {
    return state;
  }

  Call call() {
    return call;
  }

  /** Answers the INVITE with our SDP and starts the flow. */
  void answer(Negotiated offer, MediaEndpoint media, String answerSdp, String language) {
    exec.execute(() -> {
      this.callerMedia = media;
      this.language = language;
      try {
        media.connect(offer.remote(), offer.codec(), offer.telephoneEventPt());
        Response ok = services.messages().sip().messages().createResponse(Response.OK, invite);
        services.messages().withSdp(ok, answerSdp, transport);
        inviteTx.sendResponse(ok);
        callerDialog = inviteTx.getDialog();
        callerDialog.setApplicationData(this);
        call.answered(services.clock().instant());
        services.metrics().setup.record(java.time.Duration.between(call.arrivedAt(), call.answeredAt()));
      } catch (Exception e) {
        log.warn("could not answer: {}", e.toString());
        end(CallOutcome.FAILED, "answer-failed", false);
        return;
      }
      state = State.IVR;
      watchCallerMedia();
      flowThread = Thread.ofVirtual().name("flow-" + call.id()).start(this::runFlow);
    });
  }

  /**
   * Dead-peer detection: a caller who vanished without BYE (crashed phone, lost network) sends
   * no more RTP; after the configured time without a packet the call ends and its CDR is
   * written, instead of holding a port, a queue place or an agent forever.
   */
  private void watchCallerMedia() {
    long period = services.rtpTimeout().toMillis();
    if (period <= 0) {
      return;
    }
    long[] lastCount = {-1};
    mediaWatch =
        services.timers().scheduleAtFixedRate(
            () -> exec.execute(() -> {
              long now = callerMedia.packetsReceived();
              if (now == lastCount[0] && isActive()) {
                log.info("no RTP from the caller for {}: ending the call", services.rtpTimeout());
                end(outcomeIfCallerLeaves(), "rtp-timeout", false);
              }
              lastCount[0] = now;
            }),
            period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  private void runFlow() {
    org.slf4j.MDC.put("callId", call.id());
    try {
      flow.run(this);
      exec.execute(() -> {
        if (state == State.IVR) {
          end(CallOutcome.IVR_HANGUP, "flow-end", false);
        }
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("flow {} failed", flow.name(), e);
      exec.execute(() -> end(CallOutcome.FAILED, "flow-error", false));
    } finally {
      org.slf4j.MDC.remove("callId");
    }
  }

  // ---- ActiveCall (called from the flow's thread) ----

  @Override
  public String id() {
    return call.id();
  }

  @Override
  public String callerNumber() {
    return call.callerNumber();
  }

  @Override
  public String dialedNumber() {
    return call.dialedNumber();
  }

  @Override
  public MediaSession media() {
    return callerMedia;
  }

  @Override
  public void chose(String choice) {
    exec.execute(() -> call.chose(choice));
  }

  @Override
  public CompletableFuture<Boolean> enqueue(String queue, int priority, Optional<Prompt> announcement) {
    exec.execute(() -> {
      if (state != State.IVR) {
        connected.complete(false);
        return;
      }
      state = State.QUEUED;
      call.queued(queue, services.clock().instant());
      if (announcement.isPresent()) {
        callerMedia.play(announcement.get(), false).whenComplete((ok, err) -> exec.execute(this::holdMusicIfWaiting));
      } else {
        holdMusicIfWaiting();
      }
      services.bus().publish(new CallEvent.Queued(call.id(), queue, priority, call.queuedAt()));
      services.acd().enqueue(new QueuedCall(call.id(), queue, priority, call.callerNumber()));
    });
    return connected;
  }

  @Override
  public void hangup(String cause) {
    exec.execute(() -> end(CallOutcome.IVR_HANGUP, cause, false));
  }

  @Override
  public boolean isActive() {
    State s = state;
    return s != State.ENDING && s != State.FINISHED;
  }

  // ---- routing ----

  /** The ACD offers this call to an agent: ring their phone. */
  CompletableFuture<OfferResult> offer(Offer offer) {
    CompletableFuture<OfferResult> result = new CompletableFuture<>();
    exec.execute(() -> {
      if (state != State.QUEUED) {
        result.complete(OfferResult.CALL_GONE);
        return;
      }
      var binding = services.locations().newest(offer.agent().sipUser());
      if (binding.isEmpty()) {
        result.complete(OfferResult.NOT_ANSWERED);
        return;
      }
      state = State.OFFERING;
      call.offered(offer.agent().id(), services.clock().instant());
      agentLeg = new AgentLeg(services, this, offer.agent(), binding.get(), result);
      services.bus().publish(
          new CallEvent.Offered(call.id(), offer.agent().id(), offer.call().queue(), call.callerNumber(), call.offeredAt()));
      agentLeg.dial(call.callerNumber(), call.callerName(), callerMedia);
    });
    return result;
  }

  /** The agent leg ended without an answer: back to waiting (the ACD re-offers). */
  void agentLegFailed(AgentLeg leg) {
    if (leg == agentLeg && state == State.OFFERING) {
      agentLeg = null;
      state = State.QUEUED;
    }
  }

  /** Music on hold, unless an agent answered meanwhile or the call ended. */
  private void holdMusicIfWaiting() {
    if (state == State.QUEUED || state == State.OFFERING) {
      callerMedia.loop(new Prompt(language, "moh"));
    }
  }

  /** The agent answered: bridge the two legs. */
  void agentAnswered(AgentLeg leg) {
    if (leg != agentLeg || state != State.OFFERING) {
      leg.hangup();
      return;
    }
    state = State.CONNECTED;
    call.connected(leg.agent().id(), services.clock().instant());
    callerMedia.bridge(leg.media());
    connected.complete(true);
    services.bus().publish(new CallEvent.Connected(call.id(), leg.agent().id(), call.connectedAt()));
  }

  // ---- requests in the caller's or agent's dialog ----

  void onAck() {
    exec.execute(() -> {
      if (byeWhenAcked) {
        byeWhenAcked = false;
        sendCallerBye();
      }
    });
  }

  /** A key the caller sent by SIP INFO: into the IVR's type-ahead, as an RFC 4733 event would. */
  void onInfoDigit(char key) {
    exec.execute(() -> {
      if (callerMedia != null && isActive()) {
        callerMedia.receiveDigit(key);
      }
    });
  }

  void onCallerBye(RequestEvent event, ServerTransaction tx) {
    exec.execute(() -> {
      respond(tx, event.getRequest(), Response.OK);
      callerGone("caller-bye");
    });
  }

  /** CANCEL of the initial INVITE (before our 200 OK went out). */
  void onCallerCancel() {
    exec.execute(() -> {
      if (callerDialog == null) {
        respond(inviteTx, invite, Response.REQUEST_TERMINATED);
        callerGone("caller-cancel");
      }
    });
  }

  void onAgentBye(AgentLeg leg, RequestEvent event, ServerTransaction tx) {
    exec.execute(() -> {
      respond(tx, event.getRequest(), Response.OK);
      leg.byeReceived();
      if (leg == agentLeg && state == State.CONNECTED) {
        end(CallOutcome.ANSWERED, "agent-bye", false);
      }
    });
  }

  /** The caller's dialog timed out (no ACK) or its transport failed. */
  void onCallerLost(String cause) {
    exec.execute(() -> end(outcomeIfCallerLeaves(), cause, true));
  }

  private void callerGone(String cause) {
    end(outcomeIfCallerLeaves(), cause, true);
  }

  private CallOutcome outcomeIfCallerLeaves() {
    return switch (state) {
      case CONNECTED -> CallOutcome.ANSWERED;
      case QUEUED, OFFERING -> CallOutcome.ABANDONED;
      default -> CallOutcome.IVR_HANGUP;
    };
  }

  /** Ends the call from the server side (shutdown). */
  void terminate(String cause) {
    exec.execute(() -> end(state == State.CONNECTED ? CallOutcome.ANSWERED : CallOutcome.FAILED, cause, false));
  }

  /**
   * Ends both legs, releases media, tells the ACD, and records the CDR; the session is finished
   * once the CDR is committed.
   *
   * @param callerLeft the caller's side is already gone (no BYE to send them)
   */
  private void end(CallOutcome outcome, String cause, boolean callerLeft) {
    if (state == State.ENDING || state == State.FINISHED) {
      return;
    }
    State was = state;
    state = State.ENDING;
    call.ended(services.clock().instant(), outcome, cause);
    log.info("call ended: {} ({}) after {}", outcome.code(), cause, was);
    if (!callerLeft) {
      sendCallerBye();
    }
    if (agentLeg != null) {
      agentLeg.hangup();
      if (was == State.CONNECTED) {
        services.acd().agentCallEnded(agentLeg.agent().id());
      }
    }
    if (was == State.QUEUED) {
      services.acd().abandon(call.id());
    }
    if (flowThread != null) {
      flowThread.interrupt();
    }
    connected.complete(false);
    if (mediaWatch != null) {
      mediaWatch.cancel(false);
    }
    if (callerMedia != null) {
      callerMedia.close();
    }
    services.metrics().ended(outcome);
    Cdr cdr = Cdr.of(call);
    services.recorder().record(cdr).whenComplete((ok, err) -> exec.execute(() -> finished(cdr, err)));
  }

  private void finished(Cdr cdr, Throwable err) {
    if (err != null) {
      services.metrics().cdrFailures.increment();
      log.error("CDR NOT STORED, kept in this log line: {}", cdr, err);
    }
    state = State.FINISHED;
    services.bus().publish(new CallEvent.Finished(call.id(), cdr, services.clock().instant()));
    onFinished.accept(this);
  }

  private void sendCallerBye() {
    if (callerDialog == null) {
      // Not answered yet: refuse the INVITE instead.
      if (inviteTx.getState() != null && inviteTx.getState().getValue() < javax.sip.TransactionState._COMPLETED) {
        respond(inviteTx, invite, Response.SERVICE_UNAVAILABLE);
      }
      return;
    }
    if (callerDialog.getState() == DialogState.CONFIRMED) {
      try {
        services.messages().bye(callerDialog);
      } catch (Exception e) {
        log.debug("BYE to caller failed: {}", e.toString());
      }
    } else if (callerDialog.getState() != DialogState.TERMINATED) {
      byeWhenAcked = true;
    }
  }

  private void respond(ServerTransaction tx, Request request, int status) {
    if (tx == null) {
      return;
    }
    try {
      tx.sendResponse(services.messages().sip().messages().createResponse(status, request));
    } catch (Exception e) {
      log.debug("could not send {}: {}", status, e.toString());
    }
  }
}
