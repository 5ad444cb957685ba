package org.hotline.core.flow;

import java.util.Objects;
import org.hotline.core.dial.DialableNumber;

/** Where a flow may transfer a call: an agent's phone, or a number reached through the trunk. */
public sealed interface TransferTarget {

  /** An agent by id ({@code 1001}): their newest registered phone rings. */
  record Agent(String agentId) implements TransferTarget {
    public Agent {
      Objects.requireNonNull(agentId, "agentId");
    }
  }

  /**
   * A number ({@code +862161234567}) on the operator's allow-list, dialled through the configured
   * SIP trunk when the dial policy ({@code hotline.dial.allow}) allows it too. Only numbers written
   * in the flows file ever get here, never digits a caller typed, so the server is no open relay.
   */
  record Number(String number) implements TransferTarget {
    public Number {
      Objects.requireNonNull(number, "number");
      if (!DialableNumber.isTransferNumber(number)) {
        throw new IllegalArgumentException("not a dialable number: " + number);
      }
    }
  }
}
