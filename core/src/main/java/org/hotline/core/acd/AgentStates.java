package org.hotline.core.acd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hotline.config.AcdSettings;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentState;
import org.hotline.core.event.AgentEvent;
import org.hotline.core.event.EventBus;

/**
 * The agents' side of the ACD: each agent's state and its {@link AgentEvent}s, registrations, the
 * agent's own ready, break and logout, wrap-up, missed offers, and the agents logged in per queue
 * (for {@link QueueSettings#joinWhenNoAgents()}). An agent that becomes available is handed to the
 * {@link Dispatcher} for a call. Touched only on the ACD's thread.
 *
 * <p>A change asked for while the agent rings or is on a call (a break, a logout, the phone's
 * registration ending, removal) takes effect when the call and its wrap-up end.
 */
final class AgentStates {
  private final QueueBoard board;
  private final Supplier<AcdPolicy> policy;
  private final EventBus bus;
  private final Clock clock;
  private final Timers timers;
  private final QueueLimits limits;
  private final AcdMeters meters;
  private final Consumer<String> changed;
  private final Consumer<AgentSlot> match;

  /**
   * @param match gives a newly available agent a waiting call, if any
   */
  AgentStates(
      QueueBoard board,
      Supplier<AcdPolicy> policy,
      EventBus bus,
      Clock clock,
      Timers timers,
      QueueLimits limits,
      AcdMeters meters,
      Consumer<String> changed,
      Consumer<AgentSlot> match) {
    this.board = board;
    this.policy = policy;
    this.bus = bus;
    this.clock = clock;
    this.timers = timers;
    this.limits = limits;
    this.meters = meters;
    this.changed = changed;
    this.match = match;
  }

  /** See {@link Acd#addAgent}. */
  void addAgent(Agent agent) {
    board.add(agent);
  }

  /** See {@link Acd#updateAgent}. */
  void updateAgent(Agent agent) {
    AgentSlot a = board.agent(agent.id());
    if (a == null) {
      board.add(agent);
      return;
    }
    Set<String> touched = new HashSet<>(a.agent.queues());
    touched.addAll(agent.queues());
    boolean free = a.state == AgentState.AVAILABLE;
    if (free) {
      board.unfree(a);
    }
    if (a.loggedIn()) {
      board.countLoggedIn(a, -1);
    }
    a.agent = agent;
    if (a.loggedIn()) {
      board.countLoggedIn(a, +1);
    }
    touched.forEach(changed);
    touched.forEach(limits::giveBackIfNoAgents);
    if (free) {
      board.free(a);
      match.accept(a);
    }
  }

  /** See {@link Acd#removeAgent}. */
  void removeAgent(String agentId) {
    onAgent(
        agentId,
        a -> {
          a.removed = true;
          switch (a.state) {
            case RESERVED, ON_CALL, WRAP_UP -> a.logoutAfterCall = "removed";
            default -> logOut(a, "removed");
          }
        });
  }

  /** See {@link Acd#agentRegistered}. */
  void agentRegistered(String agentId) {
    onAgent(
        agentId,
        a -> {
          a.registered = true;
          if (a.loggedOut) {
            return;
          }
          if ("unregistered".equals(a.logoutAfterCall)) {
            a.logoutAfterCall = null;
          }
          if (a.state == AgentState.LOGGED_OUT) {
            a.idleSince = clock.instant();
            makeAvailable(a, "registered");
          }
        });
  }

  /** See {@link Acd#agentUnregistered}. */
  void agentUnregistered(String agentId) {
    onAgent(
        agentId,
        a -> {
          a.registered = false;
          switch (a.state) {
            case RESERVED, ON_CALL, WRAP_UP -> a.logoutAfterCall = "unregistered";
            default -> logOut(a, "unregistered");
          }
        });
  }

  /** See {@link Acd#ready}. */
  void ready(String agentId) {
    onAgent(
        agentId,
        a -> {
          a.loggedOut = false;
          a.breakAfterCall = null;
          if (a.registered && "logout".equals(a.logoutAfterCall)) {
            a.logoutAfterCall = null;
          }
          switch (a.state) {
            case BREAK, WRAP_UP -> {
              a.missedInRow = 0;
              makeAvailable(a, "ready");
            }
            case LOGGED_OUT -> {
              if (a.registered) {
                a.idleSince = clock.instant();
                makeAvailable(a, "ready");
              }
            }
            default -> {}
          }
        });
  }

  /** See {@link Acd#pause}. */
  void pause(String agentId, String reason) {
    onAgent(
        agentId,
        a -> {
          switch (a.state) {
            case AVAILABLE -> {
              board.unfree(a);
              transition(a, AgentState.BREAK, reason);
            }
            case WRAP_UP -> transition(a, AgentState.BREAK, reason);
            case RESERVED, ON_CALL -> a.breakAfterCall = reason;
            default -> {}
          }
        });
  }

  /** See {@link Acd#logout}. */
  void logout(String agentId) {
    onAgent(
        agentId,
        a -> {
          a.loggedOut = true;
          a.breakAfterCall = null;
          switch (a.state) {
            case RESERVED, ON_CALL, WRAP_UP -> a.logoutAfterCall = "logout";
            default -> logOut(a, "logout");
          }
        });
  }

  /** See {@link Acd#agentCallEnded}. */
  void agentCallEnded(String agentId) {
    onAgent(
        agentId,
        a -> {
          if (a.state != AgentState.ON_CALL) {
            return;
          }
          Instant now = clock.instant();
          a.idleSince = now;
          Duration wrapUp =
              a.callQueue == null ? Duration.ZERO : policy.get().wrapUpOf(a.callQueue);
          if (a.logoutAfterCall != null || wrapUp.isZero()) {
            freeAgain(a, "call-ended");
            return;
          }
          transition(a, AgentState.WRAP_UP, "call-ended");
          long wrapUpNo = ++a.wrapUps;
          timers.at(
              now.plus(wrapUp),
              () -> {
                if (a.state == AgentState.WRAP_UP && a.wrapUps == wrapUpNo) {
                  freeAgain(a, "wrap-up-ended");
                }
              });
        });
  }

  /** See {@link Acd#reserve}. */
  Optional<Agent> reserve(String agentId, String why) {
    AgentSlot a = board.agent(agentId);
    if (a == null || a.state != AgentState.AVAILABLE) {
      return Optional.empty();
    }
    board.unfree(a);
    transition(a, AgentState.RESERVED, why);
    return Optional.of(a.agent);
  }

  /** See {@link Acd#directConnected}. */
  void directConnected(String agentId, String queue, String callId) {
    onAgent(
        agentId,
        a -> {
          if (a.state == AgentState.RESERVED) {
            a.callsToday++;
            a.missedInRow = 0;
            a.callQueue = queue;
            transition(a, AgentState.ON_CALL, callId);
          }
        });
  }

  /** See {@link Acd#release}. */
  void release(String agentId, String why) {
    onAgent(
        agentId,
        a -> {
          if (a.state == AgentState.RESERVED) {
            freeAgain(a, why);
          }
        });
  }

  /** See {@link Acd#missed}. */
  void directMissed(String agentId) {
    onAgent(
        agentId,
        a -> {
          if (a.state == AgentState.RESERVED) {
            missed(a);
          }
        });
  }

  private void makeAvailable(AgentSlot a, String reason) {
    transition(a, AgentState.AVAILABLE, reason);
    board.free(a);
    match.accept(a);
  }

  /** The agent left an offer unanswered: after too many in a row, a break. */
  void missed(AgentSlot a) {
    a.missedInRow++;
    if (policy.get().maxMissed() > 0
        && a.missedInRow >= policy.get().maxMissed()
        && a.logoutAfterCall == null) {
      a.missedInRow = 0;
      a.breakAfterCall = null;
      meters.missedBreaks.increment();
      transition(a, AgentState.BREAK, AcdSettings.MISSED);
    } else {
      freeAgain(a, "no-answer");
    }
  }

  /** The agent's offer or call is over: a logout or break asked for meanwhile, else available. */
  void freeAgain(AgentSlot a, String reason) {
    if (a.logoutAfterCall != null) {
      String why = a.logoutAfterCall;
      a.logoutAfterCall = null;
      logOut(a, why);
    } else if (a.breakAfterCall != null) {
      String why = a.breakAfterCall;
      a.breakAfterCall = null;
      transition(a, AgentState.BREAK, why);
    } else {
      makeAvailable(a, reason);
    }
  }

  private void logOut(AgentSlot a, String reason) {
    if (a.state == AgentState.AVAILABLE) {
      board.unfree(a);
    }
    transition(a, AgentState.LOGGED_OUT, reason);
    if (a.removed) {
      board.remove(a);
    }
  }

  /** Runs {@code change} for a known agent; an unknown id is ignored. */
  private void onAgent(String agentId, Consumer<AgentSlot> change) {
    AgentSlot a = board.agent(agentId);
    if (a != null) {
      change.accept(a);
    }
  }

  /** Moves the agent to {@code to}, publishes the change and keeps the logged-in counts. */
  void transition(AgentSlot a, AgentState to, String reason) {
    AgentState from = a.state;
    a.state = to;
    if (from == to) {
      return;
    }
    if (from == AgentState.LOGGED_OUT) {
      board.countLoggedIn(a, +1);
    }
    a.agent.queues().forEach(changed);
    bus.publish(new AgentEvent.StateChanged(a.id(), from, to, reason, clock.instant()));
    if (to == AgentState.LOGGED_OUT) {
      board.countLoggedIn(a, -1);
      a.agent.queues().forEach(limits::giveBackIfNoAgents);
    }
  }
}
