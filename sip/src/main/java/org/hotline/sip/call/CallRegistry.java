package org.hotline.sip.call;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.hotline.sip.guard.CallCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live calls, found three ways: an inbound call by its caller leg's SIP Call-ID (CANCEL, the
 * drain), by call id, which a desktop transfer's later parts change ({@code <Call-ID>#2}: the ACD
 * and the desktop know the call so), and by the agent it is connected to (the desktop's hang up,
 * hold and transfer). The calls placed for agents (callbacks, click-to-call) are kept beside them
 * for the drain.
 *
 * <p>A session tells the registry when it connects an agent, when the agent leaves it (desktop
 * transfer, end) and when it has finished; every index changes there and nowhere else. Safe from
 * any thread. Inbound calls are counted by source address for the SIP guard while they live.
 */
final class CallRegistry {
  private static final Logger log = LoggerFactory.getLogger(CallRegistry.class);

  private final CallCounts counts;
  private volatile boolean accepting = true;
  private final Map<String, CallSession> bySipCallId = new ConcurrentHashMap<>();
  private final Map<String, CallSession> byCallId = new ConcurrentHashMap<>();
  private final Map<String, CallSession> byAgent = new ConcurrentHashMap<>();
  private final Set<OutboundSession> outbound = ConcurrentHashMap.newKeySet();

  CallRegistry(CallCounts counts) {
    this.counts = counts;
  }

  /** Whether new calls are taken: not once the node drains. */
  boolean isAccepting() {
    return accepting;
  }

  /** Takes no new call from now on (shutdown). */
  void stopAccepting() {
    accepting = false;
  }

  /**
   * A new inbound call, known by its SIP Call-ID, which is its first part's id.
   *
   * @param source where its INVITE came from, or null when unknown
   */
  void added(CallSession session, InetAddress source) {
    bySipCallId.put(session.sipCallId(), session);
    byCallId.put(session.sipCallId(), session);
    if (source != null) {
      counts.opened(session.sipCallId(), source);
    }
  }

  /** The call went on as a new part, {@code partId}. */
  void partStarted(String partId, CallSession session) {
    byCallId.put(partId, session);
  }

  /** The call's caller now talks to {@code agentId}. */
  void agentConnected(String agentId, CallSession session) {
    byAgent.put(agentId, session);
  }

  /** {@code agentId} is no longer on the call (hung up, transferred it). */
  void agentLeft(String agentId, CallSession session) {
    byAgent.remove(agentId, session);
  }

  /**
   * The call is finished: it is no longer found any way.
   *
   * @return whether it was still registered under its SIP Call-ID
   */
  boolean finished(CallSession session) {
    byAgent.values().remove(session);
    byCallId.values().removeIf(s -> s == session);
    boolean removed = bySipCallId.remove(session.sipCallId(), session);
    if (removed) {
      counts.closed(session.sipCallId());
    }
    return removed;
  }

  void added(OutboundSession session) {
    outbound.add(session);
  }

  void finished(OutboundSession session) {
    outbound.remove(session);
  }

  Optional<CallSession> bySipCallId(String sipCallId) {
    return Optional.ofNullable(bySipCallId.get(sipCallId));
  }

  /** The call whose current (or an earlier) part is {@code callId}. */
  Optional<CallSession> byCallId(String callId) {
    return Optional.ofNullable(byCallId.get(callId));
  }

  /** The call {@code agentId} is connected to. */
  Optional<CallSession> byAgent(String agentId) {
    return Optional.ofNullable(byAgent.get(agentId));
  }

  /** The SIP Call-IDs of the inbound calls not yet finished. */
  Collection<String> sipCallIds() {
    return bySipCallId.keySet();
  }

  Collection<CallSession> calls() {
    return bySipCallId.values();
  }

  Collection<OutboundSession> outbound() {
    return outbound;
  }

  /** Inbound calls not yet finished. */
  int size() {
    return bySipCallId.size();
  }

  /** Whether no call, inbound or placed, is live. */
  boolean isEmpty() {
    return bySipCallId.isEmpty() && outbound.isEmpty();
  }

  /**
   * Stops taking calls, lets live calls go on until {@code grace} has passed on {@code clock}, then
   * ends the rest with BYE and waits until their CDRs are committed, or {@code cdrWait} has passed.
   *
   * @return whether every call finished in time
   */
  boolean drain(Clock clock, Duration grace, Duration cdrWait) throws InterruptedException {
    stopAccepting();
    waitUntilEmpty(clock, clock.instant().plus(grace), 100);
    if (!isEmpty()) {
      log.info("ending {} live call(s) and {} callback(s) for shutdown", size(), outbound.size());
      calls().forEach(s -> s.ending().terminate("shutdown"));
      outbound.forEach(s -> s.terminate("shutdown"));
    }
    waitUntilEmpty(clock, clock.instant().plus(cdrWait), 50);
    return isEmpty();
  }

  /**
   * Polls until no call is left or the clock passes {@code deadline}; bounded also by the number of
   * polls the wait allows, so a clock that stands still (a test's) cannot hold the shutdown.
   */
  private void waitUntilEmpty(Clock clock, Instant deadline, long pollMillis)
      throws InterruptedException {
    long polls =
        Math.max(1, Duration.between(clock.instant(), deadline).toMillis() / pollMillis + 1);
    for (long i = 0; i < polls && !isEmpty() && clock.instant().isBefore(deadline); i++) {
      TimeUnit.MILLISECONDS.sleep(pollMillis);
    }
  }
}
