package org.hotline.admin.http;

import static org.hotline.core.user.Role.ADMIN;
import static org.hotline.core.user.Role.AGENT;
import static org.hotline.core.user.Role.INTEGRATION;
import static org.hotline.core.user.Role.SUPERVISOR;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.hotline.core.acd.AcdSnapshot;
import org.hotline.core.acd.QueueSettings;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentControl;
import org.hotline.core.agent.AgentRepository;
import org.hotline.core.agent.AgentState;
import org.hotline.core.user.Passwords;

/**
 * The agents and their live state:
 *
 * <ul>
 *   <li>{@code GET /api/agents}: every enabled agent with their queues, skill level per queue
 *       ({@code levels}) and routing state
 *   <li>{@code POST /api/agents/{id}/state} with {@code {"state": "ready"}}, {@code {"state":
 *       "break", "reason": "lunch"}} or {@code {"state": "logout"}}: sets the agent's state as
 *       their phone's feature codes or the agent desktop would; 202, applied in order with
 *       routing; an unknown agent is 404, an unknown state or break reason 400
 *   <li>{@code PUT /api/agents/{id}} with {@code {"name": "Li Na", "sipUser": "1001", "password":
 *       "...", "queues": {"sales": 3, "support": 1}}} (queue to skill level, 1 to 10): creates the
 *       agent or changes it; a new agent, or a new SIP user, needs the password. Routing follows
 *       at once: an agent on a call keeps it
 *   <li>{@code DELETE /api/agents/{id}}: disables the agent; it takes no more calls and cannot
 *       register
 * </ul>
 */
public final class AgentsRoute {
  static final String PATH = "/api/agents";

  private final AgentRepository agents;
  private final Supplier<CompletableFuture<AcdSnapshot>> snapshot;
  private final AgentControl control;
  private final Set<String> breakReasons;
  private final AgentChanges changes;
  private final String realm;

  /**
   * What follows a change to an agent: routing and registration see it at once, and whoever
   * logged in with a password the agent no longer has is logged out.
   */
  public interface AgentChanges {
    /** The agent was created or changed. */
    void changed(Agent agent);

    /**
     * The agent was given a password (a new one, or with a new SIP user), after {@link
     * #changed}: its sessions must end, so the old password's logins go with it.
     */
    void passwordChanged(Agent agent);

    /** The agent was disabled: its sessions must end too. */
    void removed(Agent agent);

    /** Whether {@code id} is taken by someone who is not an agent (a user), so no new agent may have it. */
    default boolean nameTaken(String id) {
      return false;
    }
  }

  /**
   * @param snapshot the ACD's live state
   * @param breakReasons the reasons a break may give
   */
  public AgentsRoute(
      AgentRepository agents,
      Supplier<CompletableFuture<AcdSnapshot>> snapshot,
      AgentControl control,
      Set<String> breakReasons,
      String realm,
      AgentChanges changes) {
    this.agents = Objects.requireNonNull(agents, "agents");
    this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    this.control = Objects.requireNonNull(control, "control");
    this.breakReasons = Set.copyOf(breakReasons);
    this.realm = Objects.requireNonNull(realm, "realm");
    this.changes = Objects.requireNonNull(changes, "changes");
  }

  /** Adds the agent routes to {@code router}. */
  public Router addTo(Router router) {
    return router
        .get(PATH, Access.roles(SUPERVISOR, ADMIN, INTEGRATION), this::list)
        .post(PATH + "/*", Access.roles(SUPERVISOR, ADMIN, INTEGRATION).orOwn(AGENT, AgentsRoute::agentOfState), this::setState)
        .route(HttpMethod.PUT, PATH + "/*", Access.roles(ADMIN), this::put)
        .route(HttpMethod.DELETE, PATH + "/*", Access.roles(ADMIN), this::delete);
  }

  /** The agent {@code POST /api/agents/{id}/state} is about; null for another path. */
  static String agentOfState(Request request) {
    String rest = request.path().substring(PATH.length() + 1);
    return rest.endsWith("/state") ? rest.substring(0, rest.length() - "/state".length()) : null;
  }

  /** An agent as the API shows it. */
  /** A generated SIP password's random bytes: 24 characters, beyond any guessing over the network. */
  static final int GENERATED_PASSWORD_BYTES = 18;

  record Listed(
      String id,
      String name,
      String sipUser,
      List<String> queues,
      Map<String, Integer> levels,
      String state,
      @JsonInclude(JsonInclude.Include.NON_NULL) String generatedPassword) {
    Listed {
      levels = new java.util.TreeMap<>(levels);
    }

    Listed(String id, String name, String sipUser, List<String> queues, Map<String, Integer> levels, String state) {
      this(id, name, sipUser, queues, levels, state, null);
    }
  }

  private Response list(Request request) throws Exception {
    Map<String, AgentState> states = snapshot.get().get(5, TimeUnit.SECONDS).agentStates();
    List<Listed> listed =
        agents.all().stream()
            .map(a -> new Listed(a.id(), a.name(), a.sipUser(), a.queues().stream().sorted().toList(), a.levels(),
                states.getOrDefault(a.id(), AgentState.LOGGED_OUT).name().toLowerCase(java.util.Locale.ROOT)))
            .toList();
    return Response.json(HttpResponseStatus.OK, listed);
  }

  private Response setState(Request request) {
    String rest = request.path().substring(PATH.length() + 1);
    if (!rest.endsWith("/state")) {
      return Response.error(HttpResponseStatus.NOT_FOUND, "no such resource: " + request.path());
    }
    String id = rest.substring(0, rest.length() - "/state".length());
    Agent agent = agents.byId(id).orElse(null);
    if (agent == null) {
      return Response.error(HttpResponseStatus.NOT_FOUND, "no agent " + BadRequestException.shown(id));
    }
    JsonNode body = request.jsonObject("{\"state\": \"ready\"}");
    String state = body.path("state").asText("");
    switch (state) {
      case "ready" -> control.ready(agent.id());
      case "logout" -> control.logout(agent.id());
      case "break" -> {
        String reason = body.path("reason").asText("");
        if (!breakReasons.contains(reason)) {
          throw new BadRequestException("reason", "expected one of " + breakReasons.stream().sorted().toList() + ", got '" + BadRequestException.shown(reason) + "'");
        }
        control.pause(agent.id(), reason);
      }
      default -> throw new BadRequestException("state", "expected ready, break or logout, got '" + BadRequestException.shown(state) + "'");
    }
    return Response.json(HttpResponseStatus.ACCEPTED, Map.of("agent", agent.id(), "state", state));
  }

  private Response put(Request request) {
    String id = request.path().substring(PATH.length() + 1);
    if (!id.matches("[A-Za-z0-9._-]{1,32}")) {
      throw new BadRequestException("id", "an agent id is 1 to 32 letters, digits, '.', '_' or '-', got '" + BadRequestException.shown(id) + "'");
    }
    JsonNode body = request.jsonObject("{\"password\": \"...\", \"queues\": {\"sales\": 1}}");
    String sipUser = body.path("sipUser").asText(id);
    if (!sipUser.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new BadRequestException("sipUser", "1 to 64 letters, digits, '.', '_' or '-', got '" + BadRequestException.shown(sipUser) + "'");
    }
    String name = body.path("name").asText(id);
    Map<String, Integer> levels = new java.util.TreeMap<>();
    JsonNode queues = body.path("queues");
    if (!queues.isObject()) {
      throw new BadRequestException("queues", "expected an object of queue to skill level, such as {\"sales\": 1}");
    }
    queues.fields().forEachRemaining(e -> {
      if (!QueueSettings.QUEUE_NAME.matcher(e.getKey()).matches() || !e.getValue().canConvertToInt()
          || e.getValue().asInt() < 1 || e.getValue().asInt() > 10) {
        throw new BadRequestException("queues", "queue names are lower-case, levels 1 to 10; got " + e.getKey() + ": " + e.getValue());
      }
      levels.put(e.getKey(), e.getValue().asInt());
    });
    Agent agent = new Agent(id, name, sipUser, levels.keySet(), levels);
    String password = body.path("password").asText("");
    boolean created = agents.byId(id).isEmpty();
    if (created && changes.nameTaken(id)) {
      return Response.error(HttpResponseStatus.CONFLICT, "'" + id + "' is a user's name: an agent id may not be one");
    }
    String generated = null;
    if (password.isEmpty() && !agents.updateProfile(agent)) {
      // A new agent, or a new SIP user, without a password: a long random one, shown once.
      generated = Passwords.random(GENERATED_PASSWORD_BYTES);
      password = generated;
    }
    if (!password.isEmpty()) {
      if (password.length() < 6) {
        throw new BadRequestException("password", "at least 6 characters");
      }
      agents.upsert(agent, realm, password);
      agents.setEnabled(id, true);
    }
    changes.changed(agent);
    if (!password.isEmpty()) {
      changes.passwordChanged(agent);
    }
    return Response.json(created ? HttpResponseStatus.CREATED : HttpResponseStatus.OK,
        new Listed(agent.id(), agent.name(), agent.sipUser(), agent.queues().stream().sorted().toList(), agent.levels(), null, generated));
  }

  private Response delete(Request request) {
    String id = request.path().substring(PATH.length() + 1);
    Agent agent = agents.byId(id).orElse(null);
    if (agent == null) {
      return Response.error(HttpResponseStatus.NOT_FOUND, "no agent " + BadRequestException.shown(id));
    }
    agents.setEnabled(id, false);
    changes.removed(agent);
    return new Response(HttpResponseStatus.NO_CONTENT, Response.TEXT, new byte[0], Map.of());
  }
}
