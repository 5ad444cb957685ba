package org.hotline.sip.call;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.core.acd.Acd;
import org.hotline.core.acd.Offer;
import org.hotline.core.acd.OfferResult;
import org.hotline.core.acd.QueueExit;
import org.hotline.core.acd.QueuedCall;
import org.hotline.core.agent.Agent;
import org.hotline.core.call.Call;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.ControlResult;
import org.hotline.core.dial.DialSite;
import org.hotline.core.event.CallEvent;
import org.hotline.core.flow.ActiveCall;
import org.hotline.core.flow.CallFlow;
import org.hotline.core.flow.QueuePlace;
import org.hotline.core.flow.QueueWait;
import org.hotline.core.flow.TransferResult;
import org.hotline.core.flow.TransferTarget;
import org.hotline.core.media.MediaSession;
import org.hotline.core.media.Prompt;
import org.hotline.sip.media.MediaEndpoint;
import org.hotline.sip.sdp.Negotiated;
import org.hotline.sip.sdp.SdpException;
import org.hotline.sip.sdp.SdpNegotiator;
import org.hotline.sip.trunk.TrunkRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound call as a B2BUA: the caller's dialog, the IVR flow, the wait in the queue, the
 * agent's dialog and the bridge between their media. Every change runs on the call's
 * {@link SerialExecutor}; the flow runs on its own virtual thread and reaches the session only
 * through {@link ActiveCall}.
 */
final class CallSession implements ActiveCall, LegOwner {
  private static final Logger log = LoggerFactory.getLogger(CallSession.class);

  enum State { ANSWERING, IVR, QUEUED, OFFERING, TRANSFERRING, CONNECTED, ENDING, FINISHED }

  private final CallServices services;
  /** The SIP Call-ID of the caller's leg: the first part's id. */
  private final String sipCallId;
  /** The call's current part: a blind transfer from the desktop records one part and starts the next. */
  private volatile Call call;
  private int parts = 1;
  private final BiConsumer<String, CallSession> partStarted;
  private final SerialExecutor exec;
  private final ServerTransaction inviteTx;
  private final Request invite;
  private final CallFlow flow;
  private final String transport;
  private final Consumer<CallSession> onFinished;

  private volatile State state = State.ANSWERING;
  private Dialog callerDialog;
  private MediaEndpoint callerMedia;
  private volatile String language = "en";
  private Thread flowThread;
  /** The answered leg: the agent (or transfer target) the caller talks to. */
  private AgentLeg agentLeg;
  /** The id of the agent the caller talks to, for lookups from outside the executor. */
  private volatile String connectedAgent;
  /** Legs ringing for this call: one agent, several at once (ring-all), or a transfer. */
  private final List<AgentLeg> ringing = new ArrayList<>();
  private boolean byeWhenAcked;
  private ScheduledFuture<?> mediaWatch;
  /** The current wait in a queue; completes true when an agent answers. */
  private CompletableFuture<Boolean> connected = CompletableFuture.completedFuture(false);
  /** The flow's view of the current (or last) wait in a queue. */
  private Wait waiting;
  /** While a transfer rings: how it ends. */
  private CompletableFuture<TransferResult> transferResult;
  /** Whether each peer's SDP says it sends RTP (not {@code recvonly}/{@code inactive}). */
  private boolean callerSends = true;
  private boolean agentSends = true;
  /** Whether each party has put the other on hold (its SDP says it does not receive). */
  private boolean callerHolds;
  private boolean agentHolds;
  /** Whether the agent put the caller on hold from their desktop. */
  private boolean deskHolds;
  /** While a desktop transfer rings an agent: the agent and the queue to fall back to. */
  private Agent deskTransferTarget;
  private String deskTransferQueue;

  CallSession(
      CallServices services,
      Call call,
      ServerTransaction inviteTx,
      CallFlow flow,
      String transport,
      Consumer<CallSession> onFinished,
      BiConsumer<String, CallSession> partStarted) {
    this.services = services;
    this.call = call;
    this.sipCallId = call.id();
    this.partStarted = partStarted;
    this.exec = new SerialExecutor(services.pool(), call.id());
    this.inviteTx = inviteTx;
    this.invite = inviteTx.getRequest();
    this.flow = flow;
    this.transport = transport;
    this.onFinished = onFinished;
  }

  @Override
  public SerialExecutor executor() {
    return exec;
  }

  State state() {
    return state;
  }

  Call call() {
    return call;
  }

  /** The prompt language the caller chose. */
  String language() {
    return language;
  }

  /** The SIP Call-ID of the caller's leg, under which the session is known for its whole life. */
  String sipCallId() {
    return sipCallId;
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
        services.metrics().setup.record(Duration.between(call.arrivedAt(), call.answeredAt()));
      } catch (Exception e) {
        log.warn("could not answer: {}", e.toString());
        end(CallOutcome.FAILED, "answer-failed", false);
        return;
      }
      state = State.IVR;
      watchMedia();
      startFlow(flow);
    });
  }

  /**
   * Dead-peer detection on both legs: a phone that vanished without BYE (crashed, lost network)
   * sends no more RTP; after the configured time without a packet from the caller, or from the
   * agent once connected, the call ends and its CDR is written, instead of holding a port, a
   * queue place or an agent forever. A leg whose SDP says it sends nothing (held with {@code
   * inactive}) is not watched while it says so.
   */
  private void watchMedia() {
    long period = services.rtpTimeout().toMillis();
    if (period <= 0) {
      return;
    }
    long[] last = {-1, -1};
    mediaWatch =
        services.timers().scheduleAtFixedRate(
            () -> exec.execute(() -> {
              if (!isActive()) {
                return;
              }
              long caller = callerMedia.packetsReceived();
              if (callerSends && caller == last[0]) {
                log.info("no RTP from the caller for {}: ending the call", services.rtpTimeout());
                end(outcomeIfCallerLeaves(), "rtp-timeout", false);
                return;
              }
              last[0] = callerSends ? caller : -1;
              MediaEndpoint agentMedia = state == State.CONNECTED ? agentLeg.media() : null;
              long agent = agentMedia == null ? -1 : agentMedia.packetsReceived();
              if (agentMedia != null && agentSends && agent == last[1]) {
                log.info("no RTP from agent {} for {}: ending the call", agentLeg.agent().id(), services.rtpTimeout());
                end(CallOutcome.ANSWERED, "agent-rtp-timeout", false);
                return;
              }
              last[1] = agentSends ? agent : -1;
            }),
            period, period, TimeUnit.MILLISECONDS);
  }

  private void startFlow(CallFlow next) {
    flowThread = Thread.ofVirtual().name("flow-" + call.id()).start(() -> runFlow(next));
  }

  private void runFlow(CallFlow flow) {
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
  public QueueWait enqueue(String queue, int priority) {
    Instant at = services.clock().instant();
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    Wait wait = new Wait(queue, at, done);
    exec.execute(() -> {
      if (state != State.IVR) {
        done.complete(false);
        return;
      }
      state = State.QUEUED;
      connected = done;
      waiting = wait;
      call.queued(queue, at);
      services.bus().publish(new CallEvent.Queued(call.id(), queue, priority, at));
      services.acd().enqueue(new QueuedCall(call.id(), queue, priority, call.callerNumber()));
    });
    return wait;
  }

  /** A wait in a queue as the flow sees it. */
  private final class Wait implements QueueWait {
    /** The queue the call waits in: another one after it overflowed. */
    private volatile String queue;
    private final Instant queuedAt;
    private final CompletableFuture<Boolean> done;

    Wait(String queue, Instant queuedAt, CompletableFuture<Boolean> done) {
      this.queue = queue;
      this.queuedAt = queuedAt;
      this.done = done;
    }

    @Override
    public String queue() {
      return queue;
    }

    @Override
    public Instant queuedAt() {
      return queuedAt;
    }

    @Override
    public CompletableFuture<Boolean> connected() {
      return done;
    }

    @Override
    public CompletableFuture<QueuePlace> place() {
      return done.isDone() ? CompletableFuture.completedFuture(QueuePlace.NOT_WAITING) : services.acd().place(call.id());
    }

    @Override
    public CompletableFuture<Boolean> leave() {
      CompletableFuture<Boolean> left = new CompletableFuture<>();
      exec.execute(() -> {
        if (connected != done || (state != State.QUEUED && state != State.OFFERING)) {
          left.complete(false);
          return;
        }
        services.acd().leave(call.id());
        hangUpRinging(); // a ringing phone stops; the ACD counts the call as left
        state = State.IVR;
        done.complete(false);
        log.info("caller left queue {}", queue);
        left.complete(true);
      });
      return left;
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>An agent is rung only when the ACD could reserve them (they were available); the ACD then
   * hears how it went: on the call, a missed offer, or free again.
   */
  @Override
  public CompletableFuture<TransferResult> transfer(TransferTarget target) {
    if (!(target instanceof TransferTarget.Agent(String agentId))) {
      return ring(target);
    }
    Acd acd = services.acd();
    return acd.reserve(agentId, "transfer").thenComposeAsync(reserved -> {
      if (reserved.isEmpty()) {
        log.info("transfer to agent {}: not available", agentId);
        return CompletableFuture.completedFuture(TransferResult.UNREACHABLE);
      }
      return ring(target).whenComplete((result, failure) -> {
        if (result == TransferResult.CONNECTED) {
          acd.directConnected(agentId, null, call.id());
        } else if (result == TransferResult.NO_ANSWER) {
          acd.missed(agentId);
        } else {
          acd.release(agentId, "transfer-ended");
        }
      });
    }, services.pool()); // off the ACD's thread, which completes its futures
  }

  /** Rings the transfer's target and bridges the caller when it answers. */
  private CompletableFuture<TransferResult> ring(TransferTarget target) {
    CompletableFuture<TransferResult> result = new CompletableFuture<>();
    exec.execute(() -> {
      if (state != State.IVR) {
        result.complete(TransferResult.UNREACHABLE);
        return;
      }
      Optional<TransferLeg> leg = transferLeg(target);
      if (leg.isEmpty()) {
        result.complete(TransferResult.UNREACHABLE);
        return;
      }
      state = State.TRANSFERRING;
      transferResult = result;
      CompletableFuture<OfferResult> offer = new CompletableFuture<>();
      AgentLeg transferLeg =
          new AgentLeg(services, this, leg.get().agent(), leg.get().uri(), leg.get().transport(), offer, services.ringTimeout());
      ringing.add(transferLeg);
      call.offered(leg.get().agent().id(), services.clock().instant());
      callerMedia.loop(new Prompt(language, "ringback"));
      log.info("transferring to {}", target);
      transferLeg.dial(call.callerNumber(), call.callerName(), callerMedia);
    });
    return result;
  }

  /** Whom a transfer rings, and where. */
  private record TransferLeg(Agent agent, String uri, String transport) {}

  private Optional<TransferLeg> transferLeg(TransferTarget target) {
    switch (target) {
      case TransferTarget.Agent(String agentId) -> {
        Optional<Agent> agent = services.agents().apply(agentId);
        var binding = agent.flatMap(a -> services.locations().newest(a.sipUser()));
        if (binding.isEmpty()) {
          log.info("transfer to agent {}: {}", agentId, agent.isEmpty() ? "no such agent" : "no registered phone");
          return Optional.empty();
        }
        return Optional.of(new TransferLeg(agent.get(), binding.get().contactUri(), binding.get().transport()));
      }
      case TransferTarget.Number(String number) -> {
        // On transfer-allow, as the flows file was checked; the dial policy has its say too.
        switch (services.trunk().route(DialSite.IVR_TRANSFER, "call " + call.id(), number)) {
          case TrunkRoute.NoTrunk none -> {
            log.warn("transfer to {}: no trunk configured (hotline.sip.trunk)", number);
            return Optional.empty();
          }
          case TrunkRoute.Refused refused -> {
            return Optional.empty(); // counted, audited and logged by the dial policy's guard
          }
          case TrunkRoute.Dial(String uri) -> {
            // The CDR's agent column shows where the call went.
            Agent outside = new Agent("tel:" + number, number, number, Set.of());
            return Optional.of(new TransferLeg(outside, uri, "udp"));
          }
        }
      }
    }
  }

  @Override
  public void language(String language) {
    exec.execute(() -> this.language = language);
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
      // OFFERING too: ring-all offers one call to several agents at once.
      if (state != State.QUEUED && state != State.OFFERING) {
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
      AgentLeg leg = new AgentLeg(
          services, this, offer.agent(), binding.get().contactUri(), binding.get().transport(), result, offer.ringTimeout());
      ringing.add(leg);
      services.bus().publish(
          new CallEvent.Offered(call.id(), offer.agent().id(), offer.call().queue(), call.callerNumber(), call.ivrChoice(),
              call.queuedAt(), call.offeredAt()));
      leg.dial(call.callerNumber(), call.callerName(), callerMedia);
    });
    return result;
  }

  /**
   * The ACD moved the waiting call to {@code to}, the overflow queue of the one it waited in: the
   * CDR and the screen pop name that queue now, and the wait counts from when the call first
   * joined. The flow keeps playing what it played.
   */
  void overflowed(String to) {
    exec.execute(() -> {
      if (state == State.QUEUED && waiting != null) {
        log.info("queue {} passed the call to its overflow queue {}", call.queue(), to);
        call.overflowedTo(to);
        waiting.queue = to;
      }
    });
  }

  /** The ACD gives the waiting call back: the flow goes on after its {@code enqueue}. */
  void givenBack(QueueExit why) {
    exec.execute(() -> {
      if (state == State.QUEUED) {
        state = State.IVR;
        log.info("queue {} gave the call back: {}", call.queue(), why.code());
        connected.complete(false);
      }
    });
  }

  @Override
  public void legFailed(AgentLeg leg) {
    if (!ringing.remove(leg) || !ringing.isEmpty()) {
      return; // not ours, or other phones still ring for this call
    }
    if (state == State.OFFERING) {
      state = State.QUEUED; // back to waiting: the ACD offers the call again
    } else if (state == State.TRANSFERRING) {
      state = State.IVR;
      callerMedia.stopPlayback();
      callerMedia.clearDigits(); // what the caller pressed while it rang is not for the next menu
      transferResult.complete(TransferResult.NO_ANSWER);
    }
  }

  /** The agent (or transfer target) answered: bridge the two legs; other ringing phones stop. */
  @Override
  public void legAnswered(AgentLeg leg) {
    if (!ringing.remove(leg) || (state != State.OFFERING && state != State.TRANSFERRING)) {
      leg.hangup();
      return;
    }
    ringing.forEach(AgentLeg::answeredElsewhere);
    ringing.clear();
    agentLeg = leg;
    connectedAgent = leg.agent().id();
    boolean transfer = state == State.TRANSFERRING;
    state = State.CONNECTED;
    call.connected(leg.agent().id(), services.clock().instant());
    callerMedia.bridge(leg.media());
    if (transfer) {
      transferResult.complete(TransferResult.CONNECTED);
    } else {
      connected.complete(true);
    }
    services.bus().publish(new CallEvent.Connected(call.id(), leg.agent().id(), call.connectedAt()));
  }

  /** The agent the caller is connected to, or null. */
  String connectedAgent() {
    return connectedAgent;
  }

  /**
   * The agent ends the call from their desktop: BYE to both phones, as when the agent hangs up.
   *
   * @return true when {@code agentId} was on this call
   */
  CompletableFuture<Boolean> agentHangsUp(String agentId) {
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    exec.execute(() -> {
      if (state == State.CONNECTED && agentLeg.agent().id().equals(agentId)) {
        end(CallOutcome.ANSWERED, "agent-hangup", false);
        done.complete(true);
      } else {
        done.complete(false);
      }
    });
    return done;
  }

  /** Whether the call is connected to {@code agentId}; runs on the executor. */
  private boolean connectedTo(String agentId) {
    return state == State.CONNECTED && agentLeg.agent().id().equals(agentId);
  }

  /**
   * The agent holds the caller from their desktop ({@code hold} true) or resumes: the caller
   * hears music on hold and the agent's phone gets nothing of the caller meanwhile. No SIP
   * message goes out: both phones stay as they are.
   */
  CompletableFuture<ControlResult> deskHold(String agentId, boolean hold) {
    CompletableFuture<ControlResult> done = new CompletableFuture<>();
    exec.execute(() -> {
      if (!connectedTo(agentId)) {
        done.complete(ControlResult.not(ControlResult.Status.NOT_ON_A_CALL));
        return;
      }
      if (deskHolds != hold) {
        boolean callerWasHeld = callerHeld();
        deskHolds = hold;
        agentLeg.media().setSendEnabled(!agentHolds && !deskHolds);
        holdsChanged(callerWasHeld, callerHolds, "desktop of agent " + agentId);
      }
      done.complete(ControlResult.done(call.id()));
    });
    return done;
  }

  /**
   * Blind transfer from the desktop to {@code queue}: the agent's part of the call is recorded
   * and their phone gets BYE; the caller waits in the queue with {@code waitFlow}.
   */
  CompletableFuture<ControlResult> deskTransferToQueue(String agentId, String queue, CallFlow waitFlow) {
    CompletableFuture<ControlResult> done = new CompletableFuture<>();
    exec.execute(() -> {
      if (!connectedTo(agentId)) {
        done.complete(ControlResult.not(ControlResult.Status.NOT_ON_A_CALL));
        return;
      }
      String from = call.id();
      nextPart("transfer to queue " + queue);
      state = State.IVR;
      startFlow(waitFlow);
      done.complete(ControlResult.done(from));
    });
    return done;
  }

  /**
   * Blind transfer from the desktop to {@code target}, whom the ACD has reserved for it: the
   * agent's part is recorded, their phone gets BYE and the target's rings. When the target does
   * not answer, the caller waits in the queue the call came from (the ACD frees the target).
   *
   * @param waitFlow the flow to wait in the queue the call came from; empty: the call ends then
   */
  CompletableFuture<ControlResult> deskTransferToAgent(String agentId, Agent target, Optional<CallFlow> waitFlow) {
    CompletableFuture<ControlResult> done = new CompletableFuture<>();
    exec.execute(() -> {
      var binding = services.locations().newest(target.sipUser());
      if (!connectedTo(agentId)) {
        done.complete(ControlResult.not(ControlResult.Status.NOT_ON_A_CALL));
        return;
      }
      if (binding.isEmpty()) {
        done.complete(ControlResult.not(ControlResult.Status.AGENT_UNAVAILABLE));
        return;
      }
      String from = call.id();
      String queue = call.queue();
      nextPart("transfer to agent " + target.id());
      state = State.TRANSFERRING;
      deskTransferTarget = target;
      deskTransferQueue = queue;
      transferResult = new CompletableFuture<>();
      transferResult.thenAccept(r -> exec.execute(() -> deskTransferEnded(r, target, queue, waitFlow)));
      Instant now = services.clock().instant();
      call.offered(target.id(), now);
      AgentLeg leg = new AgentLeg(services, this, target, binding.get().contactUri(), binding.get().transport(), new CompletableFuture<>(),
          services.ringTimeout());
      ringing.add(leg);
      callerMedia.loop(new Prompt(language, "ringback"));
      services.bus().publish(new CallEvent.Offered(call.id(), target.id(), queue, call.callerNumber(), call.ivrChoice(), now, now));
      leg.dial(call.callerNumber(), call.callerName(), callerMedia);
      done.complete(ControlResult.done(from));
    });
    return done;
  }

  private void deskTransferEnded(TransferResult result, Agent target, String queue, Optional<CallFlow> waitFlow) {
    deskTransferTarget = null;
    if (result == TransferResult.CONNECTED) {
      services.acd().directConnected(target.id(), queue, call.id());
      return;
    }
    if (result == TransferResult.NO_ANSWER) {
      services.acd().missed(target.id());
    } else {
      services.acd().release(target.id(), "transfer-ended");
    }
    if (state != State.IVR) {
      return; // the call ended meanwhile
    }
    if (waitFlow.isPresent()) {
      log.info("agent {} did not take the transfer: back to queue {}", target.id(), queue);
      startFlow(waitFlow.get());
    } else {
      end(CallOutcome.ANSWERED, "transfer-not-answered", false);
    }
  }

  /**
   * Ends the agent's part of the call: recorded with cause {@code transferred} (the agent's
   * desktop sees it end), the agent's phone gets BYE and the ACD hears the agent is free; the
   * caller's leg goes on as the call's next part, with the same caller and IVR path.
   */
  private void nextPart(String why) {
    Instant now = services.clock().instant();
    Call done = call;
    String agentId = agentLeg.agent().id();
    callerMedia.unbridge();
    callerMedia.stopHoldMusic();
    done.ended(now, CallOutcome.ANSWERED, "transferred");
    agentLeg.hangup();
    services.acd().agentCallEnded(agentId);
    agentLeg = null;
    connectedAgent = null;
    agentHolds = false;
    deskHolds = false;
    callerHolds = false;
    agentSends = true;
    Call next = new Call(sipCallId + "#" + (++parts), done.callerNumber(), done.callerName(), done.dialedNumber(), now);
    next.answered(now);
    if (done.ivrChoice() != null) {
      next.chose(done.ivrChoice());
    }
    call = next;
    partStarted.accept(next.id(), this);
    log.info("{}: call {} goes on as {}", why, done.id(), next.id());
    CallRecord.close(services, exec, done, CallOutcome.ANSWERED, () -> {}, () -> {});
  }

  @Override
  public void legBye(AgentLeg leg, RequestEvent event, ServerTransaction tx) {
    onAgentBye(leg, event, tx);
  }

  @Override
  public void legReinvite(AgentLeg leg, RequestEvent event, ServerTransaction tx, String offer) {
    onReinvite(true, event, tx, offer);
  }

  private void hangUpRinging() {
    ringing.forEach(AgentLeg::hangup);
    ringing.clear();
  }

  // ---- hold and media changes (re-INVITE) ----

  /**
   * A re-INVITE from the caller or the connected agent: new address or codec, or hold. A party
   * whose SDP says it no longer receives ({@code sendonly}, {@code inactive}, or 0.0.0.0) holds
   * the call: we stop sending to it and the other party hears music on hold until it resumes.
   *
   * @param fromAgent whether it came in the agent's dialog
   * @param offer the SDP offer, or empty for an offerless re-INVITE (we offer in the 200)
   */
  void onReinvite(boolean fromAgent, RequestEvent event, ServerTransaction tx, String offer) {
    exec.execute(() -> {
      MediaEndpoint own = fromAgent ? (agentLeg == null ? null : agentLeg.media()) : callerMedia;
      if (own == null || !isActive() || (fromAgent && state != State.CONNECTED)) {
        respond(tx, event.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        return;
      }
      String host = services.messages().sip().advertisedHost();
      String answerSdp;
      if (offer.isBlank()) {
        answerSdp = SdpNegotiator.offer(host, own.localPort(), own.codec(), services.clock().millis());
      } else {
        Negotiated n;
        try {
          n = SdpNegotiator.answer(offer, host, own.localPort());
        } catch (SdpException e) {
          log.info("re-INVITE from the {} with unusable SDP: {}: 488", fromAgent ? "agent" : "caller", e.getMessage());
          respond(tx, event.getRequest(), Response.NOT_ACCEPTABLE_HERE);
          return;
        }
        own.connect(n.remote(), n.codec(), n.telephoneEventPt());
        boolean sends = n.direction().equals("sendrecv") || n.direction().equals("sendonly");
        boolean holds = !n.peerReceives();
        boolean callerWasHeld = callerHeld();
        boolean agentWasHeld = callerHolds;
        if (fromAgent) {
          agentSends = sends;
          agentHolds = holds;
          own.setSendEnabled(!holds && !deskHolds);
        } else {
          callerSends = sends;
          callerHolds = holds;
          own.setSendEnabled(!holds);
        }
        if (state == State.CONNECTED) {
          holdsChanged(callerWasHeld, agentWasHeld, fromAgent ? "agent" : "caller");
        }
        answerSdp = n.sdp();
      }
      try {
        Response ok = services.messages().sip().messages().createResponse(Response.OK, event.getRequest());
        services.messages().withSdp(ok, answerSdp, transport);
        tx.sendResponse(ok);
      } catch (Exception e) {
        log.debug("could not answer the re-INVITE: {}", e.toString());
      }
    });
  }

  /** Whether the caller is on hold: by the agent's phone or from the agent's desktop. */
  private boolean callerHeld() {
    return agentHolds || deskHolds;
  }

  /**
   * After a hold flag changed while connected: music on hold for the party held, the CDR's hold
   * time, and a {@link CallEvent.Held} when the call went on or off hold.
   */
  private void holdsChanged(boolean callerWasHeld, boolean agentWasHeld, String who) {
    boolean callerHeld = callerHeld();
    if (callerHeld != callerWasHeld) {
      music(callerMedia, callerHeld);
    }
    if (callerHolds != agentWasHeld) {
      music(agentLeg.media(), callerHolds);
    }
    boolean held = callerHeld || callerHolds;
    if (held != (callerWasHeld || agentWasHeld)) {
      log.info("{} {} the call", who, held ? "holds" : "resumes");
      Instant now = services.clock().instant();
      call.held(held, now);
      if (held) {
        services.metrics().holds.increment();
      }
      services.bus().publish(new CallEvent.Held(call.id(), agentLeg.agent().id(), held, now));
    }
  }

  private void music(MediaEndpoint to, boolean on) {
    if (on) {
      to.holdMusic(new Prompt(language, "moh"));
    } else {
      to.stopHoldMusic();
    }
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
    connectedAgent = null;
    call.ended(services.clock().instant(), outcome, cause);
    log.info("call ended: {} ({}) after {}", outcome.code(), cause, was);
    if (!callerLeft) {
      sendCallerBye();
    }
    hangUpRinging();
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
    if (transferResult != null) {
      transferResult.complete(TransferResult.UNREACHABLE);
    }
    if (mediaWatch != null) {
      mediaWatch.cancel(false);
    }
    if (callerMedia != null) {
      callerMedia.close();
    }
    CallRecord.close(services, exec, call, outcome, () -> state = State.FINISHED, () -> onFinished.accept(this));
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
