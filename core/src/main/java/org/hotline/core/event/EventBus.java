package org.hotline.core.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process event bus. {@link #publish} calls every subscriber on the publisher's thread, so a
 * subscriber must return at once and hand any slow work (I/O, a database) to its own executor. A
 * subscriber that throws is logged and does not stop the others.
 */
public final class EventBus {
  private static final Logger log = LoggerFactory.getLogger(EventBus.class);

  private final List<Consumer<? super HotlineEvent>> subscribers = new CopyOnWriteArrayList<>();

  public void subscribe(Consumer<? super HotlineEvent> subscriber) {
    subscribers.add(subscriber);
  }

  public void unsubscribe(Consumer<? super HotlineEvent> subscriber) {
    subscribers.remove(subscriber);
  }

  public void publish(HotlineEvent event) {
    for (Consumer<? super HotlineEvent> s : subscribers) {
      try {
        s.accept(event);
      } catch (RuntimeException e) {
        log.warn("event subscriber failed on {}", event, e);
      }
    }
  }
}
