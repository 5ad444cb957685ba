package org.hotline.cti.feed;

import java.util.Collection;
import java.util.List;
import org.hotline.core.cdr.Cdr;

/**
 * A caller's past calls: {@link org.hotline.core.cdr.CdrRepository#lastCallsFrom} in the server.
 */
@FunctionalInterface
public interface CallerHistory {
  /** The last {@code limit} CDRs of calls from any of {@code numbers}, newest first. */
  List<Cdr> lastCallsFrom(Collection<String> numbers, int limit);
}
