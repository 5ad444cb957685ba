package org.hotline.ivr.verb;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code lookup} verb: finds the caller in the customer directory by their number, sets
 * variable {@value #LEVEL} to the customer's level and runs the branch for that level (levels match
 * ignoring case). A customer whose level has no branch continues with the next verb. No match, a
 * withheld number, or a lookup that fails (the database down) runs the {@code unknown} branch: a
 * failed lookup never ends the call.
 *
 * @param levels what each level ({@code VIP}) runs
 * @param unknown runs when the caller is not a known customer ({@link Sequence#of()} continues)
 */
public record LookupVerb(Map<String, Verb> levels, Verb unknown) implements Verb {
  private static final Logger log = LoggerFactory.getLogger(LookupVerb.class);

  /** The variable that holds the customer's level after a match. */
  public static final String LEVEL = "customer.level";

  public LookupVerb {
    TreeMap<String, Verb> byLevel = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byLevel.putAll(levels);
    levels = java.util.Collections.unmodifiableMap(byLevel);
    Objects.requireNonNull(unknown, "unknown");
  }

  @Override
  public Outcome execute(FlowContext ctx) throws InterruptedException {
    Optional<String> level;
    try {
      level = ctx.services().customerLevel().apply(ctx.call().callerNumber());
    } catch (RuntimeException e) {
      log.warn("lookup of {} failed; caller treated as unknown", ctx.call().callerNumber(), e);
      level = Optional.empty();
    }
    if (level.isEmpty()) {
      log.info("lookup: caller is not a known customer");
      return unknown.execute(ctx);
    }
    ctx.variables().put(LEVEL, level.get());
    Verb branch = levels.get(level.get());
    log.info("lookup: customer level {}{}", level.get(), branch == null ? ", no branch" : "");
    return branch == null ? Outcome.CONTINUE : branch.execute(ctx);
  }

  @Override
  public Set<String> promptNames() {
    Set<String> names = new LinkedHashSet<>();
    levels.values().forEach(branch -> names.addAll(branch.promptNames()));
    names.addAll(unknown.promptNames());
    return names;
  }
}
