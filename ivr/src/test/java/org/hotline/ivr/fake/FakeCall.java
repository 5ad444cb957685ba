package org.hotline.ivr.fake;

import org.hotline.core.media.Prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hotline.core.flow.ActiveCall;

/**
 * An answered call for flow tests: it writes what the flow did with it (and with its {@link
 * FakeMediaSession}) to one ordered log, like {@code ["play welcome", "key 1",
 * "chose 1", "enqueue sales 5"]}.
 */
public final class FakeCall implements ActiveCall {
  private final List<String> log = new ArrayList<>();
  private final FakeMediaSession media = new FakeMediaSession(log, this::callerHangsUp);
  private final List<String> choices = new ArrayList<>();
  private final List<String> hangups = new ArrayList<>();
  private boolean active = true;
  private boolean agentAnswers = true;

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

  /** Makes {@link #enqueue} complete with false: the caller leaves the queue. */
  public FakeCall callerLeavesQueue() {
    agentAnswers = false;
    return this;
  }

  /** The caller hangs up now. */
  public void callerHangsUp() {
    active = false;
    media.close();
    log.add("caller hangs up");
  }

  @Override
  public String id() {
    return "call-1";
  }

  @Override
  public String callerNumber() {
    return "+8613800138000";
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
  public CompletableFuture<Boolean> enqueue(String queue, int priority, Optional<Prompt> announcement) {
    log.add("enqueue " + queue + " " + priority);
    announcement.ifPresent(p -> media.play(p, false));
    if (!active) {
      return CompletableFuture.completedFuture(false);
    }
    if (!agentAnswers) {
      callerHangsUp();
    }
    return CompletableFuture.completedFuture(agentAnswers);
  }

  @Override
  public void hangup(String cause) {
    hangups.add(cause);
    active = false;
    media.close();
    log.add("hangup " + cause);
  }

  @Override
  public boolean isActive() {
    return active;
  }
}
