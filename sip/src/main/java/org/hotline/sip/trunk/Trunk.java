package org.hotline.sip.trunk;

import java.util.Objects;
import java.util.Optional;
import org.hotline.core.dial.DialDecision;
import org.hotline.core.dial.DialGuard;
import org.hotline.core.dial.DialSite;

/**
 * The SIP trunk numbers are dialled through ({@code hotline.sip.trunk}), and the only place that
 * makes a URI to dial one: every number passes the {@link DialGuard} first, so no way of dialling
 * out (click-to-call, a callback, an IVR transfer) can skip {@code hotline.dial.allow}.
 */
public final class Trunk {
  private final Optional<String> host;
  private final DialGuard guard;

  /**
   * @param host {@code host[:port]} of the trunk; empty: none, nothing is dialled
   * @param guard judges each number before it is dialled
   */
  public Trunk(Optional<String> host, DialGuard guard) {
    this.host = Objects.requireNonNull(host, "host");
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  /**
   * How {@code number} would be dialled for {@code who}, asked from {@code site}: a URI at the
   * trunk, no trunk, or refused by the dial policy (counted, audited and logged). Without a trunk
   * the policy is not asked: nothing can be dialled, so nothing is refused.
   *
   * @param who the agent (desk), the callback or the call (IVR) the number is dialled for
   */
  public TrunkRoute route(DialSite site, String who, String number) {
    if (host.isEmpty()) {
      return new TrunkRoute.NoTrunk();
    }
    return switch (guard.check(site, who, number)) {
      case DialDecision.Allowed allowed -> new TrunkRoute.Dial("sip:" + number + "@" + host.get());
      case DialDecision.Refused(String reason) -> new TrunkRoute.Refused(reason);
    };
  }

  /** Whether a trunk is configured. */
  public boolean configured() {
    return host.isPresent();
  }
}
