package org.hotline.ivr.fake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hotline.core.flow.ActiveCall;
import org.hotline.core.flow.QueuePlace;
import org.hotline.core.flow.TransferResult;
import org.hotline.core.flow.TransferTarget;
import org.hotline.core.time.ManualClock;

/**
 * An answered call for flow tests: it writes what the flow did with it (and with its {@link
 * FakeMediaSession}) to one ordered log, like {@code ["play welcome", "key 1", "chose 1", "enqueue
 * sales 5", "play please-hold", "loop moh", "key @", "agent answers"]}.
 */
public final class FakeCall implements ActiveCall {
  private final List<String> log = new ArrayList<>();
  private final FakeMediaSession media;
  private final List<String> choices = new ArrayList<>();
  private final List<String> hangups = new ArrayList<>();
  private final List<String> languages = new ArrayList<>();
  private final Deque<QueuePlace> places = new ArrayDeque<>();
  private FakeQueueWait queueWait;
  private boolean active = true;
  private boolean agentFree;
  private String callerNumber = "+8613800138000";
  private TransferResult transferResult = TransferResult.CONNECTED;

  /** A call whose media does not move a clock. */
  public FakeCall() {
    this(null);
  }

  /** A call whose media moves {@code clock} on by each digit timeout that passes. */
  public FakeCall(ManualClock clock) {
    media = new FakeMediaSession(log, this::callerHangsUp, this::agentAnswers, clock);
  }

  /** What the flow did, in order. */
  public List<String> log() {
    return log;
  }

  /** Every {@link #chose} call. */
  public List<String> choices() {
    return choices;
  }

  /** The causes of every server-side {@link #hangup}. */
  public List<String> hangups() {
    return hangups;
  }

  /** Every language the flow told the call. */
  public List<String> languages() {
    return languages;
  }

  /** The caller's number as received ({@code anonymous} for a withheld one). */
  public FakeCall from(String number) {
    callerNumber = number;
    return this;
  }

  /** What successive {@link QueueWait#place()} calls answer while the call waits. */
  public FakeCall places(QueuePlace... scripted) {
    places.addAll(List.of(scripted));
    return this;
  }

  /** An agent is free: they answer as soon as the call joins a queue. */
  public FakeCall agentFree() {
    agentFree = true;
    return this;
  }

  /** How transfers end. */
  public FakeCall transfers(TransferResult result) {
    transferResult = result;
    return this;
  }

  /** The wait of the last {@link #enqueue}, or null. */
  public FakeQueueWait queueWait() {
    return queueWait;
  }

  /** The caller hangs up now. */
  public void callerHangsUp() {
    active = false;
    media.close();
    log.add("caller hangs up");
    if (queueWait != null) {
      queueWait.callEnded();
    }
  }

  private void agentAnswers() {
    if (queueWait != null) {
      queueWait.agentAnswers();
    }
  }

  @Override
  public String id() {
    return "call-1";
  }

  @Override
  public String callerNumber() {
    return callerNumber;
  }

  @Override
  public String dialedNumber() {
    return "100";
  }

  @Override
  public FakeMediaSession media() {
    return media;
  }

  @Override
  public void chose(String choice) {
    choices.add(choice);
    log.add("chose " + choice);
  }

  @Override
  public FakeQueueWait enqueue(String queue, int priority) {
    log.add("enqueue " + queue + " " + priority);
    queueWait = new FakeQueueWait(queue, log, places);
    if (!active) {
      queueWait.callEnded();
    } else if (agentFree) {
      queueWait.agentAnswers();
    }
    return queueWait;
  }

  @Override
  public CompletableFuture<TransferResult> transfer(TransferTarget target) {
    String to =
        switch (target) {
          case TransferTarget.Agent agent -> "agent:" + agent.agentId();
          case TransferTarget.Number number -> "number:" + number.number();
        };
    log.add("transfer " + to + " " + transferResult);
    return CompletableFuture.completedFuture(transferResult);
  }

  @Override
  public void language(String language) {
    languages.add(language);
    log.add("language " + language);
  }

  @Override
  public void hangup(String cause) {
    hangups.add(cause);
    active = false;
    media.close();
    log.add("hangup " + cause);
    if (queueWait != null) {
      queueWait.callEnded();
    }
  }

  @Override
  public boolean isActive() {
    return active;
  }
}
