package org.hotline.ivr.flows;

import java.util.Objects;

/**
 * What a reload of the flows file did: the new flows took over, or the file was refused and the
 * flows in use stay.
 *
 * @param ok whether the new flows are in use
 * @param message one line: the counts when ok, else why the file was refused
 * @param flows how many flows are in use now
 * @param numbers how many dialed numbers are served now
 */
public record ReloadResult(boolean ok, String message, int flows, int numbers) {
  public ReloadResult {
    Objects.requireNonNull(message, "message");
  }
}
