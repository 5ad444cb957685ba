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
import org.hotline.core.user.PasswordHash;
import org.hotline.core.user.Passwords;

/**
 * The agents and their live state:
 *
 * <ul>
 *   <li>{@code GET /api/agents}: every enabled agent with their queues, skill level per queue
 *       ({@code levels}), routing state and whether they have a desk password ({@code
 *       deskPassword}: true or false, never the password)
 *   <li>{@code POST /api/agents/{id}/state} with {@code {"state": "ready"}}, {@code {"state":
 *       "break", "reason": "lunch"}} or {@code {"state": "logout"}}: sets the agent's state as
 *       their phone's feature codes or the agent desktop would; 202, applied in order with routing;
 *       an unknown agent is 404, an unknown state or break reason 400
 *   <li>{@code PUT /api/agents/{id}} with {@code {"name": "Li Na", "sipUser": "1001", "password":
 *       "...", "deskPassword": "...", "queues": {"sales": 3, "support": 1}}} (queue to skill level,
 *       1 to 10): creates the agent or changes it. A new agent, or a new SIP user, without a {@code
 *       password} gets a random SIP password, in the answer's {@code generatedPassword} once; a new
 *       agent without a {@code deskPassword} gets a random desk password, in {@code
 *       generatedDeskPassword} once. Routing follows at once: an agent on a call keeps it
 *   <li>{@code PUT /api/agents/{id}/desk-password} with {@code {"password": "..."}} sets the
 *       agent's desk password, with {@code {}} resets it to a random one, in the answer's {@code
 *       generatedDeskPassword} once
 *   <li>{@code DELETE /api/agents/{id}}: disables the agent; it takes no more calls and cannot
 *       register
 * </ul>
 *
 * <p>The desk password opens the agent desktop, the CTI connection and the API for the agent; it is
 * never the SIP password, which opens nothing but the phone line. It is at least {@link
 * #MIN_DESK_PASSWORD} characters, and different from the SIP password given with it. A new SIP or
 * desk password ends the agent's sessions.
 */
public final class AgentsRoute {
  static final String PATH = "/api/agents";

  /** The end of a desk password's path: {@code /api/agents/{id}/desk-password}. */
  private static final String DESK_PASSWORD = "/desk-password";

  private static final String ID = "[A-Za-z0-9._-]{1,32}";

  private final AgentRepository agents;
  private final Supplier<CompletableFuture<AcdSnapshot>> snapshot;
  private final AgentControl control;
  private final Set<String> breakReasons;
  private final AgentChanges changes;
  private final String realm;
  private final PasswordHash hasher;

  /**
   * What follows a change to an agent: routing and registration see it at once, and whoever logged
   * in with a password the agent no longer has is logged out.
   */
  public interface AgentChanges {
    /** The agent was created or changed. */
    void changed(Agent agent);

    /**
     * The agent was given a password, SIP or desk (a new one, or with a new SIP user), after {@link
     * #changed} when that was called: its sessions must end and remembered logins be forgotten, so
     * the old password's logins go with it.
     */
    void passwordChanged(Agent agent);

    /** The agent was disabled: its sessions must end too. */
    void removed(Agent agent);

    /**
     * Whether {@code id} is taken by someone who is not an agent (a user), so no new agent may have
     * it.
     */
    default boolean nameTaken(String id) {
      return false;
    }
  }

  /**
   * @param snapshot the ACD's live state
   * @param breakReasons the reasons a break may give
   * @param hasher what makes the desk passwords' hashes
   */
  public AgentsRoute(
      AgentRepository agents,
      Supplier<CompletableFuture<AcdSnapshot>> snapshot,
      AgentControl control,
      Set<String> breakReasons,
      String realm,
      PasswordHash hasher,
      AgentChanges changes) {
    this.agents = Objects.requireNonNull(agents, "agents");
    this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    this.control = Objects.requireNonNull(control, "control");
    this.breakReasons = Set.copyOf(breakReasons);
    this.realm = Objects.requireNonNull(realm, "realm");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.changes = Objects.requireNonNull(changes, "changes");
  }

  /** Adds the agent routes to {@code router}. */
  public Router addTo(Router router) {
    return router
        .get(PATH, Access.roles(SUPERVISOR, ADMIN, INTEGRATION), this::list)
        .post(
            PATH + "/*",
            Access.roles(SUPERVISOR, ADMIN, INTEGRATION).orOwn(AGENT, AgentsRoute::agentOfState),
            this::setState)
        .route(HttpMethod.PUT, PATH + "/*", Access.roles(ADMIN), this::put)
        .route(HttpMethod.DELETE, PATH + "/*", Access.roles(ADMIN), this::delete);
  }

  /** The agent {@code POST /api/agents/{id}/state} is about; null for another path. */
  static String agentOfState(Request request) {
    String rest = request.path().substring(PATH.length() + 1);
    return rest.endsWith("/state") ? rest.substring(0, rest.length() - "/state".length()) : null;
  }

  /**
   * A generated SIP password's random bytes: 24 characters, beyond any guessing over the network.
   */
  static final int GENERATED_PASSWORD_BYTES = 18;

  /** A generated desk password's random bytes: 16 characters, typed by a person now and then. */
  static final int GENERATED_DESK_PASSWORD_BYTES = 12;

  /** The shortest desk password an agent may be given. */
  public static final int MIN_DESK_PASSWORD = 8;

  /** The longest desk password taken: what a login looks at. */
  public static final int MAX_DESK_PASSWORD = 256;

  /** An agent as the API shows it. */
  record Listed(
      String id,
      String name,
      String sipUser,
      List<String> queues,
      Map<String, Integer> levels,
      String state,
      boolean deskPassword,
      @JsonInclude(JsonInclude.Include.NON_NULL) String generatedPassword,
      @JsonInclude(JsonInclude.Include.NON_NULL) String generatedDeskPassword) {
    Listed {
      levels = new java.util.TreeMap<>(levels);
    }
  }

  private Response list(Request request) throws Exception {
    Map<String, AgentState> states = snapshot.get().get(5, TimeUnit.SECONDS).agentStates();
    Set<String> withDesk = agents.withDeskPassword();
    List<Listed> listed =
        agents.all().stream()
            .map(
                a ->
                    new Listed(
                        a.id(),
                        a.name(),
                        a.sipUser(),
                        a.queues().stream().sorted().toList(),
                        a.levels(),
                        states
                            .getOrDefault(a.id(), AgentState.LOGGED_OUT)
                            .name()
                            .toLowerCase(java.util.Locale.ROOT),
                        withDesk.contains(a.id()),
                        null,
                        null))
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
      return Response.error(
          HttpResponseStatus.NOT_FOUND, "no agent " + BadRequestException.shown(id));
    }
    JsonNode body = request.jsonObject("{\"state\": \"ready\"}");
    String state = body.path("state").asText("");
    switch (state) {
      case "ready" -> control.ready(agent.id());
      case "logout" -> control.logout(agent.id());
      case "break" -> {
        String reason = body.path("reason").asText("");
        if (!breakReasons.contains(reason)) {
          throw new BadRequestException(
              "reason",
              "expected one of "
                  + breakReasons.stream().sorted().toList()
                  + ", got '"
                  + BadRequestException.shown(reason)
                  + "'");
        }
        control.pause(agent.id(), reason);
      }
      default ->
          throw new BadRequestException(
              "state",
              "expected ready, break or logout, got '" + BadRequestException.shown(state) + "'");
    }
    return Response.json(HttpResponseStatus.ACCEPTED, Map.of("agent", agent.id(), "state", state));
  }

  private Response put(Request request) {
    String id = request.path().substring(PATH.length() + 1);
    if (id.endsWith(DESK_PASSWORD)) {
      return putDeskPassword(request, id.substring(0, id.length() - DESK_PASSWORD.length()));
    }
    if (!id.matches(ID)) {
      throw new BadRequestException(
          "id",
          "an agent id is 1 to 32 letters, digits, '.', '_' or '-', got '"
              + BadRequestException.shown(id)
              + "'");
    }
    JsonNode body = request.jsonObject("{\"password\": \"...\", \"queues\": {\"sales\": 1}}");
    String sipUser = body.path("sipUser").asText(id);
    if (!sipUser.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new BadRequestException(
          "sipUser",
          "1 to 64 letters, digits, '.', '_' or '-', got '"
              + BadRequestException.shown(sipUser)
              + "'");
    }
    String name = body.path("name").asText(id);
    Map<String, Integer> levels = new java.util.TreeMap<>();
    JsonNode queues = body.path("queues");
    if (!queues.isObject()) {
      throw new BadRequestException(
          "queues", "expected an object of queue to skill level, such as {\"sales\": 1}");
    }
    queues
        .fields()
        .forEachRemaining(
            e -> {
              if (!QueueSettings.QUEUE_NAME.matcher(e.getKey()).matches()
                  || !e.getValue().canConvertToInt()
                  || e.getValue().asInt() < 1
                  || e.getValue().asInt() > 10) {
                throw new BadRequestException(
                    "queues",
                    "queue names are lower-case, levels 1 to 10; got "
                        + e.getKey()
                        + ": "
                        + e.getValue());
              }
              levels.put(e.getKey(), e.getValue().asInt());
            });
    Agent agent = new Agent(id, name, sipUser, levels.keySet(), levels);
    String password = body.path("password").asText("");
    if (!password.isEmpty() && password.length() < 6) {
      throw new BadRequestException("password", "at least 6 characters");
    }
    String desk = deskPassword(body.path("deskPassword"), "deskPassword");
    if (desk != null && desk.equals(password)) {
      throw new BadRequestException(
          "deskPassword", "the desk password is not the SIP password: choose another");
    }
    boolean created = agents.byId(id).isEmpty();
    if (created && changes.nameTaken(id)) {
      return Response.error(
          HttpResponseStatus.CONFLICT, "'" + id + "' is a user's name: an agent id may not be one");
    }
    String generated = null;
    if (password.isEmpty() && !agents.updateProfile(agent)) {
      // A new agent, or a new SIP user, without a password: a long random one, shown once.
      generated = Passwords.random(GENERATED_PASSWORD_BYTES);
      password = generated;
    }
    // A new agent (or a disabled one coming back) without a desk password gets a random one, shown
    // once.
    String generatedDesk = null;
    if (desk == null && created) {
      generatedDesk = Passwords.random(GENERATED_DESK_PASSWORD_BYTES);
      desk = generatedDesk;
    }
    if (!password.isEmpty()) {
      agents.upsert(agent, realm, password);
      agents.setEnabled(id, true);
    }
    if (desk != null) {
      agents.setDeskPasswordHash(id, hasher.hash(desk));
    }
    changes.changed(agent);
    if (!password.isEmpty() || desk != null) {
      changes.passwordChanged(agent);
    }
    return Response.json(
        created ? HttpResponseStatus.CREATED : HttpResponseStatus.OK,
        new Listed(
            agent.id(),
            agent.name(),
            agent.sipUser(),
            agent.queues().stream().sorted().toList(),
            agent.levels(),
            null,
            agents.deskPasswordHash(id).isPresent(),
            generated,
            generatedDesk));
  }

  /** {@code PUT /api/agents/{id}/desk-password}: sets the desk password given, or a random one. */
  private Response putDeskPassword(Request request, String id) {
    Agent agent = agents.byId(id).orElse(null);
    if (agent == null) {
      return Response.error(
          HttpResponseStatus.NOT_FOUND, "no agent " + BadRequestException.shown(id));
    }
    JsonNode body = request.jsonObject("{\"password\": \"...\"} or {} for a random one");
    String desk = deskPassword(body.path("password"), "password");
    String generated = desk == null ? Passwords.random(GENERATED_DESK_PASSWORD_BYTES) : null;
    agents.setDeskPasswordHash(id, hasher.hash(desk == null ? generated : desk));
    changes.passwordChanged(agent);
    Map<String, Object> answer = new java.util.LinkedHashMap<>();
    answer.put("agent", id);
    if (generated != null) {
      answer.put("generatedDeskPassword", generated);
    }
    return Response.json(HttpResponseStatus.OK, answer);
  }

  /**
   * The desk password in {@code value}; null when absent or null.
   *
   * @throws BadRequestException when it is not text of {@link #MIN_DESK_PASSWORD} to {@link
   *     #MAX_DESK_PASSWORD} characters
   */
  static String deskPassword(JsonNode value, String field) {
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isTextual()
        || value.asText().length() < MIN_DESK_PASSWORD
        || value.asText().length() > MAX_DESK_PASSWORD) {
      throw new BadRequestException(
          field,
          "a desk password is " + MIN_DESK_PASSWORD + " to " + MAX_DESK_PASSWORD + " characters");
    }
    return value.asText();
  }

  private Response delete(Request request) {
    String id = request.path().substring(PATH.length() + 1);
    Agent agent = agents.byId(id).orElse(null);
    if (agent == null) {
      return Response.error(
          HttpResponseStatus.NOT_FOUND, "no agent " + BadRequestException.shown(id));
    }
    agents.setEnabled(id, false);
    changes.removed(agent);
    return new Response(HttpResponseStatus.NO_CONTENT, Response.TEXT, new byte[0], Map.of());
  }
}
