package org.hotline.admin.http;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotline.core.user.Role;

/**
 * Who may use a route, declared where the route is registered ({@link Router#get(String, Access,
 * RouteHandler)}): nobody may register a route without saying it.
 *
 * <ul>
 *   <li>{@link #open()}: anyone, without credentials (health, login, the pages themselves)
 *   <li>{@link #roles(Role...)}: a logged-in user with one of the roles; others get 401 without
 *       credentials and 403 with a role that may not
 *   <li>{@link #orOwn(Role, Function)}: besides, a user of {@code role} on their own object only,
 *       the object's owner read from the request (an agent setting their own state)
 * </ul>
 */
public final class Access {
  private static final Access OPEN = new Access(true, EnumSet.noneOf(Role.class), null, null);

  private final boolean open;
  private final Set<Role> roles;
  private final Role ownerRole;
  private final Function<Request, String> ownerOf;

  private Access(boolean open, Set<Role> roles, Role ownerRole, Function<Request, String> ownerOf) {
    this.open = open;
    this.roles = Collections.unmodifiableSet(roles);
    this.ownerRole = ownerRole;
    this.ownerOf = ownerOf;
  }

  /** Anyone, without credentials. */
  public static Access open() {
    return OPEN;
  }

  /**
   * A logged-in user with one of {@code roles}.
   *
   * @throws IllegalArgumentException when no role is given: say {@link #open()} for everyone
   */
  public static Access roles(Role... roles) {
    if (roles == null || roles.length == 0) {
      throw new IllegalArgumentException(
          "a route names the roles that may use it, or is Access.open()");
    }
    EnumSet<Role> set = EnumSet.noneOf(Role.class);
    Arrays.stream(roles).map(r -> Objects.requireNonNull(r, "role")).forEach(set::add);
    return new Access(false, set, null, null);
  }

  /** Any logged-in user, whatever the role. */
  public static Access loggedIn() {
    return roles(Role.values());
  }

  /**
   * This access, and besides users of {@code role} when {@code ownerOf} finds their own name in the
   * request (null when the request names no owner).
   */
  public Access orOwn(Role role, Function<Request, String> ownerOf) {
    if (open) {
      throw new IllegalStateException("an open route has no owner");
    }
    if (roles.contains(role)) {
      throw new IllegalArgumentException(role.id() + " may use the route anyway");
    }
    return new Access(
        false,
        EnumSet.copyOf(roles),
        Objects.requireNonNull(role, "role"),
        Objects.requireNonNull(ownerOf, "ownerOf"));
  }

  /** Whether the route needs no credentials. */
  public boolean isOpen() {
    return open;
  }

  /**
   * Whether a user of {@code role} may use the route at all (on some object, for an owner role).
   */
  public boolean admits(Role role) {
    return open || roles.contains(role) || role == ownerRole;
  }

  /** Whether {@code principal} may make {@code request}. */
  public boolean permits(Principal principal, Request request) {
    if (open || roles.contains(principal.role())) {
      return true;
    }
    return principal.role() == ownerRole && principal.name().equals(ownerOf.apply(request));
  }

  /** Who may use the route, for docs and logs: {@code open}, or the roles ({@code agent (own)}). */
  @Override
  public String toString() {
    if (open) {
      return "open";
    }
    String names = roles.stream().map(Role::id).collect(Collectors.joining(", "));
    return ownerRole == null ? names : names + ", " + ownerRole.id() + " (own)";
  }
}
