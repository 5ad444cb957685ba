package org.hotline.ivr.verb;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.config.DialSettings;
import org.hotline.core.callback.CallbackRequests;
import org.hotline.core.dial.DialAudit;
import org.hotline.core.dial.DialGuard;
import org.hotline.core.dial.DialPolicy;
import org.hotline.core.voicemail.VoicemailStore;

/**
 * What the verbs need from the rest of the server, in one place reachable from every {@link
 * FlowContext}. The stores block: verbs call them from the call's own virtual thread.
 *
 * @param clock the time for business hours, queue announcements and voicemail timestamps
 * @param customerLevel the level ({@code VIP}) of the customer a caller number belongs to, empty
 *     when none does; it may throw (a database down), which {@code lookup} treats as no match
 * @param voicemail where {@code voicemail} records and lists messages
 * @param callbacks where {@code callback} records requests
 * @param dialing whether a number may be dialled ({@code hotline.dial.allow}): {@code callback}
 *     asks it of the caller's number, and the flows file of its {@code transfer-allow} numbers as
 *     it loads
 */
public record FlowServices(
    Clock clock,
    Function<String, Optional<String>> customerLevel,
    VoicemailStore voicemail,
    CallbackRequests callbacks,
    DialGuard dialing) {

  public FlowServices {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(customerLevel, "customerLevel");
    Objects.requireNonNull(voicemail, "voicemail");
    Objects.requireNonNull(callbacks, "callbacks");
    Objects.requireNonNull(dialing, "dialing");
  }

  /**
   * Services for flows that neither record voicemail nor take callbacks nor dial numbers: no caller
   * is a known customer, a {@code voicemail} verb tells the caller no one is available and a {@code
   * callback} verb that a callback is impossible; a flows file with {@code transfer-allow} numbers
   * is refused.
   */
  public static FlowServices withoutStores(Clock clock) {
    VoicemailStore noVoicemail =
        new VoicemailStore() {
          @Override
          public java.nio.file.Path newFile(String callId) {
            throw new IllegalStateException("no voicemail store");
          }

          @Override
          public org.hotline.core.voicemail.Voicemail save(
              String callId,
              String callerNumber,
              String box,
              java.time.Instant recordedAt,
              org.hotline.core.media.Recording recording) {
            throw new IllegalStateException("no voicemail store");
          }
        };
    CallbackRequests noCallbacks =
        (callId, number, queue, priority, placeSince) -> {
          throw new IllegalStateException("no callback store");
        };
    // No rules: every number is refused, whichever region reads it.
    DialGuard dialNothing =
        new DialGuard(
            new DialPolicy(new DialSettings(List.of()), "CN"),
            DialAudit.NONE,
            new SimpleMeterRegistry());
    return new FlowServices(
        clock, number -> Optional.empty(), noVoicemail, noCallbacks, dialNothing);
  }
}
