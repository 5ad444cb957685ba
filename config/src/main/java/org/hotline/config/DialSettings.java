package org.hotline.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Which numbers Hotline may dial through the trunk ({@code hotline.dial.allow}): a number is
 * dialled when one rule allows it and no refusing rule ({@code !}) matches it.
 *
 * @param allow the rules in the order written; empty: no number is dialled
 */
public record DialSettings(List<DialRule> allow) {
  public DialSettings {
    allow = List.copyOf(allow);
  }

  /** The rules as written ({@code national,!premium}), for messages that say what is allowed. */
  public String written() {
    return allow.stream().map(DialRule::toString).collect(Collectors.joining(","));
  }
}
