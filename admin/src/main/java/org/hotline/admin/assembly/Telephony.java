package org.hotline.admin.assembly;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import org.hotline.config.HotlineConfig;
import org.hotline.core.acd.Acd;
import org.hotline.core.acd.AcdPolicy;
import org.hotline.core.agent.Agent;
import org.hotline.core.audit.AuditEntry;
import org.hotline.core.audit.AuditWriter;
import org.hotline.ivr.flows.Flows;
import org.hotline.sip.SipDispatcher;
import org.hotline.sip.auth.CredentialCache;
import org.hotline.sip.auth.DigestAuthenticator;
import org.hotline.sip.auth.NonceService;
import org.hotline.sip.call.CallLayer;
import org.hotline.sip.feature.FeatureCodes;
import org.hotline.sip.guard.Admission;
import org.hotline.sip.guard.SipGuard;
import org.hotline.sip.media.MediaServer;
import org.hotline.sip.media.PromptLibrary;
import org.hotline.sip.registrar.LocationService;
import org.hotline.sip.registrar.Registrar;
import org.hotline.sip.registrar.RegistrationEvents;
import org.hotline.sip.stack.MalformedMetrics;
import org.hotline.sip.stack.SipServer;
import org.hotline.sip.trunk.Trunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The telephone side: RTP media, the SIP stack and its guard, the registrar, the call layer and the
 * ACD it offers calls through, which knows every agent, follows their phones ({@link AgentPhones})
 * and serves the callbacks callers ask for ({@link AcdCallbacks}). {@link #open} builds them (media
 * listens at once); {@link #listen} opens the SIP ports, last of all, once everything a call needs
 * runs.
 */
public record Telephony(
    MediaServer media,
    SipServer sip,
    SipGuard guard,
    LocationService locations,
    CredentialCache credentials,
    Registrar registrar,
    CallLayer calls,
    AgentPhones phones) {
  private static final Logger log = LoggerFactory.getLogger(Telephony.class);

  /**
   * @param advertised the host peers reach this node at, in SDP and Contact headers
   */
  public static Telephony open(
      Node node, DataLayer data, SecurityLayer security, Flows flows, String advertised)
      throws Exception {
    HotlineConfig config = node.config();
    String rtpHost = config.rtp().host().isEmpty() ? config.sip().host() : config.rtp().host();
    MediaServer media =
        new MediaServer(
            config.rtp(), rtpHost, new PromptLibrary(config.ivr().promptsDir()), node.metrics());
    media.start();
    try {
      return sipAndCalls(node, data, security, flows, advertised, media);
    } catch (Exception | Error e) {
      // A start that fails here leaves no RTP port bound.
      media.close();
      throw e;
    }
  }

  /** The SIP side, the call layer and its ACD, around media that already listens. */
  private static Telephony sipAndCalls(
      Node node,
      DataLayer data,
      SecurityLayer security,
      Flows flows,
      String advertised,
      MediaServer media)
      throws Exception {
    HotlineConfig config = node.config();
    var clock = node.clock();
    SipServer sip = new SipServer(config.sip(), config.sipGuard(), advertised);
    sip.setMalformedListener(new MalformedMetrics(node.metrics()));
    node.metrics().gauge("hotline.sip.intake.depth", sip, SipServer::intakeDepth);
    node.metrics().gauge("hotline.sip.server.transactions", sip, SipServer::serverTransactions);
    AuditWriter banAudit = new AuditWriter(data.audit(), node.database().writes());
    SipGuard guard =
        new SipGuard(
            config.sipGuard(),
            clock,
            System::nanoTime,
            node.metrics(),
            ban ->
                banAudit.write(
                    new AuditEntry(
                        0,
                        ban.since(),
                        "sip-guard",
                        "system",
                        "SIP ban",
                        ban.address(),
                        ban.address(),
                        ban.reason() + "; until " + ban.until())));
    sip.guardWith(guard, new Admission(guard, sip));

    // Registrations are published on the bus; AgentPhones tells the ACD of its agents' phones.
    LocationService locations =
        new LocationService(clock, new RegistrationEvents(node.bus(), clock));
    String realm = config.sip().realm();
    CredentialCache credentials = new CredentialCache(realm, () -> data.agents().ha1s(realm));
    DigestAuthenticator digest =
        new DigestAuthenticator(
            sip,
            config.sip(),
            credentials,
            new NonceService(clock, config.sip().nonceTtl()),
            guard::authFailed);
    Registrar registrar =
        new Registrar(sip, config.sip(), digest, locations, clock, node.metrics());
    sip.answerStatelessly(Request.REGISTER, registrar::answer);

    CallLayer calls =
        new CallLayer(
            new CallLayer.Settings(config.ivr(), config.acd(), config.rtp().timeout()),
            sip,
            media,
            flows,
            locations,
            data.cdrWriter(),
            guard.calls(),
            new CallLayer.Runtime(node.bus(), clock, node.calls(), node.timers(), node.metrics()),
            data.agents()::byId,
            new Trunk(config.sip().trunk(), security.dialing()),
            connector ->
                new Acd(
                    node.acdThread(),
                    clock,
                    connector,
                    node.bus(),
                    node.metrics(),
                    Duration.ofSeconds(3),
                    AcdPolicy.from(config.acd(), data.queueSettings().all()),
                    data.callbacks(),
                    node.database().writes()),
            acd ->
                new FeatureCodes(
                    config.sip().featureCodes(), digest, data.agents()::bySipUser, acd));
    if (config.sip().trunk().isPresent()) {
      log.info(
          "dialling out through {}, to the numbers hotline.dial.allow allows: {}",
          config.sip().trunk().get(),
          security.dialing().policy().rules());
    } else {
      log.info("no trunk (hotline.sip.trunk): no number is dialled out");
    }
    // The ACD learns every agent, follows their phones and serves the callbacks asked for.
    Acd acd = calls.acd();
    List<Agent> agents = data.agents().all();
    AgentPhones phones = new AgentPhones(node.bus(), acd, agents);
    agents.forEach(acd::addAgent);
    AcdCallbacks.follow(node.bus(), acd, data.callbacks());
    return new Telephony(media, sip, guard, locations, credentials, registrar, calls, phones);
  }

  /** The ACD, which the call layer offers calls through. */
  public Acd acd() {
    return calls.acd();
  }

  /** Opens the SIP ports, and starts the guard's and the registrar's clean-ups. */
  public void listen(Node node) throws Exception {
    sip.start(new SipDispatcher(sip, calls.router(), node.metrics()));
    node.timers().scheduleAtFixedRate(guard::purge, 1, 1, TimeUnit.MINUTES);
    node.timers().scheduleAtFixedRate(locations::expire, 1, 1, TimeUnit.SECONDS);
  }
}
