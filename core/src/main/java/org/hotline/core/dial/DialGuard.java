package org.hotline.core.dial;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check every number passes before Hotline dials it: asks the {@link DialPolicy} and, when it
 * refuses, counts the refusal ({@code hotline.dial.refused{site}}), records it in the audit log and
 * logs one WARN line, so an attempt at toll fraud is seen, not only stopped.
 */
public final class DialGuard {
  private static final Logger log = LoggerFactory.getLogger(DialGuard.class);

  private final DialPolicy policy;
  private final DialAudit audit;
  private final Map<DialSite, Counter> refused = new EnumMap<>(DialSite.class);

  public DialGuard(DialPolicy policy, DialAudit audit, MeterRegistry meters) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.audit = Objects.requireNonNull(audit, "audit");
    for (DialSite site : DialSite.values()) {
      refused.put(
          site,
          Counter.builder("hotline.dial.refused")
              .description(
                  "numbers Hotline was asked to dial and refused (hotline.dial.allow), by where they came from")
              .tag("site", site.tag())
              .register(meters));
    }
  }

  /**
   * Whether {@code number} may be dialled for {@code who} from {@code site}; a refusal is counted,
   * audited and logged before it is returned.
   *
   * @param who the agent (desk), the callback or the call (IVR) the number is dialled for
   */
  public DialDecision check(DialSite site, String who, String number) {
    DialDecision decision = policy.check(number);
    if (decision instanceof DialDecision.Refused(String reason)) {
      refused.get(site).increment();
      log.warn("dial refused ({}, {}): {}", site, who, reason);
      audit.refused(site, who, String.valueOf(number), reason);
    }
    return decision;
  }

  /**
   * The policy itself, to judge numbers without a dial (a flows file's transfer numbers as it
   * loads).
   */
  public DialPolicy policy() {
    return policy;
  }
}
