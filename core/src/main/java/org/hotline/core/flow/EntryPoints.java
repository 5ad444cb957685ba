package org.hotline.core.flow;

import java.util.Optional;

/** Which flow answers a dialed number. */
public interface EntryPoints {
  /** The flow for {@code dialedNumber}, or empty when the number is not served (404). */
  Optional<CallFlow> flowFor(String dialedNumber);

  /**
   * The flow for a caller transferred to {@code queue} from an agent's desktop: the caller waits in
   * the queue as the flows have it (hold prompt, music, announcements), and the call ends when the
   * queue gives it back. Empty when transfers to queues are not served.
   *
   * @param language the prompt language the caller chose ({@code en}, {@code zh})
   */
  default Optional<CallFlow> queueFlow(String queue, String language) {
    return Optional.empty();
  }
}
