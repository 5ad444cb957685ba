package org.hotline.core.agent;

import static org.hotline.core.db.jooq.Tables.AGENT;
import static org.hotline.core.db.jooq.Tables.AGENT_QUEUE;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record5;
import org.jooq.impl.DSL;

/**
 * Agents and the queues they serve with their skill level in each, in the {@code agent} and {@code
 * agent_queue} tables.
 *
 * <p>Passwords are never stored: {@link #upsert} keeps the digest HA1 hashes (MD5 and SHA-256) of
 * {@code user:realm:password}, which is all a registrar needs to check a digest response. The desk
 * password, which opens the agent desktop and is not the SIP password, is kept as the slow salted
 * hash the caller made of it ({@code PasswordHash}); an agent may have none.
 */
public final class AgentRepository {
  /** Agent ids per {@code IN (...)} list, well under every database's bind-value limit. */
  private static final int IN_CHUNK = 500;

  private final DSLContext dsl;
  private final Clock clock;

  public AgentRepository(DSLContext dsl, Clock clock) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Creates {@code agent} or updates its name, SIP user, credentials, queues and levels. A new
   * agent is enabled; an existing one keeps its enabled flag.
   */
  public void upsert(Agent agent, String realm, String password) {
    upsertAll(List.of(agent), realm, a -> password);
  }

  /**
   * {@link #upsert}s every agent in one transaction with batched statements, fast enough for
   * thousands. When an id appears twice, the last one wins.
   */
  public void upsertAll(
      Collection<Agent> agents, String realm, Function<? super Agent, String> passwordOf) {
    save(agents, realm, passwordOf, true);
  }

  /**
   * Creates those of {@code agents} whose id is no agent's yet, enabled, in one transaction; leaves
   * every existing agent as it is (enabled or not), credentials included.
   *
   * @return the ids created, in the order given
   */
  public List<String> createMissing(
      Collection<Agent> agents, String realm, Function<? super Agent, String> passwordOf) {
    return createMissing(agents, realm, passwordOf, a -> null);
  }

  /**
   * {@link #createMissing(Collection, String, Function)}, each agent created with the desk password
   * hash {@code deskHashOf} gives it (null for none), in the same transaction.
   */
  public List<String> createMissing(
      Collection<Agent> agents,
      String realm,
      Function<? super Agent, String> passwordOf,
      Function<? super Agent, String> deskHashOf) {
    return save(agents, realm, passwordOf, deskHashOf, false);
  }

  private List<String> save(
      Collection<Agent> agents,
      String realm,
      Function<? super Agent, String> passwordOf,
      boolean update) {
    return save(agents, realm, passwordOf, a -> null, update);
  }

  /**
   * Inserts the new agents (with the desk hash of {@code deskHashOf}), and updates the existing
   * ones when {@code update}, keeping their desk hash; returns the ids inserted.
   */
  private List<String> save(
      Collection<Agent> agents,
      String realm,
      Function<? super Agent, String> passwordOf,
      Function<? super Agent, String> deskHashOf,
      boolean update) {
    Objects.requireNonNull(realm, "realm");
    Map<String, Agent> byId = new LinkedHashMap<>();
    agents.forEach(a -> byId.put(a.id(), a));
    if (byId.isEmpty()) {
      return List.of();
    }
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    return dsl.transactionResult(
        cfg -> {
          DSLContext tx = cfg.dsl();
          Set<String> existing = existingIds(tx, byId.keySet());
          List<String> inserted = new ArrayList<>();
          BatchBindStep inserts = tx.batch(insertAgent(tx));
          BatchBindStep updates = tx.batch(updateAgent(tx));
          BatchBindStep clearQueues =
              tx.batch(
                  tx.deleteFrom(AGENT_QUEUE)
                      .where(AGENT_QUEUE.AGENT_ID.eq(param(AGENT_QUEUE.AGENT_ID))));
          BatchBindStep addQueues =
              tx.batch(
                  tx.insertInto(
                          AGENT_QUEUE,
                          AGENT_QUEUE.AGENT_ID,
                          AGENT_QUEUE.QUEUE,
                          AGENT_QUEUE.SKILL_LEVEL)
                      .values(
                          param(AGENT_QUEUE.AGENT_ID),
                          param(AGENT_QUEUE.QUEUE),
                          param(AGENT_QUEUE.SKILL_LEVEL)));
          for (Agent a : byId.values()) {
            boolean exists = existing.contains(a.id());
            if (exists && !update) {
              continue;
            }
            String password =
                Objects.requireNonNull(passwordOf.apply(a), () -> "password of agent " + a.id());
            String md5 = DigestHash.md5Ha1(a.sipUser(), realm, password);
            String sha256 = DigestHash.sha256Ha1(a.sipUser(), realm, password);
            if (exists) {
              updates.bind(a.name(), a.sipUser(), realm, md5, sha256, a.id());
              clearQueues.bind(a.id());
            } else {
              inserts.bind(
                  a.id(), a.name(), a.sipUser(), realm, md5, sha256, deskHashOf.apply(a), now);
              inserted.add(a.id());
            }
            for (String queue : new TreeSet<>(a.queues())) {
              addQueues.bind(a.id(), queue, a.level(queue));
            }
          }
          // Order matters: agents before their queue rows (foreign key), old queue rows before new
          // ones.
          for (BatchBindStep batch : List.of(inserts, updates, clearQueues, addQueues)) {
            if (batch.size() > 0) {
              batch.execute();
            }
          }
          return inserted;
        });
  }

  /**
   * Whether agent {@code id} (enabled or not) has {@code password} in {@code realm}: its stored HA1
   * is that of its SIP user, the realm and the password.
   */
  public boolean hasPassword(String id, String realm, String password) {
    return dsl.select(AGENT.SIP_USER, AGENT.REALM, AGENT.HA1_MD5)
        .from(AGENT)
        .where(AGENT.ID.eq(id))
        .fetchOptional()
        .map(
            r ->
                realm.equals(r.value2())
                    && DigestHash.md5Ha1(r.value1(), realm, password).equals(r.value3().trim()))
        .orElse(false);
  }

  /**
   * Gives agent {@code id} (enabled or not) {@code password} in {@code realm}, keeping its SIP
   * user, name, queues and enabled flag.
   *
   * @return false when there is no agent {@code id}
   */
  public boolean setPassword(String id, String realm, String password) {
    return dsl.transactionResult(
        cfg -> {
          DSLContext tx = cfg.dsl();
          String sipUser =
              tx.select(AGENT.SIP_USER)
                  .from(AGENT)
                  .where(AGENT.ID.eq(id))
                  .fetchOptional(AGENT.SIP_USER)
                  .orElse(null);
          if (sipUser == null) {
            return false;
          }
          return tx.update(AGENT)
                  .set(AGENT.REALM, realm)
                  .set(AGENT.HA1_MD5, DigestHash.md5Ha1(sipUser, realm, password))
                  .set(AGENT.HA1_SHA256, DigestHash.sha256Ha1(sipUser, realm, password))
                  .where(AGENT.ID.eq(id))
                  .execute()
              == 1;
        });
  }

  /**
   * The desk password hash of agent {@code id}, enabled or not; empty when there is no such agent
   * or it has no desk password.
   */
  public Optional<String> deskPasswordHash(String id) {
    if (id == null) {
      return Optional.empty();
    }
    return dsl.select(AGENT.DESK_PASSWORD_HASH)
        .from(AGENT)
        .where(AGENT.ID.eq(id))
        .fetchOptional(AGENT.DESK_PASSWORD_HASH);
  }

  /**
   * Stores {@code hash} as agent {@code id}'s desk password hash (enabled or not), replacing the
   * one it had.
   *
   * @return false when there is no agent {@code id}
   */
  public boolean setDeskPasswordHash(String id, String hash) {
    Objects.requireNonNull(hash, "hash");
    return dsl.update(AGENT).set(AGENT.DESK_PASSWORD_HASH, hash).where(AGENT.ID.eq(id)).execute()
        == 1;
  }

  /** The ids of the enabled agents that have a desk password. */
  public Set<String> withDeskPassword() {
    return new HashSet<>(
        dsl.select(AGENT.ID)
            .from(AGENT)
            .where(AGENT.ENABLED.isTrue())
            .and(AGENT.DESK_PASSWORD_HASH.isNotNull())
            .fetch(AGENT.ID));
  }

  /**
   * Changes an existing agent's name, queues and levels, keeping its SIP user and credentials.
   *
   * @return false when there is no agent {@code agent.id()} with SIP user {@code agent.sipUser()}
   */
  public boolean updateProfile(Agent agent) {
    return dsl.transactionResult(
        cfg -> {
          DSLContext tx = cfg.dsl();
          int changed =
              tx.update(AGENT)
                  .set(AGENT.NAME, agent.name())
                  .where(AGENT.ID.eq(agent.id()))
                  .and(AGENT.SIP_USER.eq(agent.sipUser()))
                  .execute();
          if (changed == 0) {
            return false;
          }
          tx.deleteFrom(AGENT_QUEUE).where(AGENT_QUEUE.AGENT_ID.eq(agent.id())).execute();
          for (String queue : new TreeSet<>(agent.queues())) {
            tx.insertInto(
                    AGENT_QUEUE, AGENT_QUEUE.AGENT_ID, AGENT_QUEUE.QUEUE, AGENT_QUEUE.SKILL_LEVEL)
                .values(agent.id(), queue, agent.level(queue))
                .execute();
          }
          return true;
        });
  }

  /** Enables or disables the agent {@code id}; a disabled agent cannot register or take calls. */
  public boolean setEnabled(String id, boolean enabled) {
    return dsl.update(AGENT).set(AGENT.ENABLED, enabled).where(AGENT.ID.eq(id)).execute() == 1;
  }

  /** The enabled agents with their queues, by id. */
  public List<Agent> all() {
    return agents(AGENT.ENABLED.isTrue());
  }

  /** The enabled agent {@code id}. */
  public Optional<Agent> byId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    return agents(AGENT.ENABLED.isTrue().and(AGENT.ID.eq(id))).stream().findFirst();
  }

  /**
   * Whether an agent has the id {@code id}, enabled or not: a disabled agent can be enabled again,
   * so its id stays its own.
   */
  public boolean exists(String id) {
    return id != null && dsl.fetchExists(AGENT, AGENT.ID.eq(id));
  }

  /** The enabled agent whose SIP user is {@code sipUser}. */
  public Optional<Agent> bySipUser(String sipUser) {
    if (sipUser == null) {
      return Optional.empty();
    }
    return agents(AGENT.ENABLED.isTrue().and(AGENT.SIP_USER.eq(sipUser))).stream().findFirst();
  }

  /**
   * The stored HA1 of {@code sipUser} for {@code algorithm} ({@code MD5} or {@code SHA-256}, any
   * case); empty for an unknown or disabled user, a realm other than the one stored, or another
   * algorithm.
   */
  /**
   * The HA1 hashes of every enabled agent of {@code realm}, by SIP user and then by algorithm
   * ({@link DigestHash#MD5}, {@link DigestHash#SHA_256}): the registrar's credentials, read once
   * and again after each change rather than at every REGISTER.
   */
  public Map<String, Map<String, String>> ha1s(String realm) {
    Map<String, Map<String, String>> byUser = new HashMap<>();
    dsl.select(AGENT.SIP_USER, AGENT.HA1_MD5, AGENT.HA1_SHA256)
        .from(AGENT)
        .where(AGENT.REALM.eq(realm))
        .and(AGENT.ENABLED.isTrue())
        .forEach(
            r -> {
              Map<String, String> hashes = new HashMap<>();
              if (r.value2() != null) {
                hashes.put(DigestHash.MD5, r.value2().trim());
              }
              if (r.value3() != null) {
                hashes.put(DigestHash.SHA_256, r.value3().trim());
              }
              byUser.put(r.value1(), Map.copyOf(hashes));
            });
    return byUser;
  }

  public Optional<String> ha1(String sipUser, String algorithm, String realm) {
    if (sipUser == null || realm == null || !DigestHash.supports(algorithm)) {
      return Optional.empty();
    }
    Field<String> column =
        DigestHash.MD5.equalsIgnoreCase(algorithm) ? AGENT.HA1_MD5 : AGENT.HA1_SHA256;
    return dsl.select(column)
        .from(AGENT)
        .where(AGENT.SIP_USER.eq(sipUser))
        .and(AGENT.REALM.eq(realm))
        .and(AGENT.ENABLED.isTrue())
        .fetchOptional(column)
        .map(String::trim);
  }

  private List<Agent> agents(Condition where) {
    Map<String, Record5<String, String, String, String, Integer>> first = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> levels = new LinkedHashMap<>();
    dsl.select(AGENT.ID, AGENT.NAME, AGENT.SIP_USER, AGENT_QUEUE.QUEUE, AGENT_QUEUE.SKILL_LEVEL)
        .from(AGENT)
        .leftJoin(AGENT_QUEUE)
        .on(AGENT_QUEUE.AGENT_ID.eq(AGENT.ID))
        .where(where)
        .orderBy(AGENT.ID)
        .forEach(
            r -> {
              first.putIfAbsent(r.value1(), r);
              Map<String, Integer> qs = levels.computeIfAbsent(r.value1(), id -> new HashMap<>());
              if (r.value4() != null) {
                qs.put(r.value4(), r.value5());
              }
            });
    List<Agent> result = new ArrayList<>(first.size());
    first.forEach(
        (id, r) -> {
          Map<String, Integer> qs = levels.get(id);
          result.add(new Agent(id, r.value2(), r.value3(), qs.keySet(), qs));
        });
    return result;
  }

  private static Set<String> existingIds(DSLContext tx, Collection<String> ids) {
    Set<String> found = new HashSet<>();
    List<String> all = List.copyOf(ids);
    for (int i = 0; i < all.size(); i += IN_CHUNK) {
      List<String> chunk = all.subList(i, Math.min(all.size(), i + IN_CHUNK));
      found.addAll(tx.select(AGENT.ID).from(AGENT).where(AGENT.ID.in(chunk)).fetch(AGENT.ID));
    }
    return found;
  }

  private static Query insertAgent(DSLContext tx) {
    return tx.insertInto(
            AGENT,
            AGENT.ID,
            AGENT.NAME,
            AGENT.SIP_USER,
            AGENT.REALM,
            AGENT.HA1_MD5,
            AGENT.HA1_SHA256,
            AGENT.DESK_PASSWORD_HASH,
            AGENT.CREATED_AT)
        .values(
            param(AGENT.ID),
            param(AGENT.NAME),
            param(AGENT.SIP_USER),
            param(AGENT.REALM),
            param(AGENT.HA1_MD5),
            param(AGENT.HA1_SHA256),
            param(AGENT.DESK_PASSWORD_HASH),
            param(AGENT.CREATED_AT));
  }

  private static Query updateAgent(DSLContext tx) {
    return tx.update(AGENT)
        .set(AGENT.NAME, param(AGENT.NAME))
        .set(AGENT.SIP_USER, param(AGENT.SIP_USER))
        .set(AGENT.REALM, param(AGENT.REALM))
        .set(AGENT.HA1_MD5, param(AGENT.HA1_MD5))
        .set(AGENT.HA1_SHA256, param(AGENT.HA1_SHA256))
        .where(AGENT.ID.eq(param(AGENT.ID)));
  }

  /** A bind placeholder typed like {@code column}, for batches that bind one row at a time. */
  private static <T> Param<T> param(Field<T> column) {
    return DSL.param(column.getName(), column.getDataType());
  }
}
