package org.hotline.ivr.fake;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.config.DialRule;
import org.hotline.config.DialSettings;
import org.hotline.core.callback.CallbackRequest;
import org.hotline.core.callback.CallbackRequests;
import org.hotline.core.dial.DialAudit;
import org.hotline.core.dial.DialGuard;
import org.hotline.core.dial.DialPolicy;
import org.hotline.core.media.Recording;
import org.hotline.core.voicemail.Voicemail;
import org.hotline.core.voicemail.VoicemailStore;
import org.hotline.ivr.verb.FlowServices;

/**
 * Voicemail and callback stores in memory, and a customer directory from a map, for flow tests;
 * {@link #services} puts them together with a clock.
 */
public final class FakeStores implements VoicemailStore, CallbackRequests {
  private final List<Voicemail> voicemails = new ArrayList<>();
  private final List<CallbackRequest> callbacks = new ArrayList<>();
  private boolean failing;

  /** Makes every store call throw, as a database that is down. */
  public FakeStores failing() {
    failing = true;
    return this;
  }

  /** Messages listed, in order. */
  public List<Voicemail> voicemails() {
    return voicemails;
  }

  /** Callback requests recorded, in order. */
  public List<CallbackRequest> callbacks() {
    return callbacks;
  }

  /**
   * Services with these stores, {@code clock}, customers by number with their level, and the
   * default dial policy (national numbers of CN, no premium-rate ones).
   */
  public FlowServices services(Clock clock, Map<String, String> levelByNumber) {
    return services(clock, levelByNumber, dialing(DialAudit.NONE));
  }

  /** Services as above with {@code dialing}. */
  public FlowServices services(Clock clock, Map<String, String> levelByNumber, DialGuard dialing) {
    return new FlowServices(
        clock, number -> Optional.ofNullable(levelByNumber.get(number)), this, this, dialing);
  }

  /** The default dial policy, its refusals recorded in {@code audit}. */
  public static DialGuard dialing(DialAudit audit) {
    DialSettings defaults =
        new DialSettings(List.of(DialRule.parse("national"), DialRule.parse("!premium")));
    return new DialGuard(new DialPolicy(defaults, "CN"), audit, new SimpleMeterRegistry());
  }

  @Override
  public Path newFile(String callId) {
    return Path.of("voicemail", callId + ".wav");
  }

  @Override
  public Voicemail save(
      String callId, String callerNumber, String box, Instant recordedAt, Recording recording) {
    if (failing) {
      throw new IllegalStateException("database down");
    }
    Voicemail voicemail =
        new Voicemail(
            voicemails.size() + 1,
            callId,
            callerNumber,
            box,
            recordedAt,
            recording.length(),
            recording.file().getFileName().toString());
    voicemails.add(voicemail);
    return voicemail;
  }

  @Override
  public CallbackRequest request(
      String callId, String number, String queue, int priority, Instant placeSince) {
    if (failing) {
      throw new IllegalStateException("database down");
    }
    CallbackRequest request =
        new CallbackRequest(
            callbacks.size() + 1, callId, number, queue, priority, placeSince, placeSince);
    callbacks.add(request);
    return request;
  }
}
