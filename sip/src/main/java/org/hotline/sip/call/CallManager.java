package org.hotline.sip.call;

import gov.nist.javax.sip.message.SIPRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TimeoutEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.config.AcdSettings;
import org.hotline.config.IvrSettings;
import org.hotline.core.acd.Acd;
import org.hotline.core.acd.AgentConnector;
import org.hotline.core.acd.CallbackOffer;
import org.hotline.core.acd.Offer;
import org.hotline.core.acd.OfferResult;
import org.hotline.core.acd.QueueExit;
import org.hotline.core.agent.Agent;
import org.hotline.core.call.Call;
import org.hotline.core.call.CallControl;
import org.hotline.core.call.ControlResult;
import org.hotline.core.cdr.CallRecorder;
import org.hotline.core.dial.DialSite;
import org.hotline.core.dial.DialableNumber;
import org.hotline.core.event.CallEvent;
import org.hotline.core.event.EventBus;
import org.hotline.core.flow.CallFlow;
import org.hotline.core.flow.EntryPoints;
import org.hotline.sip.auth.DigestAuthenticator;
import org.hotline.sip.feature.FeatureCode;
import org.hotline.sip.guard.CallCounts;
import org.hotline.sip.feature.FeatureCodes;
import org.hotline.sip.media.MediaEndpoint;
import org.hotline.sip.media.MediaServer;
import org.hotline.sip.registrar.LocationService;
import org.hotline.sip.sdp.Negotiated;
import org.hotline.sip.sdp.SdpException;
import org.hotline.sip.sdp.SdpNegotiator;
import org.hotline.sip.stack.SipServer;
import org.hotline.sip.stack.Transactions;
import org.hotline.sip.trunk.Trunk;
import org.hotline.sip.trunk.TrunkRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The B2BUA's call registry: takes new INVITEs, routes in-dialog requests and responses to their
 * {@link CallSession}, rings agents for the ACD, and drains calls on shutdown.
 */
public final class CallManager implements AgentConnector, CallControl {
  private static final Logger log = LoggerFactory.getLogger(CallManager.class);
  /** Longest Call-ID taken as a call's id (it is the CDR's key). */
  static final int MAX_CALL_ID = 200;

  private final SipServer sip;
  private final MediaServer media;
  private final EntryPoints entryPoints;
  private final IvrSettings ivr;
  private final Map<String, CallSession> calls = new ConcurrentHashMap<>();
  /** The later parts of calls transferred from a desktop, by part id (the ACD knows them so). */
  private final Map<String, CallSession> parts = new ConcurrentHashMap<>();
  private final Set<OutboundSession> callbacks = ConcurrentHashMap.newKeySet();
  private final CallMetrics metrics;
  private final CallRecorder recorder;
  private final EventBus bus;
  private final Clock clock;
  private final Executor pool;
  private final ScheduledExecutorService timers;
  private final LocationService locations;
  private final AcdSettings acdSettings;
  private final Duration rtpTimeout;
  private volatile CallServices services;
  private volatile FeatureCodes featureCodes;
  private volatile boolean accepting = true;
  private final CallCounts counts;

  public CallManager(
      SipServer sip,
      MediaServer media,
      EntryPoints entryPoints,
      IvrSettings ivr,
      AcdSettings acd,
      Duration rtpTimeout,
      LocationService locations,
      CallRecorder recorder,
      EventBus bus,
      Clock clock,
      Executor pool,
      ScheduledExecutorService timers,
      MeterRegistry registry,
      CallCounts counts) {
    this.counts = counts;
    this.sip = sip;
    this.media = media;
    this.entryPoints = entryPoints;
    this.ivr = ivr;
    this.acdSettings = acd;
    this.rtpTimeout = rtpTimeout;
    this.locations = locations;
    this.recorder = recorder;
    this.bus = bus;
    this.clock = clock;
    this.pool = pool;
    this.timers = timers;
    this.metrics = new CallMetrics(registry);
    registry.gauge("hotline.calls.active", calls, Map::size);
  }

  /**
   * Connects the call layer to the ACD that routes its calls; must be called before calls arrive.
   *
   * @param agents an agent by id, for transfers to an agent
   * @param trunk where numbers are dialled (click-to-call, callbacks, transfers to a number), each
   *     one checked by the dial policy first
   */
  public void routeWith(Acd acd, Function<String, Optional<Agent>> agents, Trunk trunk) {
    services =
        new CallServices(
            new SipMessages(sip), media, acd, recorder, bus, clock, pool, timers, locations, acdSettings.ringTimeout(),
            rtpTimeout, metrics, agents, trunk);
  }

  /** Lets agents dial feature codes; without it, codes are numbers like any other. */
  public void answerFeatureCodes(FeatureCodes codes) {
    this.featureCodes = codes;
  }

  // ---- requests ----

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
        a.owner().legReinvite(a, event, tx.get(), offer);
      } else {
        Transactions.respondQuietly(sip, tx.get(), event.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
      }
      return;
    }
    metrics.invites.increment();
    Transactions.respondQuietly(sip, tx.get(), event.getRequest(), Response.TRYING);
    pool.execute(() -> newCall(tx.get(), event.getRequest()));
  }

  private void newCall(ServerTransaction tx, Request invite) {
    String callId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
    if (!accepting) {
      metrics.rejected503.increment();
      Transactions.respondQuietly(sip, tx, invite, Response.SERVICE_UNAVAILABLE);
      return;
    }
    if (callId.length() > MAX_CALL_ID) {
      metrics.rejected400.increment();
      log.info("INVITE from {} with a Call-ID of {} characters: 400", source(invite), callId.length());
      Transactions.respondQuietly(sip, tx, invite, Response.BAD_REQUEST);
      return;
    }
    String dialed = invite.getRequestURI() instanceof SipURI uri && uri.getUser() != null ? uri.getUser() : "";
    Optional<FeatureCode> code = featureCodes == null ? Optional.empty() : featureCodes.match(dialed);
    Optional<CallFlow> flow;
    if (code.isPresent()) {
      flow = featureCodeFlow(tx, invite, code.get());
      if (flow.isEmpty()) {
        return; // challenged or refused
      }
    } else {
      flow = entryPoints.flowFor(dialed);
    }
    if (flow.isEmpty()) {
      metrics.rejected404.increment();
      log.info("INVITE {} from {} for unknown number '{}': 404", callId, source(invite), dialed);
      Transactions.respondQuietly(sip, tx, invite, Response.NOT_FOUND);
      return;
    }
    byte[] body = invite.getRawContent();
    if (body == null || body.length == 0) {
      metrics.rejected488.increment();
      log.info("INVITE {} without SDP offer: 488", callId);
      Transactions.respondQuietly(sip, tx, invite, Response.NOT_ACCEPTABLE_HERE);
      return;
    }
    MediaEndpoint endpoint;
    try {
      endpoint = media.allocate();
    } catch (Exception e) {
      metrics.rejected503.increment();
      log.warn("INVITE {}: no media port: {}", callId, e.getMessage());
      Transactions.respondQuietly(sip, tx, invite, Response.SERVICE_UNAVAILABLE);
      return;
    }
    Negotiated offer;
    try {
      offer = SdpNegotiator.answer(new String(body, StandardCharsets.US_ASCII), sip.advertisedHost(), endpoint.localPort());
    } catch (SdpException e) {
      endpoint.close();
      metrics.rejected488.increment();
      log.info("INVITE {} from {}: {}: 488", callId, source(invite), e.getMessage());
      Transactions.respondQuietly(sip, tx, invite, Response.NOT_ACCEPTABLE_HERE);
      return;
    }
    FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
    String callerNumber = from.getAddress().getURI() instanceof SipURI u && u.getUser() != null ? u.getUser() : "";
    String callerName = from.getAddress().getDisplayName();
    Call call = new Call(callId, callerNumber, callerName, dialed, clock.instant());
    String transport = ((ViaHeader) invite.getHeader(ViaHeader.NAME)).getTransport();
    CallSession session = new CallSession(services, call, tx, flow.get(), transport, this::finished, parts::put);
    calls.put(callId, session);
    InetAddress source = ((SIPRequest) invite).getPeerPacketSourceAddress();
    if (source != null) {
      counts.opened(callId, source);
    }
    bus.publish(new CallEvent.Arrived(callId, callerNumber, dialed, call.arrivedAt()));
    log.info("call {} from '{}' to {} -> flow {}", callId, callerNumber, dialed, flow.get().name());
    session.answer(offer, endpoint, offer.sdp(), ivr.language());
  }

  /**
   * The flow of an agent's feature code call, once the INVITE proves with digest credentials
   * which agent dials; otherwise the 401 challenge or a 403 is sent and the result is empty.
   */
  private Optional<CallFlow> featureCodeFlow(ServerTransaction tx, Request invite, FeatureCode code) {
    DigestAuthenticator.Result result;
    try {
      result = featureCodes.authenticator().check(invite, null);
    } catch (java.text.ParseException e) {
      Transactions.respondQuietly(sip, tx, invite, Response.SERVER_INTERNAL_ERROR);
      return Optional.empty();
    }
    switch (result) {
      case DigestAuthenticator.Challenge(Response challenge) -> {
        try {
          Transactions.respond(tx, challenge);
        } catch (Exception e) {
          log.debug("could not challenge {}: {}", code.code(), e.toString());
        }
        return Optional.empty();
      }
      case DigestAuthenticator.Refused refused -> {
        metrics.featureCodesRefused.increment();
        log.info("feature code {} from {} refused: bad credentials", code.code(), source(invite));
        Transactions.respondQuietly(sip, tx, invite, Response.FORBIDDEN);
        return Optional.empty();
      }
      case DigestAuthenticator.Authenticated(String user) -> {
        Optional<Agent> agent = featureCodes.agent(user);
        if (agent.isEmpty()) {
          metrics.featureCodesRefused.increment();
          log.info("feature code {} from SIP user {}, who is no agent: 403", code.code(), user);
          Transactions.respondQuietly(sip, tx, invite, Response.FORBIDDEN);
          return Optional.empty();
        }
        metrics.featureCodes.increment();
        return Optional.of(featureCodes.flow(code, agent.get().id(), ivr.language()));
      }
    }
  }

  /** CANCEL of a pending INVITE: 200 to the CANCEL, then 487 to the INVITE. */
  public void onCancel(RequestEvent event) {
    Optional<ServerTransaction> tx = Transactions.serverTransaction(sip, event);
    tx.ifPresent(t -> Transactions.respondQuietly(sip, t, event.getRequest(), Response.OK));
    String callId = ((CallIdHeader) event.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
    CallSession session = calls.get(callId);
    if (session != null) {
      session.onCallerCancel();
    }
  }

  public void onAck(RequestEvent event) {
    if (event.getDialog() != null && event.getDialog().getApplicationData() instanceof CallSession s) {
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
      s.onCallerBye(event, tx.get());
    } else if (leg instanceof AgentLeg a) {
      a.owner().legBye(a, event, tx.get());
    } else {
      Transactions.respondQuietly(sip, tx.get(), event.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }
  }

  /**
   * INFO in a call: a key press ({@code application/dtmf-relay}, {@code application/dtmf}) goes
   * to the caller's IVR like an RFC 4733 event; other INFO is acknowledged and ignored (legacy
   * INFO without an Info-Package, RFC 6086 section 9). Outside a dialog: 481.
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
      Optional<Character> key = InfoDtmf.parse(type.getContentSubType(), raw == null ? "" : new String(raw, StandardCharsets.US_ASCII));
      if (key.isEmpty()) {
        log.info("INFO from {} with a DTMF body naming no key: 400", source(info));
        Transactions.respondQuietly(sip, tx.get(), info, Response.BAD_REQUEST);
        return;
      }
      if (leg instanceof CallSession s) {
        s.onInfoDigit(key.get());
      }
    }
    Transactions.respondQuietly(sip, tx.get(), info, Response.OK);
  }

  // ---- responses and timeouts of our agent legs ----

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
    if (leg != null && Request.INVITE.equals(event.getClientTransaction().getRequest().getMethod())) {
      leg.owner().executor().execute(leg::onTimeout);
    }
  }

  /** The caller's dialog ended under us (no ACK, transport failure). */
  public void onDialogTerminated(Dialog dialog) {
    if (dialog.getApplicationData() instanceof CallSession s && s.isActive()) {
      s.onCallerLost("dialog-terminated");
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

  // ---- routing ----

  /** The session of call (or call part) {@code callId}, or null. */
  private CallSession session(String callId) {
    CallSession session = calls.get(callId);
    return session != null ? session : parts.get(callId);
  }

  @Override
  public CompletionStage<OfferResult> offer(Offer offer) {
    CallSession session = session(offer.call().callId());
    if (session == null) {
      return CompletableFuture.completedFuture(OfferResult.CALL_GONE);
    }
    return session.offer(offer);
  }

  @Override
  public CompletableFuture<Optional<String>> hangup(String agentId) {
    Optional<CallSession> session = connectedTo(agentId);
    if (session.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    String callId = session.get().call().id();
    return session.get().agentHangsUp(agentId).thenApply(ended -> ended ? Optional.of(callId) : Optional.empty());
  }

  @Override
  public CompletableFuture<ControlResult> hold(String agentId, boolean hold) {
    return connectedTo(agentId).map(s -> s.deskHold(agentId, hold)).orElseGet(() -> not(ControlResult.Status.NOT_ON_A_CALL));
  }

  @Override
  public CompletableFuture<ControlResult> transferToQueue(String agentId, String queue) {
    Optional<CallSession> session = connectedTo(agentId);
    if (session.isEmpty()) {
      return not(ControlResult.Status.NOT_ON_A_CALL);
    }
    return services.acd().snapshot().thenComposeAsync(snapshot -> {
      Optional<CallFlow> wait = snapshot.queues().containsKey(queue) ? entryPoints.queueFlow(queue, session.get().language()) : Optional.empty();
      if (wait.isEmpty()) {
        return not(ControlResult.Status.UNKNOWN_QUEUE);
      }
      return session.get().deskTransferToQueue(agentId, queue, wait.get());
    }, services.pool()); // the ACD's futures complete on its thread: go on off it
  }

  @Override
  public CompletableFuture<ControlResult> transferToAgent(String agentId, String targetAgentId) {
    Optional<CallSession> session = connectedTo(agentId);
    if (session.isEmpty()) {
      return not(ControlResult.Status.NOT_ON_A_CALL);
    }
    if (agentId.equals(targetAgentId)) {
      return not(ControlResult.Status.AGENT_UNAVAILABLE);
    }
    Acd acd = services.acd();
    return acd.reserve(targetAgentId, "transfer").thenComposeAsync(target -> {
      if (target.isEmpty()) {
        return not(ControlResult.Status.AGENT_UNAVAILABLE);
      }
      String queue = session.get().call().queue();
      Optional<CallFlow> back = queue == null ? Optional.empty() : entryPoints.queueFlow(queue, session.get().language());
      return session.get().deskTransferToAgent(agentId, target.get(), back).thenApply(result -> {
        if (!result.isDone()) {
          acd.release(targetAgentId, "transfer-cancelled");
        }
        return result;
      });
    }, services.pool());
  }

  @Override
  public CompletableFuture<ControlResult> dial(String agentId, String number) {
    if (!DialableNumber.isDeskNumber(number)) {
      throw new IllegalArgumentException("not a number to dial: " + number);
    }
    String uri;
    switch (services.trunk().route(DialSite.DESK, agentId, number)) {
      case TrunkRoute.NoTrunk none -> {
        return not(ControlResult.Status.NO_ROUTE);
      }
      case TrunkRoute.Refused(String reason) -> {
        return CompletableFuture.completedFuture(ControlResult.dialNotAllowed(reason));
      }
      case TrunkRoute.Dial(String at) -> uri = at;
    }
    if (!accepting) {
      return not(ControlResult.Status.NOT_AVAILABLE);
    }
    Acd acd = services.acd();
    return acd.reserve(agentId, "dial").thenApplyAsync(agent -> {
      if (agent.isEmpty()) {
        return ControlResult.not(ControlResult.Status.NOT_AVAILABLE);
      }
      CompletableFuture<OfferResult> result = new CompletableFuture<>();
      OutboundSession.Outbound dial = OutboundSession.Outbound.dial(agent.get(), number, uri, services.ringTimeout());
      OutboundSession session = new OutboundSession(services, dial, result, callbacks::remove);
      String callId = session.call().id();
      result.thenAccept(r -> {
        if (r == OfferResult.ANSWERED) {
          acd.directConnected(agentId, null, callId);
        } else {
          acd.release(agentId, r == OfferResult.NOT_ANSWERED ? "dial-not-answered" : "number-not-reached");
        }
      });
      callbacks.add(session);
      session.start();
      return ControlResult.done(callId);
    }, services.pool());
  }

  /** The session whose caller is connected to {@code agentId}. */
  private Optional<CallSession> connectedTo(String agentId) {
    for (CallSession session : calls.values()) {
      if (agentId.equals(session.connectedAgent())) {
        return Optional.of(session);
      }
    }
    return Optional.empty();
  }

  private static CompletableFuture<ControlResult> not(ControlResult.Status why) {
    return CompletableFuture.completedFuture(ControlResult.not(why));
  }

  @Override
  public void giveBack(String callId, QueueExit why) {
    CallSession session = session(callId);
    if (session != null) {
      session.givenBack(why);
    }
  }

  @Override
  public void overflowed(String callId, String from, String to) {
    CallSession session = session(callId);
    if (session != null) {
      session.overflowed(to);
    }
  }

  @Override
  public CompletionStage<OfferResult> callBack(CallbackOffer offer) {
    CompletableFuture<OfferResult> result = new CompletableFuture<>();
    if (!accepting) {
      result.complete(OfferResult.NOT_ANSWERED);
      return result;
    }
    String who = "callback " + offer.request().id();
    TrunkRoute route = services.trunk().route(DialSite.CALLBACK, who, offer.request().number());
    if (!(route instanceof TrunkRoute.Dial(String uri))) {
      // The customer cannot be reached this way: the request fails (after its attempts) and the
      // agent's phone never rings. A refusal is logged by the dial policy's guard.
      if (route instanceof TrunkRoute.NoTrunk) {
        log.info("{}: no trunk to call the customer through", who);
      }
      result.complete(OfferResult.CALL_GONE);
      return result;
    }
    OutboundSession session = new OutboundSession(services, OutboundSession.Outbound.callback(offer, uri), result, callbacks::remove);
    callbacks.add(session);
    session.start();
    return result;
  }

  // ---- lifecycle ----

  /** Calls not yet finished (CDR not yet committed). */
  public Collection<String> activeCallIds() {
    return calls.keySet();
  }

  /**
   * Stops taking calls (new INVITEs get 503), lets live calls go on for {@code grace}, then ends
   * the rest with BYE and waits (bounded) until their CDRs are committed.
   *
   * @return whether every call finished in time
   */
  public boolean drain(Duration grace, Duration cdrWait) throws InterruptedException {
    accepting = false;
    long deadline = System.nanoTime() + grace.toNanos();
    while (!(calls.isEmpty() && callbacks.isEmpty()) && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(100);
    }
    if (!calls.isEmpty() || !callbacks.isEmpty()) {
      log.info("ending {} live call(s) and {} callback(s) for shutdown", calls.size(), callbacks.size());
      calls.values().forEach(s -> s.terminate("shutdown"));
      callbacks.forEach(s -> s.terminate("shutdown"));
    }
    long cdrDeadline = System.nanoTime() + cdrWait.toNanos();
    while (!(calls.isEmpty() && callbacks.isEmpty()) && System.nanoTime() < cdrDeadline) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    return calls.isEmpty() && callbacks.isEmpty();
  }

  private void finished(CallSession session) {
    if (calls.remove(session.sipCallId(), session)) {
      counts.closed(session.sipCallId());
    }
    parts.values().remove(session);
  }

  private static String source(Request request) {
    SIPRequest nist = (SIPRequest) request;
    return nist.getRemoteAddress() == null ? "?" : nist.getRemoteAddress().getHostAddress() + ":" + nist.getRemotePort();
  }
}
