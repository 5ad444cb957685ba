package org.hotline.sip.call;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.hotline.core.acd.Acd;
import org.hotline.core.agent.Agent;
import org.hotline.core.cdr.CallRecorder;
import org.hotline.core.event.EventBus;
import org.hotline.sip.media.MediaServer;
import org.hotline.sip.registrar.LocationService;
import org.hotline.sip.trunk.Trunk;

/**
 * What every call session shares: signalling, media, routing, recording, time.
 *
 * @param pool runs the calls' serial executors (virtual threads)
 * @param timers ring timeouts and the dead-peer watch; tasks hand over to the call's executor at
 *     once
 * @param calls the live calls, by SIP Call-ID, call id and agent
 * @param ringTimeout how long an agent's phone rings
 * @param rtpTimeout how long a caller (or a connected agent) may send no RTP before the call ends;
 *     zero for never
 * @param agents an agent by id, for transfers to an agent
 * @param trunk where numbers are dialled, each one checked by the dial policy first
 */
record CallServices(
    SipMessages messages,
    MediaServer media,
    Acd acd,
    CallRecorder recorder,
    EventBus bus,
    Clock clock,
    Executor pool,
    CallTimers timers,
    CallRegistry calls,
    LocationService locations,
    Duration ringTimeout,
    Duration rtpTimeout,
    CallMetrics metrics,
    Function<String, Optional<Agent>> agents,
    Trunk trunk) {}
