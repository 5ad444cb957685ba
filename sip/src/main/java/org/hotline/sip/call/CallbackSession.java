package org.hotline.sip.call;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Response;
import org.hotline.core.acd.CallbackOffer;
import org.hotline.core.acd.OfferResult;
import org.hotline.core.agent.Agent;
import org.hotline.core.call.Call;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.event.CallEvent;
import org.hotline.core.media.Prompt;
import org.hotline.sip.media.MediaEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A callback whose turn came: the agent's phone rings first, showing the customer's number;
 * once the agent answers they hear ringback while the customer is called through the trunk;
 * when the customer answers the two are bridged. Every attempt that rang the agent leaves a CDR
 * (an unanswered one {@code failed}, cause {@code agent-no-answer} or {@code
 * callback-no-answer}). The CDR has the customer as caller, {@value
 * #DIALED} as the number dialed, the queue, the kept place as the time queued, and the agent.
 * Every change runs on the session's {@link SerialExecutor}.
 */
final class CallbackSession implements LegOwner {
  private static final Logger log = LoggerFactory.getLogger(CallbackSession.class);

  /** The dialed number on a callback's CDR. */
  static final String DIALED = "callback";

  private enum State { RINGING_AGENT, CALLING_CUSTOMER, CONNECTED, ENDING, FINISHED }

  private final CallServices services;
  private final CallbackOffer offer;
  private final CompletableFuture<OfferResult> result;
  private final Consumer<CallbackSession> onFinished;
  private final Call call;
  private final SerialExecutor exec;
  private State state = State.RINGING_AGENT;
  private MediaEndpoint placeholder;
  private AgentLeg agentLeg;
  private AgentLeg customerLeg;

  CallbackSession(CallServices services, CallbackOffer offer, CompletableFuture<OfferResult> result, Consumer<CallbackSession> onFinished) {
    this.services = services;
    this.offer = offer;
    this.result = result;
    this.onFinished = onFinished;
    String id = "callback-" + offer.request().id() + "-" + System.currentTimeMillis();
    this.call = new Call(id, offer.request().number(), "", DIALED, services.clock().instant());
    this.exec = new SerialExecutor(services.pool(), id);
  }

  @Override
  public SerialExecutor executor() {
    return exec;
  }

  Call call() {
    return call;
  }

  /** Rings the agent. */
  void start() {
    exec.execute(() -> {
      Agent agent = offer.agent();
      var binding = services.locations().newest(agent.sipUser());
      if (binding.isEmpty() || services.trunk().isEmpty()) {
        log.info("callback {}: {}", offer.request().id(),
            binding.isEmpty() ? "agent " + agent.id() + " has no registered phone" : "no trunk to call the customer through");
        result.complete(binding.isEmpty() ? OfferResult.NOT_ANSWERED : OfferResult.CALL_GONE);
        state = State.FINISHED;
        onFinished.accept(this);
        return;
      }
      call.queued(offer.request().queue(), offer.request().placeSince());
      call.offered(agent.id(), services.clock().instant());
      try {
        placeholder = services.media().allocate();
      } catch (Exception e) {
        log.warn("callback {}: no media port: {}", offer.request().id(), e.getMessage());
        result.complete(OfferResult.NOT_ANSWERED);
        state = State.FINISHED;
        onFinished.accept(this);
        return;
      }
      CompletableFuture<OfferResult> agentResult = new CompletableFuture<>();
      agentLeg = new AgentLeg(services, this, agent, binding.get().contactUri(), binding.get().transport(), agentResult);
      log.info("callback {} for {}: ringing agent {}", offer.request().id(), offer.request().number(), agent.id());
      services.bus().publish(new CallEvent.Offered(call.id(), agent.id(), offer.request().queue(), call.callerNumber(), null,
          call.queuedAt(), call.offeredAt()));
      agentLeg.dial(offer.request().number(), "Callback", placeholder);
    });
  }

  @Override
  public void legAnswered(AgentLeg leg) {
    if (leg == agentLeg && state == State.RINGING_AGENT) {
      state = State.CALLING_CUSTOMER;
      closePlaceholder();
      agentLeg.media().holdMusic(new Prompt("en", "ringback"));
      String number = offer.request().number();
      Agent customer = new Agent("tel:" + number, number, number, Set.of());
      customerLeg =
          new AgentLeg(services, this, customer, "sip:" + number + "@" + services.trunk().get(), "udp", new CompletableFuture<>());
      log.info("callback {}: agent {} answered, calling {}", offer.request().id(), offer.agent().id(), number);
      customerLeg.dial("hotline", "", agentLeg.media());
    } else if (leg == customerLeg && state == State.CALLING_CUSTOMER) {
      state = State.CONNECTED;
      agentLeg.media().stopHoldMusic();
      agentLeg.media().bridge(customerLeg.media());
      call.answered(services.clock().instant());
      call.connected(offer.agent().id(), services.clock().instant());
      result.complete(OfferResult.ANSWERED);
      services.bus().publish(new CallEvent.Connected(call.id(), offer.agent().id(), call.connectedAt()));
      log.info("callback {}: connected", offer.request().id());
    } else {
      leg.hangup();
    }
  }

  @Override
  public void legFailed(AgentLeg leg) {
    if (leg == agentLeg && state == State.RINGING_AGENT) {
      log.info("callback {}: agent {} did not answer", offer.request().id(), offer.agent().id());
      closePlaceholder();
      result.complete(OfferResult.NOT_ANSWERED);
      // A CDR for the attempt: the agent's desktop saw it ring and sees it end.
      end(CallOutcome.FAILED, "agent-no-answer");
    } else if (leg == customerLeg && state == State.CALLING_CUSTOMER) {
      log.info("callback {}: the customer at {} did not answer", offer.request().id(), offer.request().number());
      result.complete(OfferResult.CALL_GONE);
      end(CallOutcome.FAILED, "callback-no-answer");
    }
  }

  @Override
  public void legBye(AgentLeg leg, RequestEvent event, ServerTransaction tx) {
    try {
      tx.sendResponse(services.messages().sip().messages().createResponse(Response.OK, event.getRequest()));
    } catch (Exception e) {
      log.debug("could not answer BYE: {}", e.toString());
    }
    leg.byeReceived();
    if (state == State.CONNECTED) {
      end(CallOutcome.ANSWERED, leg == agentLeg ? "agent-bye" : "caller-bye");
    } else if (state == State.CALLING_CUSTOMER && leg == agentLeg) {
      result.complete(OfferResult.CALL_GONE);
      end(CallOutcome.FAILED, "agent-bye");
    }
  }

  @Override
  public void legReinvite(AgentLeg leg, RequestEvent event, ServerTransaction tx, String offer) {
    try {
      tx.sendResponse(services.messages().sip().messages().createResponse(Response.NOT_ACCEPTABLE_HERE, event.getRequest()));
    } catch (Exception e) {
      log.debug("could not answer re-INVITE: {}", e.toString());
    }
  }

  /** Ends the callback from the server side (shutdown). */
  void terminate(String cause) {
    exec.execute(() -> {
      result.complete(OfferResult.NOT_ANSWERED);
      closePlaceholder();
      end(state == State.CONNECTED ? CallOutcome.ANSWERED : CallOutcome.FAILED, cause);
    });
  }

  private void end(CallOutcome outcome, String cause) {
    if (state == State.ENDING || state == State.FINISHED) {
      return;
    }
    boolean wasConnected = state == State.CONNECTED;
    state = State.ENDING;
    call.ended(services.clock().instant(), outcome, cause);
    if (customerLeg != null) {
      customerLeg.hangup();
    }
    agentLeg.hangup();
    // The agent was on the callback (or reserved for it): wrap-up, then free again.
    if (wasConnected) {
      services.acd().agentCallEnded(offer.agent().id());
    }
    services.metrics().ended(outcome);
    Cdr cdr = Cdr.of(call);
    services.recorder().record(cdr).whenComplete((ok, err) -> exec.execute(() -> {
      if (err != null) {
        services.metrics().cdrFailures.increment();
        log.error("CDR NOT STORED, kept in this log line: {}", cdr, err);
      }
      state = State.FINISHED;
      services.bus().publish(new CallEvent.Finished(call.id(), cdr, services.clock().instant()));
      onFinished.accept(this);
    }));
  }

  private void closePlaceholder() {
    if (placeholder != null) {
      placeholder.close();
      placeholder = null;
    }
  }
}
