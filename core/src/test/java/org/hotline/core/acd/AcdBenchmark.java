package org.hotline.core.acd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hotline.core.agent.Agent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of one enqueue-and-match in the ACD's {@link QueueBoard}, alone (no actor, no
 * connector), at steady state, for growing numbers of agents and waiting calls. Matching is O(log
 * n), so the time should grow by a small constant per tenfold.
 *
 * <ul>
 *   <li>{@code callArrives}: a call arrives while {@code agents} agents are free; it is matched
 *       with the longest-idle one, who finishes and is free again (back of the idle line).
 *   <li>{@code agentFrees}: {@code waiting} calls wait, spread over three queues of weights 1, 2
 *       and 3, and every one of 1,000 agents (each serving the three queues) is busy; a call
 *       arrives, then an agent becomes free and takes the best waiting call across its queues by
 *       priority, then wait x weight.
 * </ul>
 *
 * <p>Run (builds, then prints median and 99th percentile per size):
 *
 * <pre>scripts/bench/jmh.sh core AcdBenchmark</pre>
 *
 * <p>One size only: {@code scripts/bench/jmh.sh core AcdBenchmark.callArrives -p agents=100000}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AcdBenchmark {
  private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
  private static final String QUEUE = "sales";
  private static final List<String> QUEUES = List.of("sales", "support", "billing");

  private static List<AgentSlot> agents(QueueBoard board, int n, Set<String> queues) {
    List<AgentSlot> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = Integer.toString(100_000 + i);
      AgentSlot a = board.add(new Agent(id, null, id, queues));
      a.idleSince = T0.plusMillis(i);
      list.add(a);
    }
    return list;
  }

  /** Many free agents, no waiting calls. */
  @State(Scope.Thread)
  public static class AgentsFree {
    @Param({"1000", "10000", "100000"})
    public int agents;

    QueueBoard board;
    long calls;
    Instant now;

    @Setup(Level.Trial)
    public void setUp() {
      board = new QueueBoard(q -> RoutingStrategy.LONGEST_IDLE);
      agents(board, agents, Set.of(QUEUE)).forEach(board::free);
      now = T0.plusSeconds(3600);
    }
  }

  /** Many waiting calls in three weighted queues, every agent busy. */
  @State(Scope.Thread)
  public static class CallsWaiting {
    static final int AGENTS = 1000;

    @Param({"1000", "10000", "100000"})
    public int waiting;

    QueueBoard board;
    List<AgentSlot> ring;
    int next;
    long calls;
    Instant now;

    @Setup(Level.Trial)
    public void setUp() {
      board = new QueueBoard(q -> RoutingStrategy.LONGEST_IDLE, q -> QUEUES.indexOf(q) + 1);
      ring = agents(board, AGENTS, Set.copyOf(QUEUES));
      now = T0;
      for (int i = 0; i < waiting; i++) {
        board.enqueue(call(i), now, Set.of());
        now = now.plusMillis(1);
      }
      calls = waiting;
    }
  }

  /** Priorities 0..4, as from the IVR and customer levels; the three queues in turn. */
  private static QueuedCall call(long n) {
    return new QueuedCall("call-" + n, QUEUES.get((int) (n % 3)), (int) (n % 5), "5550100");
  }

  @Benchmark
  public Object callArrives(AgentsFree s) {
    WaitingCall w =
        s.board.enqueue(new QueuedCall("call-" + s.calls++, QUEUE, 5, "5550100"), s.now, Set.of());
    AgentSlot a = s.board.matchCall(w, s.now);
    s.board.forget(w);
    // The call ends: the agent is idle again, now the most recently idle.
    s.now = s.now.plusMillis(1);
    a.idleSince = s.now;
    s.board.free(a);
    return a;
  }

  @Benchmark
  public Object agentFrees(CallsWaiting s) {
    s.now = s.now.plusMillis(1);
    s.board.enqueue(call(s.calls++), s.now, Set.of());
    AgentSlot a = s.ring.get(s.next);
    s.next = (s.next + 1) % s.ring.size();
    s.board.free(a);
    WaitingCall w = s.board.matchAgent(a, s.now);
    s.board.forget(w);
    return w;
  }
}
