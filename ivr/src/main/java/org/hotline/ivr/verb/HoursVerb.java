package org.hotline.ivr.verb;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.hotline.ivr.calendar.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code hours} verb: runs the {@code open} or the {@code closed} branch depending on whether
 * the calendar is open now, by the services' clock. An empty branch ({@link Sequence#of()})
 * continues with the next verb.
 *
 * @param calendar the opening hours, holidays and time zone
 * @param open runs while open
 * @param closed runs while closed
 */
public record HoursVerb(BusinessCalendar calendar, Verb open, Verb closed) implements Verb {
  private static final Logger log = LoggerFactory.getLogger(HoursVerb.class);

  public HoursVerb {
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(closed, "closed");
  }

  @Override
  public Outcome execute(FlowContext ctx) throws InterruptedException {
    boolean isOpen = calendar.isOpen(ctx.services().clock().instant());
    log.info("hours {}: {}", calendar.name(), isOpen ? "open" : "closed");
    return (isOpen ? open : closed).execute(ctx);
  }

  @Override
  public Set<String> promptNames() {
    Set<String> names = new LinkedHashSet<>(open.promptNames());
    names.addAll(closed.promptNames());
    return names;
  }
}
