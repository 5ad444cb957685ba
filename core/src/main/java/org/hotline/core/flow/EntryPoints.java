package org.hotline.core.flow;

import java.util.Optional;

/** Which flow answers a dialed number. */
public interface EntryPoints {
  /** The flow for {@code dialedNumber}, or empty when the number is not served (404). */
  Optional<CallFlow> flowFor(String dialedNumber);
}
