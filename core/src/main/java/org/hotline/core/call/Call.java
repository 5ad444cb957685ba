package org.hotline.core.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One customer interaction and what happened to it. A call is owned by its session's serial
 * executor: only that executor changes it, so it needs no locks; others read it through events and
 * the CDR made from it at the end.
 */
public final class Call {
  private final String id;
  private final String callerNumber;
  private final String callerName;
  private final String dialedNumber;
  private final Instant arrivedAt;
  private Instant answeredAt;
  private Instant queuedAt;
  private Instant offeredAt;
  private Instant connectedAt;
  private Instant endedAt;
  private String ivrChoice;
  private String queue;
  private String agentId;
  private CallOutcome outcome;
  private String hangupCause;
  private Instant heldSince;
  private Duration held = Duration.ZERO;

  public Call(
      String id, String callerNumber, String callerName, String dialedNumber, Instant arrivedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.callerNumber = callerNumber == null ? "" : callerNumber;
    this.callerName = callerName == null ? "" : callerName;
    this.dialedNumber = dialedNumber == null ? "" : dialedNumber;
    this.arrivedAt = Objects.requireNonNull(arrivedAt, "arrivedAt");
  }

  public String id() {
    return id;
  }

  public String callerNumber() {
    return callerNumber;
  }

  public String callerName() {
    return callerName;
  }

  public String dialedNumber() {
    return dialedNumber;
  }

  public Instant arrivedAt() {
    return arrivedAt;
  }

  public Instant answeredAt() {
    return answeredAt;
  }

  public Instant queuedAt() {
    return queuedAt;
  }

  public Instant offeredAt() {
    return offeredAt;
  }

  public Instant connectedAt() {
    return connectedAt;
  }

  public Instant endedAt() {
    return endedAt;
  }

  public String ivrChoice() {
    return ivrChoice;
  }

  public String queue() {
    return queue;
  }

  public String agentId() {
    return agentId;
  }

  public CallOutcome outcome() {
    return outcome;
  }

  public String hangupCause() {
    return hangupCause;
  }

  /** The IVR answered the call. */
  public void answered(Instant at) {
    this.answeredAt = at;
  }

  /** Longest IVR path kept (the CDR column's width); older choices are dropped first. */
  public static final int MAX_IVR_PATH = 32;

  /**
   * The caller made {@code choice} in an IVR menu. Choices add up to the path through the menus,
   * {@code 2>1} for key 2 then key 1, keeping the latest {@value #MAX_IVR_PATH} characters.
   */
  public void chose(String choice) {
    String path = ivrChoice == null ? choice : ivrChoice + ">" + choice;
    while (path.length() > MAX_IVR_PATH && path.indexOf('>') >= 0) {
      path = path.substring(path.indexOf('>') + 1);
    }
    this.ivrChoice = path.length() > MAX_IVR_PATH ? path.substring(0, MAX_IVR_PATH) : path;
  }

  /** The call joined {@code queueName}. */
  public void queued(String queueName, Instant at) {
    this.queue = queueName;
    this.queuedAt = at;
  }

  /**
   * The call moved to the overflow queue {@code queueName}; its wait counts from when it first
   * joined a queue.
   */
  public void overflowedTo(String queueName) {
    this.queue = queueName;
  }

  /** The call was offered to {@code agent} (their phone rings). */
  public void offered(String agent, Instant at) {
    this.agentId = agent;
    this.offeredAt = at;
  }

  /** The agent answered. */
  public void connected(String agent, Instant at) {
    this.agentId = agent;
    this.connectedAt = at;
  }

  public boolean isEnded() {
    return endedAt != null;
  }

  /** The caller was put on hold (or taken off it): hold time adds up until the call ends. */
  public void held(boolean onHold, Instant at) {
    if (onHold && heldSince == null) {
      heldSince = at;
    } else if (!onHold && heldSince != null) {
      held = held.plus(Duration.between(heldSince, at));
      heldSince = null;
    }
  }

  /** Whether the caller is on hold now. */
  public boolean isHeld() {
    return heldSince != null;
  }

  /** The call ended; the first end wins, later ones are ignored. */
  public void ended(Instant at, CallOutcome how, String cause) {
    if (endedAt != null) {
      return;
    }
    held(false, at);
    this.endedAt = at;
    this.outcome = how;
    this.hangupCause = cause;
  }

  /**
   * Seconds from joining the queue to being connected, or to the end when never connected; 0 when
   * never queued.
   */
  public long waitSeconds() {
    if (queuedAt == null) {
      return 0;
    }
    Instant until = connectedAt != null ? connectedAt : endedAt;
    return until == null ? 0 : Math.max(0, Duration.between(queuedAt, until).toSeconds());
  }

  /** Seconds on hold while connected (a part of {@link #talkSeconds}). */
  public long holdSeconds() {
    return Math.max(0, held.toSeconds());
  }

  /** Seconds connected to an agent. */
  public long talkSeconds() {
    if (connectedAt == null || endedAt == null) {
      return 0;
    }
    return Math.max(0, Duration.between(connectedAt, endedAt).toSeconds());
  }
}
