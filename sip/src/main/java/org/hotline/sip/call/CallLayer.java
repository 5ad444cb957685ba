package org.hotline.sip.call;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.hotline.config.AcdSettings;
import org.hotline.config.IvrSettings;
import org.hotline.core.acd.Acd;
import org.hotline.core.acd.AgentConnector;
import org.hotline.core.acd.CallbackOffer;
import org.hotline.core.acd.OfferResult;
import org.hotline.core.agent.Agent;
import org.hotline.core.call.CallControl;
import org.hotline.core.cdr.CallRecorder;
import org.hotline.core.event.EventBus;
import org.hotline.core.flow.EntryPoints;
import org.hotline.sip.feature.FeatureCodes;
import org.hotline.sip.guard.CallCounts;
import org.hotline.sip.media.MediaServer;
import org.hotline.sip.registrar.LocationService;
import org.hotline.sip.stack.SipServer;
import org.hotline.sip.trunk.Trunk;

/**
 * The call layer, built in one go: the {@link CallRegistry}, the ACD with its {@link AcdConnector},
 * the {@link CallRouter} the SIP dispatcher calls and the {@link DeskCallControl} the agent desktop
 * calls. It also drains the calls on shutdown.
 *
 * <p>The ACD and the call layer call each other. The connector is built first, from the registry
 * alone, and the ACD from it (through {@code acdFor}); the services the calls share are built next,
 * with that ACD. The one way back, from the connector's callbacks to the calls this layer places,
 * is {@link #callBack}: the ACD serves a callback only to an agent, and agents join it only once
 * this constructor has returned.
 */
public final class CallLayer {
  /**
   * The call layer's settings.
   *
   * @param ivr the prompts' language of a new call
   * @param acd how long an agent's phone rings
   * @param rtpTimeout how long a leg may send no RTP before the call ends; zero for never
   */
  public record Settings(IvrSettings ivr, AcdSettings acd, Duration rtpTimeout) {}

  /**
   * What the calls run on.
   *
   * @param pool runs the calls' serial executors and flows (virtual threads)
   * @param timers ring timeouts and the dead-peer watch
   */
  public record Runtime(
      EventBus bus,
      Clock clock,
      Executor pool,
      ScheduledExecutorService timers,
      MeterRegistry metrics) {}

  private final CallRegistry calls;
  private final Clock clock;
  private final Acd acd;
  private final OutboundCalls outbound;
  private final CallRouter router;
  private final DeskCallControl desk;

  /**
   * @param recorder stores each call's CDR
   * @param counts the SIP guard's count of calls by source address
   * @param agents an agent by id, for transfers to an agent
   * @param trunk where numbers are dialled (click-to-call, callbacks, transfers to a number), each
   *     one checked by the dial policy first
   * @param acdFor builds the ACD that routes the calls, given the connector it rings agents through
   * @param featureCodesFor the feature codes agents may dial, given the ACD they act on
   */
  public CallLayer(
      Settings settings,
      SipServer sip,
      MediaServer media,
      EntryPoints entryPoints,
      LocationService locations,
      CallRecorder recorder,
      CallCounts counts,
      Runtime runtime,
      Function<String, Optional<Agent>> agents,
      Trunk trunk,
      Function<AgentConnector, Acd> acdFor,
      Function<Acd, FeatureCodes> featureCodesFor) {
    this.calls = new CallRegistry(counts);
    this.clock = runtime.clock();
    this.acd = acdFor.apply(new AcdConnector(calls, this::callBack));
    CallMetrics metrics = new CallMetrics(runtime.metrics());
    runtime.metrics().gauge("hotline.calls.active", calls, CallRegistry::size);
    CallServices services =
        new CallServices(
            new SipMessages(sip),
            media,
            acd,
            recorder,
            runtime.bus(),
            runtime.clock(),
            runtime.pool(),
            CallTimers.on(runtime.timers()),
            calls,
            locations,
            settings.acd().ringTimeout(),
            settings.rtpTimeout(),
            metrics,
            agents,
            trunk);
    this.outbound = new OutboundCalls(services);
    InviteIntake intake =
        new InviteIntake(services, entryPoints, settings.ivr(), featureCodesFor.apply(acd));
    this.router = new CallRouter(sip, calls, metrics, intake, runtime.pool());
    this.desk = new DeskCallControl(services, entryPoints, outbound);
  }

  private CompletionStage<OfferResult> callBack(CallbackOffer offer) {
    return outbound.callBack(offer);
  }

  /** The ACD that routes the calls. */
  public Acd acd() {
    return acd;
  }

  /** What the SIP dispatcher hands requests, responses and timeouts to. */
  public CallRouter router() {
    return router;
  }

  /** What agents' desktops do to their calls. */
  public CallControl deskControl() {
    return desk;
  }

  /** Calls not yet finished (CDR not yet committed), by SIP Call-ID. */
  public Collection<String> activeCallIds() {
    return calls.sipCallIds();
  }

  /**
   * Stops taking calls (new INVITEs get 503), lets live calls go on for {@code grace}, then ends
   * the rest with BYE and waits (bounded) until their CDRs are committed.
   *
   * @return whether every call finished in time
   */
  public boolean drain(Duration grace, Duration cdrWait) throws InterruptedException {
    return calls.drain(clock, grace, cdrWait);
  }
}
