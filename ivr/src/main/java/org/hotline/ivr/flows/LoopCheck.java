package org.hotline.ivr.flows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.ivr.verb.CallbackVerb;
import org.hotline.ivr.verb.EnqueueVerb;
import org.hotline.ivr.verb.GatherVerb;
import org.hotline.ivr.verb.GotoVerb;
import org.hotline.ivr.verb.HangupVerb;
import org.hotline.ivr.verb.HoursVerb;
import org.hotline.ivr.verb.LanguageVerb;
import org.hotline.ivr.verb.LookupVerb;
import org.hotline.ivr.verb.MenuVerb;
import org.hotline.ivr.verb.PlayVerb;
import org.hotline.ivr.verb.RunVerb;
import org.hotline.ivr.verb.Sequence;
import org.hotline.ivr.verb.TransferVerb;
import org.hotline.ivr.verb.Verb;
import org.hotline.ivr.verb.VoicemailVerb;

/**
 * Finds flows that loop with no way out: every path through them comes back round by {@code goto}
 * (or {@code run}) without reaching a verb that ends or hands off the call ({@code enqueue}, {@code
 * hangup}, {@code voicemail}, {@code callback}, {@code transfer}) or the end of a flow (which hangs
 * up). A menu or gather is a way out when one of its branches leads out: the caller can take it.
 * Such a file would spin a call through its gotos until the loop guard hangs up.
 *
 * <p>Paths are judged by shape, not by what a caller will press: a flow passes when some path leads
 * out.
 */
final class LoopCheck {

  /** A goto or run from a flow: which top-level verb it is in. */
  private record Edge(String target, boolean run, int position, String kind) {}

  /**
   * The paths through some verbs.
   *
   * @param out some path reaches a verb that ends or hands off the call
   * @param continues some path runs past the verbs to what follows
   */
  private record Paths(boolean out, boolean continues, List<Edge> edges) {
    static Paths ofContinue() {
      return new Paths(false, true, List.of());
    }
  }

  private final Map<String, List<Verb>> flows;
  private final Map<String, Paths> paths = new LinkedHashMap<>();

  private LoopCheck(Map<String, List<Verb>> flows) {
    this.flows = flows;
  }

  /**
   * Checks every flow of {@code flows} (by name, in file order).
   *
   * @throws FlowsException naming the first flow that loops with no way out, and the loop
   */
  static void check(Map<String, List<Verb>> flows) throws FlowsException {
    new LoopCheck(flows).run();
  }

  private void run() throws FlowsException {
    flows.forEach((name, verbs) -> paths.put(name, topLevel(verbs)));
    // Least fixed point: a flow ends the call (terminal) or gets out (escapes) once a path shows
    // it.
    Set<String> terminal = new HashSet<>();
    Set<String> escapes = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (var entry : paths.entrySet()) {
        String name = entry.getKey();
        Paths p = entry.getValue();
        boolean isTerminal =
            p.out() || p.edges().stream().anyMatch(e -> terminal.contains(e.target()));
        boolean isOut =
            isTerminal
                || p.continues()
                || p.edges().stream().anyMatch(e -> !e.run() && escapes.contains(e.target()));
        changed |= isTerminal && terminal.add(name);
        changed |= isOut && escapes.add(name);
      }
    }
    for (String name : paths.keySet()) {
      if (!escapes.contains(name)) {
        throw loop(name, escapes);
      }
    }
  }

  private FlowsException loop(String start, Set<String> escapes) {
    // Every goto of a stuck flow leads to a stuck flow, so following them must come round.
    List<String> path = new ArrayList<>(List.of(start));
    Map<String, Integer> seen = new HashMap<>(Map.of(start, 0));
    Edge first = null;
    String current = start;
    while (true) {
      Edge next =
          paths.get(current).edges().stream()
              .filter(e -> !e.run() && !escapes.contains(e.target()))
              .findFirst()
              .orElse(null);
      if (next == null) {
        return FlowsException.at("flow " + start, "no path ends, hands off or waits on the caller");
      }
      if (first == null) {
        first = next;
      }
      path.add(next.target());
      if (seen.containsKey(next.target())) {
        break;
      }
      seen.put(next.target(), path.size() - 1);
      current = next.target();
    }
    return FlowsException.at(
        "flow " + start + ", verb " + first.position() + " (" + first.kind() + ")",
        "loops "
            + String.join(" -> ", path)
            + " with no way out: nothing on the way ends the call, hands it off or offers a branch that leads out");
  }

  private Paths topLevel(List<Verb> verbs) {
    boolean out = false;
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < verbs.size(); i++) {
      Paths p = paths(verbs.get(i), i + 1, Verbs.kind(verbs.get(i)));
      out |= p.out();
      edges.addAll(p.edges());
      if (!p.continues()) {
        return new Paths(out, false, edges);
      }
    }
    return new Paths(out, true, edges);
  }

  private Paths paths(Verb verb, int position, String kind) {
    return switch (verb) {
      case Sequence s -> sequence(s.verbs(), position, kind);
      case GotoVerb g ->
          new Paths(false, false, List.of(new Edge(g.flow(), false, position, kind)));
      case RunVerb r -> new Paths(false, true, List.of(new Edge(r.flow(), true, position, kind)));
      case PlayVerb p -> Paths.ofContinue();
      case LanguageVerb l -> Paths.ofContinue();
      case MenuVerb m -> {
        List<Verb> branches = new ArrayList<>(m.branches().values());
        branches.add(m.defaultBranch());
        yield either(branches, false, position, kind);
      }
      case GatherVerb g -> either(List.of(g.failed()), true, position, kind);
      case LookupVerb l -> {
        List<Verb> branches = new ArrayList<>(l.levels().values());
        branches.add(l.unknown());
        yield either(branches, true, position, kind);
      }
      case HoursVerb h -> either(List.of(h.open(), h.closed()), false, position, kind);
      // A queue hands the call to an agent, or may give it back (the flow goes on).
      case EnqueueVerb e -> new Paths(true, true, paths(e.leave(), position, kind).edges());
      case TransferVerb t -> out(paths(t.failed(), position, kind));
      case CallbackVerb c -> new Paths(true, true, List.of());
      case VoicemailVerb v -> new Paths(true, false, List.of());
      case HangupVerb h -> new Paths(true, false, List.of());
      default -> new Paths(true, true, List.of()); // a verb this check does not know is trusted
    };
  }

  private Paths sequence(List<Verb> verbs, int position, String kind) {
    boolean out = false;
    List<Edge> edges = new ArrayList<>();
    for (Verb verb : verbs) {
      Paths p = paths(verb, position, kind);
      out |= p.out();
      edges.addAll(p.edges());
      if (!p.continues()) {
        return new Paths(out, false, edges);
      }
    }
    return new Paths(out, true, edges);
  }

  /** One of {@code branches} runs (or, when {@code mayContinue}, none does). */
  private Paths either(List<Verb> branches, boolean mayContinue, int position, String kind) {
    boolean out = false;
    boolean continues = mayContinue;
    List<Edge> edges = new ArrayList<>();
    for (Verb branch : branches) {
      Paths p = paths(branch, position, kind);
      out |= p.out();
      continues |= p.continues();
      edges.addAll(p.edges());
    }
    return new Paths(out, continues, edges);
  }

  private static Paths out(Paths branch) {
    return new Paths(true, branch.continues(), branch.edges());
  }
}
