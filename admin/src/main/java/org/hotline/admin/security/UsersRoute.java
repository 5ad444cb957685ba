package org.hotline.admin.security;

import static org.hotline.core.user.Role.ADMIN;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.hotline.admin.cti.TokenService;
import org.hotline.admin.http.Access;
import org.hotline.admin.http.BadRequestException;
import org.hotline.admin.http.Request;
import org.hotline.admin.http.Response;
import org.hotline.admin.http.Router;
import org.hotline.core.user.PasswordHash;
import org.hotline.core.user.Role;
import org.hotline.core.user.User;
import org.hotline.core.user.UserRepository;

/**
 * Administrators and supervisors over HTTP, for administrators only.
 *
 * <ul>
 *   <li>{@code GET /api/users}: every user ({@code name, role, enabled, lockedUntil, createdAt,
 *       updatedAt}), never a hash
 *   <li>{@code POST /api/users} with {@code {"name", "role", "password"}}: 201; 409 when the name
 *       is taken by a user, an agent or an integration
 *   <li>{@code PUT /api/users/{name}} with any of {@code role}, {@code password}, {@code enabled}:
 *       200; a new password also lifts a lockout
 *   <li>{@code DELETE /api/users/{name}}: 204
 * </ul>
 *
 * <p>The last enabled administrator can be neither disabled, demoted nor deleted (409). A change of
 * role, password or enabled, and a deletion, end the user's sessions and forget their Basic logins.
 * A name is 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}; a password at least {@link
 * #MIN_PASSWORD} characters.
 */
public final class UsersRoute {
  /** The collection's path. */
  public static final String PATH = "/api/users";

  /** The shortest password a user may be given. */
  public static final int MIN_PASSWORD = 12;

  private static final String NAME = "[A-Za-z0-9._-]{1,64}";

  private final UserRepository users;
  private final PasswordHash hasher;
  private final Predicate<String> nameTaken;
  private final TokenService tokens;
  private final Logins logins;
  private final Clock clock;

  /**
   * Makes each change one step with the checks before it (the last enabled administrator stays): a
   * lock, not a monitor, as it is held across database reads and writes on virtual threads.
   */
  private final ReentrantLock changes = new ReentrantLock();

  /**
   * @param nameTaken whether a name is an agent's id or an integration's name, which a user may not
   *     take
   * @param tokens whose sessions end when a user changes
   * @param logins whose remembered Basic logins are forgotten when a user changes
   */
  public UsersRoute(
      UserRepository users,
      PasswordHash hasher,
      Predicate<String> nameTaken,
      TokenService tokens,
      Logins logins,
      Clock clock) {
    this.users = Objects.requireNonNull(users, "users");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.nameTaken = Objects.requireNonNull(nameTaken, "nameTaken");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.logins = Objects.requireNonNull(logins, "logins");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Adds the user routes to {@code router}, for administrators. */
  public Router addTo(Router router) {
    Access admins = Access.roles(ADMIN);
    return router
        .get(PATH, admins, this::list)
        .post(PATH, admins, this::create)
        .route(HttpMethod.PUT, PATH + "/*", admins, this::update)
        .route(HttpMethod.DELETE, PATH + "/*", admins, this::delete);
  }

  /** A user as the API shows it. */
  record Listed(
      String name,
      String role,
      boolean enabled,
      Instant lockedUntil,
      Instant createdAt,
      Instant updatedAt) {
    static Listed of(User u, Instant now) {
      return new Listed(
          u.name(),
          u.role().id(),
          u.enabled(),
          u.lockedAt(now) ? u.lockedUntil() : null,
          u.createdAt(),
          u.updatedAt());
    }
  }

  Response list(Request request) {
    Instant now = clock.instant();
    List<Listed> listed = users.all().stream().map(u -> Listed.of(u, now)).toList();
    return Response.json(HttpResponseStatus.OK, listed);
  }

  Response create(Request request) {
    JsonNode body =
        request.jsonObject("{\"name\": \"lin\", \"role\": \"supervisor\", \"password\": \"...\"}");
    String name = body.path("name").asText("");
    if (!name.matches(NAME)) {
      throw new BadRequestException(
          "name", "1 to 64 letters, digits, '.', '_' or '-', got '" + Logins.printable(name) + "'");
    }
    Role role = role(body.path("role").asText(""));
    String password = password(body.path("password"));
    if (password == null) {
      throw new BadRequestException(
          "password", "a new user needs a password of at least " + MIN_PASSWORD + " characters");
    }
    if (nameTaken.test(name)) {
      return Response.error(
          HttpResponseStatus.CONFLICT, "'" + name + "' is an agent's or an integration's name");
    }
    String hash = hasher.hash(password);
    changes.lock();
    try {
      Optional<User> created = users.create(name, role, hash);
      if (created.isEmpty()) {
        return Response.error(HttpResponseStatus.CONFLICT, "user '" + name + "' exists already");
      }
      return Response.json(HttpResponseStatus.CREATED, Listed.of(created.get(), clock.instant()))
          .withHeader("Location", PATH + "/" + name);
    } finally {
      changes.unlock();
    }
  }

  Response update(Request request) {
    String name = name(request);
    JsonNode body = request.jsonObject("{\"role\": \"supervisor\", \"enabled\": true}");
    Role role = body.has("role") ? role(body.path("role").asText("")) : null;
    String password = password(body.path("password"));
    Boolean enabled = null;
    if (body.has("enabled")) {
      if (!body.get("enabled").isBoolean()) {
        throw new BadRequestException("enabled", "true or false");
      }
      enabled = body.get("enabled").asBoolean();
    }
    if (role == null && password == null && enabled == null) {
      throw new BadRequestException(null, "nothing to change: send role, password or enabled");
    }
    String hash = password == null ? null : hasher.hash(password);
    changes.lock();
    try {
      Optional<User> found = users.byName(name);
      if (found.isEmpty()) {
        return notFound(name);
      }
      User user = found.get();
      boolean losesAdmin =
          user.role() == ADMIN
              && user.enabled()
              && ((role != null && role != ADMIN) || Boolean.FALSE.equals(enabled));
      if (losesAdmin && users.enabledAdmins() <= 1) {
        return Response.error(
            HttpResponseStatus.CONFLICT,
            "'" + name + "' is the last enabled administrator: make another one first");
      }
      if (role != null) {
        users.setRole(name, role);
      }
      if (hash != null) {
        users.setPassword(name, hash);
      }
      if (enabled != null) {
        users.setEnabled(name, enabled);
      }
      tokens.endAllOf(name);
      logins.forget();
      return Response.json(
          HttpResponseStatus.OK, Listed.of(users.byName(name).orElseThrow(), clock.instant()));
    } finally {
      changes.unlock();
    }
  }

  Response delete(Request request) {
    String name = name(request);
    changes.lock();
    try {
      Optional<User> found = users.byName(name);
      if (found.isEmpty()) {
        return notFound(name);
      }
      if (found.get().role() == ADMIN && found.get().enabled() && users.enabledAdmins() <= 1) {
        return Response.error(
            HttpResponseStatus.CONFLICT,
            "'" + name + "' is the last enabled administrator: make another one first");
      }
      users.delete(name);
      tokens.endAllOf(name);
      logins.forget();
      return new Response(HttpResponseStatus.NO_CONTENT, Response.TEXT, new byte[0], Map.of());
    } finally {
      changes.unlock();
    }
  }

  private static String name(Request request) {
    String name = request.path().substring(PATH.length() + 1);
    if (!name.matches(NAME)) {
      throw new BadRequestException(
          "name", "1 to 64 letters, digits, '.', '_' or '-', got '" + Logins.printable(name) + "'");
    }
    return name;
  }

  private static Role role(String id) {
    return Role.of(id)
        .filter(UserRepository.ROLES::contains)
        .orElseThrow(
            () ->
                new BadRequestException(
                    "role", "admin or supervisor, got '" + Logins.printable(id) + "'"));
  }

  /** The body's password; null when absent. */
  private static String password(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isTextual()
        || value.asText().length() < MIN_PASSWORD
        || value.asText().length() > Logins.MAX_INPUT) {
      throw new BadRequestException(
          "password", MIN_PASSWORD + " to " + Logins.MAX_INPUT + " characters");
    }
    return value.asText();
  }

  private static Response notFound(String name) {
    return Response.error(HttpResponseStatus.NOT_FOUND, "no user " + name);
  }
}
