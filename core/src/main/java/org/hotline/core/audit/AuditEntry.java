package org.hotline.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One change a user made through the API.
 *
 * @param id the row's id (0 before it is stored)
 * @param at when the change was made
 * @param actor who made it: a user's name, an agent's id or an integration's name
 * @param role the actor's role ({@code admin}, {@code supervisor}, {@code agent}, {@code
 *     integration})
 * @param action what was done, such as {@code PUT /api/agents/*}
 * @param object what it was done to, such as {@code /api/agents/1001}
 * @param remote the address the request came from; null when unknown
 * @param detail a short account of the change (fields changed, never their secret values); may be
 *     null
 */
public record AuditEntry(
    long id,
    Instant at,
    String actor,
    String role,
    String action,
    String object,
    String remote,
    String detail) {
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(object, "object");
  }
}
