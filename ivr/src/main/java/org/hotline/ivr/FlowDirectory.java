package org.hotline.ivr;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.flow.CallFlow;
import org.hotline.core.flow.EntryPoints;
import org.hotline.ivr.verb.EnqueueVerb;
import org.hotline.ivr.verb.FlowServices;
import org.hotline.ivr.verb.HangupVerb;
import org.hotline.ivr.verb.QueueOptions;
import org.hotline.ivr.verb.Sequence;
import org.hotline.ivr.verb.Verb;

/**
 * The IVR's entry points: which flow answers each dialed number, and the flows by name that a
 * {@code goto} or {@code run} may reach. Immutable once built; unknown numbers have no flow (the
 * signalling layer answers 404). Each flow resolves its gotos against the directory it is in, so a
 * call keeps the directory it started with when {@link Flows} swaps in a new one.
 */
public final class FlowDirectory implements EntryPoints {
  private final Map<String, Flow> flowsByName;
  private final Map<String, Flow> flowsByNumber;
  private final Map<String, QueueOptions> queueOptions;
  private final FlowServices services;

  /** A directory whose flows record no voicemail and take no callbacks. */
  public FlowDirectory(Collection<Flow> flows, Map<String, String> flowNameByNumber) {
    this(flows, flowNameByNumber, FlowServices.withoutStores(Clock.systemUTC()));
  }

  /**
   * @param flows every flow, with distinct names
   * @param flowNameByNumber dialed number ({@code 100}) to flow name ({@code main})
   * @param services what the flows' verbs use
   * @throws IllegalArgumentException when two flows share a name or a number names no flow
   */
  public FlowDirectory(
      Collection<Flow> flows, Map<String, String> flowNameByNumber, FlowServices services) {
    this(flows, flowNameByNumber, Map.of(), services);
  }

  /**
   * @param queueOptions how callers wait in each queue the flows file describes, for callers
   *     transferred to a queue ({@link #queueFlow}); other queues use the defaults
   */
  public FlowDirectory(
      Collection<Flow> flows,
      Map<String, String> flowNameByNumber,
      Map<String, QueueOptions> queueOptions,
      FlowServices services) {
    Map<String, Flow> byName = new HashMap<>();
    for (Flow flow : flows) {
      if (byName.putIfAbsent(flow.name(), flow.boundTo(this::body, services)) != null) {
        throw new IllegalArgumentException("two flows are named " + flow.name());
      }
    }
    Map<String, Flow> byNumber = new HashMap<>();
    flowNameByNumber.forEach(
        (number, name) -> {
          Flow flow = byName.get(name);
          if (flow == null) {
            throw new IllegalArgumentException(
                "number "
                    + number
                    + " goes to flow "
                    + name
                    + ", which does not exist; flows: "
                    + byName.keySet());
          }
          byNumber.put(number, flow);
        });
    this.flowsByName = Map.copyOf(byName);
    this.flowsByNumber = Map.copyOf(byNumber);
    this.queueOptions = Map.copyOf(queueOptions);
    this.services = services;
  }

  private Optional<Verb> body(String name) {
    return flow(name).map(Flow::body);
  }

  @Override
  public Optional<CallFlow> flowFor(String dialedNumber) {
    return Optional.ofNullable(flowsByNumber.get(dialedNumber));
  }

  /**
   * Waits in {@code queue} with its music and announcements (without its leave key: the caller was
   * put there by an agent), then hangs up when the queue gives the call back.
   */
  @Override
  public Optional<CallFlow> queueFlow(String queue, String language) {
    QueueOptions wait = queueOptions.getOrDefault(queue, QueueOptions.DEFAULT).withoutLeaveKey();
    Flow flow =
        new Flow(
            "transfer-to-" + queue,
            language,
            List.of(new EnqueueVerb(queue, 0, wait, Sequence.of()), new HangupVerb()));
    return Optional.of(flow.boundTo(this::body, services));
  }

  /** The flow named {@code name}. */
  public Optional<Flow> flow(String name) {
    return Optional.ofNullable(flowsByName.get(name));
  }

  /** The names of the flows. */
  public Set<String> flowNames() {
    return flowsByName.keySet();
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
