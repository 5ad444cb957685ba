package org.hotline.sip.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Response;
import org.hotline.core.acd.CallbackOffer;
import org.hotline.core.acd.OfferResult;
import org.hotline.core.agent.Agent;
import org.hotline.core.call.Call;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.event.CallEvent;
import org.hotline.core.media.Prompt;
import org.hotline.sip.media.MediaEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call the server places for an agent: a callback whose turn came, or a click-to-call from the
 * agent's desktop. The agent's phone rings first, showing the customer's number; once the agent
 * answers they hear ringback while the customer is called through the trunk; when the customer
 * answers the two are bridged. Every attempt that rang the agent leaves a CDR (an unanswered one
 * {@code failed}, cause {@code agent-no-answer} or {@code callback-no-answer}). The CDR has the
 * customer as caller, {@link Outbound#dialed()} ({@code callback}, {@code outbound}) as the number
 * dialed, the queue, the kept place as the time queued, and the agent. Every change runs on the
 * session's {@link SerialExecutor}.
 */
final class OutboundSession implements LegOwner {
  private static final Logger log = LoggerFactory.getLogger(OutboundSession.class);

  /** The dialed number on a callback's CDR. */
  static final String CALLBACK = "callback";

  /** The dialed number on a click-to-call's CDR. */
  static final String OUTBOUND = "outbound";

  /**
   * What to place.
   *
   * @param name names the attempt in ids and logs ({@code callback-17}, {@code dial-1001})
   * @param agent whose phone rings first
   * @param number the customer's number, as shown to the agent and on the CDR
   * @param uri where the customer is called: the number at the trunk, allowed by the dial policy
   * @param queue the queue it is for, or null
   * @param since the time queued on the CDR (a callback's kept place), or null
   * @param dialed the CDR's dialed number
   * @param ringTimeout how long the agent's phone rings: the queue's for a callback
   */
  record Outbound(
      String name,
      Agent agent,
      String number,
      String uri,
      String queue,
      Instant since,
      String dialed,
      Duration ringTimeout) {
    static Outbound callback(CallbackOffer offer, String uri) {
      return new Outbound(
          "callback-" + offer.request().id(),
          offer.agent(),
          offer.request().number(),
          uri,
          offer.request().queue(),
          offer.request().placeSince(),
          CALLBACK,
          offer.ringTimeout());
    }

    static Outbound dial(Agent agent, String number, String uri, Duration ringTimeout) {
      return new Outbound(
          "dial-" + agent.id(), agent, number, uri, null, null, OUTBOUND, ringTimeout);
    }
  }

  private enum State {
    RINGING_AGENT,
    CALLING_CUSTOMER,
    CONNECTED,
    ENDING,
    FINISHED
  }

  private final CallServices services;
  private final Outbound offer;
  private final CompletableFuture<OfferResult> result;
  private final Call call;
  private final SerialExecutor exec;
  private State state = State.RINGING_AGENT;
  private MediaEndpoint placeholder;
  private AgentLeg agentLeg;
  private AgentLeg customerLeg;

  OutboundSession(CallServices services, Outbound offer, CompletableFuture<OfferResult> result) {
    this.services = services;
    this.offer = offer;
    this.result = result;
    String id = offer.name() + "-" + services.clock().millis();
    this.call = new Call(id, offer.number(), "", offer.dialed(), services.clock().instant());
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
    exec.execute(
        () -> {
          Agent agent = offer.agent();
          var binding = services.locations().newest(agent.sipUser());
          if (binding.isEmpty()) {
            log.info("{}: agent {} has no registered phone", offer.name(), agent.id());
            result.complete(OfferResult.NOT_ANSWERED);
            state = State.FINISHED;
            services.calls().finished(this);
            return;
          }
          if (offer.since() != null) {
            call.queued(offer.queue(), offer.since());
          }
          call.offered(agent.id(), services.clock().instant());
          try {
            placeholder = services.media().allocate();
          } catch (Exception e) {
            log.warn("{}: no media port: {}", offer.name(), e.getMessage());
            result.complete(OfferResult.NOT_ANSWERED);
            state = State.FINISHED;
            services.calls().finished(this);
            return;
          }
          CompletableFuture<OfferResult> agentResult = new CompletableFuture<>();
          agentLeg =
              new AgentLeg(
                  services,
                  this,
                  agent,
                  binding.get().contactUri(),
                  binding.get().transport(),
                  agentResult,
                  offer.ringTimeout());
          log.info("{} for {}: ringing agent {}", offer.name(), offer.number(), agent.id());
          services
              .bus()
              .publish(
                  new CallEvent.Offered(
                      call.id(),
                      agent.id(),
                      offer.queue(),
                      call.callerNumber(),
                      null,
                      call.queuedAt(),
                      call.offeredAt()));
          agentLeg.dial(
              offer.number(), offer.dialed().equals(CALLBACK) ? "Callback" : "Call", placeholder);
        });
  }

  @Override
  public void legAnswered(AgentLeg leg) {
    if (leg == agentLeg && state == State.RINGING_AGENT) {
      state = State.CALLING_CUSTOMER;
      closePlaceholder();
      agentLeg.media().holdMusic(new Prompt("en", "ringback"));
      String number = offer.number();
      Agent customer = new Agent("tel:" + number, number, number, Set.of());
      customerLeg =
          new AgentLeg(
              services,
              this,
              customer,
              offer.uri(),
              "udp",
              new CompletableFuture<>(),
              services.ringTimeout());
      log.info("{}: agent {} answered, calling {}", offer.name(), offer.agent().id(), number);
      customerLeg.dial("hotline", "", agentLeg.media());
    } else if (leg == customerLeg && state == State.CALLING_CUSTOMER) {
      state = State.CONNECTED;
      agentLeg.media().stopHoldMusic();
      agentLeg.media().bridge(customerLeg.media());
      call.answered(services.clock().instant());
      call.connected(offer.agent().id(), services.clock().instant());
      result.complete(OfferResult.ANSWERED);
      services
          .bus()
          .publish(new CallEvent.Connected(call.id(), offer.agent().id(), call.connectedAt()));
      log.info("{}: connected", offer.name());
    } else {
      leg.hangup();
    }
  }

  @Override
  public void legFailed(AgentLeg leg) {
    if (leg == agentLeg && state == State.RINGING_AGENT) {
      log.info("{}: agent {} did not answer", offer.name(), offer.agent().id());
      closePlaceholder();
      result.complete(OfferResult.NOT_ANSWERED);
      // A CDR for the attempt: the agent's desktop saw it ring and sees it end.
      end(CallOutcome.FAILED, "agent-no-answer");
    } else if (leg == customerLeg && state == State.CALLING_CUSTOMER) {
      log.info("{}: the customer at {} did not answer", offer.name(), offer.number());
      result.complete(OfferResult.CALL_GONE);
      end(
          CallOutcome.FAILED,
          offer.dialed().equals(CALLBACK) ? "callback-no-answer" : "number-no-answer");
    }
  }

  @Override
  public void legBye(AgentLeg leg, RequestEvent event, ServerTransaction tx) {
    try {
      tx.sendResponse(
          services.messages().sip().messages().createResponse(Response.OK, event.getRequest()));
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
      tx.sendResponse(
          services
              .messages()
              .sip()
              .messages()
              .createResponse(Response.NOT_ACCEPTABLE_HERE, event.getRequest()));
    } catch (Exception e) {
      log.debug("could not answer re-INVITE: {}", e.toString());
    }
  }

  /** Ends the callback from the server side (shutdown). */
  void terminate(String cause) {
    exec.execute(
        () -> {
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
    CallRecord.close(
        services,
        exec,
        call,
        outcome,
        () -> state = State.FINISHED,
        () -> services.calls().finished(this));
  }

  private void closePlaceholder() {
    if (placeholder != null) {
      placeholder.close();
      placeholder = null;
    }
  }
}
