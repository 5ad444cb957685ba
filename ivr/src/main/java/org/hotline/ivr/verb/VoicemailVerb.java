package org.hotline.ivr.verb;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hotline.core.media.Recording;
import org.hotline.core.voicemail.Voicemail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code voicemail} verb: invites the caller to leave a message, beeps, records until a finish
 * key, {@code maxLength}, {@code maxSilence} or the caller hangs up, and lists the message in
 * mailbox {@code box}. Then it thanks the caller and hangs up ({@value #CAUSE}).
 *
 * <p>A recording under {@link #MIN_LENGTH} holds no message and is not listed (the caller hears
 * goodbye instead of thanks). A message left by hanging up is kept. When the recording or listing
 * fails the caller hears that no one is available; the file, if written, stays in the voicemail
 * folder.
 *
 * @param box the mailbox ({@code general}, {@code after-hours})
 * @param introPrompt the invitation ({@code voicemail-intro})
 * @param beepPrompt the tone before recording ({@code beep})
 * @param thanksPrompt said after a message was kept ({@code voicemail-saved})
 * @param maxLength the longest message
 * @param maxSilence silence after speech that ends the message; {@link Duration#ZERO}: off
 * @param finishKeys keys that end the message ({@code #})
 */
public record VoicemailVerb(
    String box,
    String introPrompt,
    String beepPrompt,
    String thanksPrompt,
    Duration maxLength,
    Duration maxSilence,
    String finishKeys)
    implements Verb {
  private static final Logger log = LoggerFactory.getLogger(VoicemailVerb.class);

  /** The hangup cause recorded on the CDR. */
  public static final String CAUSE = "voicemail";

  /** Shorter recordings hold no message. */
  public static final Duration MIN_LENGTH = Duration.ofSeconds(1);

  /** Said when nothing was recorded. */
  public static final String NO_MESSAGE_PROMPT = "goodbye";

  /** How long a recording may take to complete once the caller hung up. */
  static final Duration HANG_UP_WAIT = Duration.ofSeconds(10);

  /** Said when the message could not be recorded or kept. */
  public static final String FAILED_PROMPT = "not-available";

  public VoicemailVerb {
    Objects.requireNonNull(box, "box");
    Objects.requireNonNull(introPrompt, "introPrompt");
    Objects.requireNonNull(beepPrompt, "beepPrompt");
    Objects.requireNonNull(thanksPrompt, "thanksPrompt");
    if (maxLength.isNegative() || maxLength.isZero()) {
      throw new IllegalArgumentException("voicemail max length must be positive, was " + maxLength);
    }
    if (maxSilence.isNegative()) {
      throw new IllegalArgumentException(
          "voicemail max silence must not be negative, was " + maxSilence);
    }
    Objects.requireNonNull(finishKeys, "finishKeys");
  }

  @Override
  public Outcome execute(FlowContext ctx) throws InterruptedException {
    if (!Prompts.play(ctx, introPrompt, false) || !Prompts.play(ctx, beepPrompt, false)) {
      return Outcome.END;
    }
    Instant recordedAt = ctx.services().clock().instant();
    CompletableFuture<Recording> pending;
    try {
      Path file = ctx.services().voicemail().newFile(ctx.call().id());
      log.info("voicemail {}: recording into {}", box, file.getFileName());
      pending = ctx.media().record(file, maxLength, maxSilence, finishKeys);
    } catch (RuntimeException e) {
      log.error("voicemail {}: recording failed", box, e);
      return sayAndHangUp(ctx, FAILED_PROMPT);
    }
    boolean hungUp = false;
    Recording recording;
    try {
      recording = ctx.await(pending);
    } catch (InterruptedException e) {
      // The caller ended the message by hanging up: the call's end interrupted this thread, and
      // the recording completes as the session closes. The message is kept all the same.
      hungUp = true;
      recording = afterHangUp(pending);
    } catch (RuntimeException e) {
      log.error(
          "voicemail {}: recording failed",
          box,
          e instanceof CompletionException ? e.getCause() : e);
      return sayAndHangUp(ctx, FAILED_PROMPT);
    }
    String after = recording == null ? FAILED_PROMPT : keep(ctx, recording, recordedAt);
    if (hungUp) {
      Thread.currentThread().interrupt(); // after the database write, which must not see it
      return Outcome.END;
    }
    return sayAndHangUp(ctx, after);
  }

  private static Outcome sayAndHangUp(FlowContext ctx, String prompt) throws InterruptedException {
    if (Prompts.play(ctx, prompt, false)) {
      ctx.call().hangup(CAUSE);
    }
    return Outcome.END;
  }

  /** The recording of a caller who hung up, or null when it did not complete in time. */
  private Recording afterHangUp(CompletableFuture<Recording> pending) {
    try {
      return pending.get(HANG_UP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      log.error("voicemail {}: the recording did not complete after the caller hung up", box, e);
      return null;
    }
  }

  /** Lists the message; returns the prompt to say after. */
  private String keep(FlowContext ctx, Recording recording, Instant recordedAt) {
    if (recording.length().compareTo(MIN_LENGTH) < 0) {
      log.info("voicemail {}: no message ({} ms), not kept", box, recording.length().toMillis());
      return NO_MESSAGE_PROMPT;
    }
    try {
      Voicemail saved =
          ctx.services()
              .voicemail()
              .save(ctx.call().id(), ctx.call().callerNumber(), box, recordedAt, recording);
      log.info(
          "voicemail {}: message {} kept, {} s", box, saved.id(), recording.length().toSeconds());
      return thanksPrompt;
    } catch (RuntimeException e) {
      log.error("voicemail {}: message in {} recorded but not listed", box, recording.file(), e);
      return FAILED_PROMPT;
    }
  }

  @Override
  public Set<String> promptNames() {
    return Set.of(introPrompt, beepPrompt, thanksPrompt, NO_MESSAGE_PROMPT, FAILED_PROMPT);
  }
}
