package org.hotline.ivr.verb;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.hotline.core.flow.QueuePlace;
import org.hotline.core.flow.QueueWait;
import org.hotline.ivr.speech.NumberSpeaker;
import org.hotline.ivr.speech.WaitSpeaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code enqueue} verb: puts the call in a queue at once (routing starts while the caller hears
 * the hold prompt) and keeps the caller company until an agent answers: music on hold, and every
 * {@code announceEvery} their place ("you are caller number 3", "your estimated wait is about 2
 * minutes") followed by the music again.
 *
 * <p>While waiting it reacts to whichever comes first: the agent answering (the verb ends and plays
 * nothing more, the call belongs to the agent's bridge), the caller hanging up, the leave key, or
 * the next announcement. Other keys are ignored. The leave key takes the call out of the queue and
 * runs the {@code leave} branch (voicemail, callback) with variables {@value #QUEUE}, {@value
 * #QUEUED_AT} and {@value #PRIORITY} set, so a callback keeps the caller's place; if an agent
 * answered first, the key is too late and the call stays connected. A queue that gives the call
 * back while the caller is still there (it closed, the wait ran out) ends the wait too: the flow
 * goes on with the next verb, or hangs up when there is none, so the caller is never left in
 * silence.
 *
 * @param queue the queue ({@code sales})
 * @param priority lower is served first (0 = VIP)
 * @param options what the caller hears and the leave key
 * @param leave runs when the caller leaves with the leave key
 */
public record EnqueueVerb(String queue, int priority, QueueOptions options, Verb leave)
    implements Verb {
  private static final Logger log = LoggerFactory.getLogger(EnqueueVerb.class);

  /** Variable set on leaving: the queue left. */
  public static final String QUEUE = "queue";

  /** Variable set on leaving: when the call joined the queue (ISO-8601 instant). */
  public static final String QUEUED_AT = "queued-at";

  /** Variable set on leaving: the call's priority in the queue. */
  public static final String PRIORITY = "priority";

  /** "You are caller number" (您现在排在第). */
  public static final String POSITION_PROMPT = "you-are-caller-number";

  /** Ends the position sentence: "in the queue" (位). */
  public static final String POSITION_END_PROMPT = "caller-number-end";

  /** "Your estimated wait is" (您的预计等待时间为). */
  public static final String WAIT_PROMPT = "estimated-wait";

  /**
   * The longest wait for a key when there are no announcements; the caller's hangup or an agent
   * ends it sooner.
   */
  static final Duration IDLE_WAIT = Duration.ofMinutes(10);

  public EnqueueVerb {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(leave, "leave");
  }

  /** Enqueues in {@code queue} at {@code priority} with the hold prompt and music, nothing else. */
  public EnqueueVerb(String queue, int priority) {
    this(queue, priority, QueueOptions.DEFAULT, Sequence.of());
  }

  @Override
  public Outcome execute(FlowContext ctx) throws InterruptedException {
    log.info("enqueue in {} at priority {}", queue, priority);
    QueueWait wait = ctx.call().enqueue(queue, priority);
    CompletableFuture<Boolean> connected = wait.connected();
    boolean bargeIn = options.leaveKey().isPresent();
    if (!say(ctx, connected, greeting(), bargeIn)) {
      return ended(ctx, connected);
    }
    ctx.media().loop(ctx.prompt(options.music()));
    Instant nextAnnouncement = ctx.services().clock().instant().plus(options.announceEvery());
    while (true) {
      Duration untilAnnouncement =
          options.announces()
              ? Duration.between(ctx.services().clock().instant(), nextAnnouncement)
              : IDLE_WAIT;
      if (untilAnnouncement.isNegative() || untilAnnouncement.isZero()) {
        switch (announce(ctx, wait, connected, bargeIn)) {
          case ENDED -> {
            return ended(ctx, connected);
          }
          case SAID -> ctx.media().loop(ctx.prompt(options.music()));
          case NOTHING -> {} // the music plays on
        }
        nextAnnouncement = ctx.services().clock().instant().plus(options.announceEvery());
        continue;
      }
      CompletableFuture<Optional<Character>> key = ctx.media().nextDigit(untilAnnouncement);
      ctx.await(CompletableFuture.anyOf(connected, key));
      if (connected.isDone() || !ctx.isActive()) {
        key.cancel(
            false); // a media layer that honours it drops the waiter; the digit stays buffered
        return ended(ctx, connected);
      }
      Optional<Character> pressed = ctx.await(key);
      if (pressed.isEmpty() && !ctx.media().isOpen()) {
        return ended(ctx, connected); // the session closed under the wait: waiting again would spin
      }
      if (pressed.isPresent() && pressed.equals(options.leaveKey())) {
        log.info("leave key {} in queue {}", pressed.get(), queue);
        if (ctx.await(wait.leave())) {
          return left(ctx, wait);
        }
        log.info("leave key too late: the call no longer waits in {}", queue);
      } else if (pressed.isPresent()) {
        log.debug("key {} ignored while waiting in {}", pressed.get(), queue);
      }
    }
  }

  private List<String> greeting() {
    List<String> prompts = new ArrayList<>(List.of(options.holdPrompt()));
    options.leavePrompt().ifPresent(prompts::add);
    return prompts;
  }

  /** What an announcement did. */
  private enum Announcement {
    /** The caller heard their place. */
    SAID,
    /** Nothing to say: the call no longer waits (an agent's phone rings for it). */
    NOTHING,
    /** The agent answered or the caller hung up, before or during it. */
    ENDED
  }

  /** Tells the caller their place. */
  private Announcement announce(
      FlowContext ctx, QueueWait wait, CompletableFuture<Boolean> connected, boolean bargeIn)
      throws InterruptedException {
    QueuePlace place = ctx.await(wait.place());
    if (connected.isDone() || !ctx.isActive()) {
      return Announcement.ENDED;
    }
    if (place.position() == 0) {
      return Announcement.NOTHING;
    }
    List<String> prompts = new ArrayList<>();
    if (options.announcePosition()) {
      prompts.add(POSITION_PROMPT);
      prompts.addAll(
          NumberSpeaker.say(Math.min(place.position(), NumberSpeaker.MAX), ctx.language()));
      prompts.add(POSITION_END_PROMPT);
    }
    if (options.announceWait() && place.estimatedWait().isPresent()) {
      prompts.add(WAIT_PROMPT);
      prompts.addAll(WaitSpeaker.say(place.estimatedWait().get(), ctx.language()));
    }
    if (prompts.isEmpty()) {
      return Announcement.NOTHING;
    }
    log.info(
        "queue {}: caller number {} of {}, estimated wait {}",
        queue,
        place.position(),
        place.waiting(),
        place.estimatedWait().map(Duration::toString).orElse("unknown"));
    options.leavePrompt().ifPresent(prompts::add);
    return say(ctx, connected, prompts, bargeIn) ? Announcement.SAID : Announcement.ENDED;
  }

  /**
   * Plays {@code prompts} one by one while the call still waits; false as soon as the agent
   * answered or the caller hung up. A key pressed during them stops the prompt when {@code
   * bargeIn}, and is read by the wait that follows.
   */
  private static boolean say(
      FlowContext ctx, CompletableFuture<Boolean> connected, List<String> prompts, boolean bargeIn)
      throws InterruptedException {
    for (String prompt : prompts) {
      if (connected.isDone() || !ctx.isActive()) {
        return false;
      }
      ctx.await(ctx.media().play(ctx.prompt(prompt), bargeIn));
    }
    return !connected.isDone() && ctx.isActive();
  }

  private Outcome ended(FlowContext ctx, CompletableFuture<Boolean> connected) {
    boolean agent = connected.isDone() && !connected.isCompletedExceptionally() && connected.join();
    if (agent) {
      log.info("connected to an agent from {}", queue);
      return Outcome.END;
    }
    if (ctx.isActive() && ctx.media().isOpen()) {
      log.info("queue {} gave the call back; the flow goes on", queue);
      ctx.media().stopPlayback();
      return Outcome.CONTINUE;
    }
    log.info("call left queue {}", queue);
    return Outcome.END;
  }

  private Outcome left(FlowContext ctx, QueueWait wait) throws InterruptedException {
    ctx.media().stopPlayback();
    ctx.variables().put(QUEUE, wait.queue());
    ctx.variables().put(QUEUED_AT, wait.queuedAt().toString());
    ctx.variables().put(PRIORITY, Integer.toString(priority));
    return leave.execute(ctx);
  }

  @Override
  public Set<String> promptNames() {
    Set<String> names = new LinkedHashSet<>(List.of(options.holdPrompt(), options.music()));
    options.leavePrompt().ifPresent(names::add);
    if (options.announcePosition()) {
      names.addAll(List.of(POSITION_PROMPT, POSITION_END_PROMPT));
      names.addAll(NumberSpeaker.promptNames());
    }
    if (options.announceWait()) {
      names.add(WAIT_PROMPT);
      names.addAll(WaitSpeaker.promptNames());
    }
    names.addAll(leave.promptNames());
    return names;
  }
}
