package org.hotline.ivr;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.flow.CallFlow;
import org.hotline.core.flow.EntryPoints;

/**
 * The IVR's entry points: which flow answers each dialed number, and the flows by name that a
 * {@code goto} may reach. Immutable once built; unknown numbers have no flow (the signalling
 * layer answers 404).
 */
public final class FlowDirectory implements EntryPoints {
  private final Map<String, Flow> flowsByName;
  private final Map<String, Flow> flowsByNumber;

  /**
   * @param flows every flow, with distinct names
   * @param flowNameByNumber dialed number ({@code 100}) to flow name ({@code main})
   * @throws IllegalArgumentException when two flows share a name or a number names no flow
   */
  public FlowDirectory(Collection<Flow> flows, Map<String, String> flowNameByNumber) {
    Map<String, Flow> byName = new HashMap<>();
    for (Flow flow : flows) {
      // Each flow resolves goto against this directory.
      if (byName.putIfAbsent(flow.name(), flow.resolvingWith(this::flow)) != null) {
        throw new IllegalArgumentException("two flows are named " + flow.name());
      }
    }
    Map<String, Flow> byNumber = new HashMap<>();
    flowNameByNumber.forEach(
        (number, name) -> {
          Flow flow = byName.get(name);
          if (flow == null) {
            throw new IllegalArgumentException(
                "number " + number + " goes to flow " + name + ", which does not exist; flows: " + byName.keySet());
          }
          byNumber.put(number, flow);
        });
    this.flowsByName = Map.copyOf(byName);
    this.flowsByNumber = Map.copyOf(byNumber);
  }

  @Override
  public Optional<CallFlow> flowFor(String dialedNumber) {
    return Optional.ofNullable(flowsByNumber.get(dialedNumber));
  }

  /** The flow named {@code name}. */
  public Optional<Flow> flow(String name) {
    return Optional.ofNullable(flowsByName.get(name));
  }

  /** The dialed numbers served. */
  public Set<String> numbers() {
    return flowsByNumber.keySet();
  }

  /** The names of every prompt any flow may play, to check against the prompt sets at start-up. */
  public Set<String> promptNames() {
    Set<String> names = new LinkedHashSet<>();
    flowsByName.values().forEach(flow -> names.addAll(flow.promptNames()));
    return names;
  }
}
