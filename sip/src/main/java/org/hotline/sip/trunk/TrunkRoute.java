package org.hotline.sip.trunk;

import java.util.Objects;

/** How a number would leave through the trunk: {@link Dial} it at a URI, or why not. */
public sealed interface TrunkRoute {

  /**
   * Dial the number at {@code uri}.
   *
   * @param uri the Request-URI of the INVITE: {@code sip:<number>@<trunk>}
   */
  record Dial(String uri) implements TrunkRoute {
    public Dial {
      Objects.requireNonNull(uri, "uri");
    }
  }

  /** No trunk is configured ({@code hotline.sip.trunk}): no number can be dialled. */
  record NoTrunk() implements TrunkRoute {}

  /**
   * The dial policy refuses the number ({@code hotline.dial.allow}); the refusal is already
   * counted, audited and logged.
   *
   * @param reason one line for a person
   */
  record Refused(String reason) implements TrunkRoute {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
