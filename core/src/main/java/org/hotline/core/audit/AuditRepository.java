package org.hotline.core.audit;

import static org.hotline.core.db.jooq.Tables.AUDIT;

import java.time.Instant;
import java.util.Objects;
import org.hotline.core.db.DbTime;
import org.hotline.core.db.jooq.tables.records.AuditRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * The audit log in the {@code audit} table: appended to, never changed. Text longer than its column
 * is cut to fit, so an entry is never lost for its length.
 */
public class AuditRepository {
  private final DSLContext dsl;

  public AuditRepository(DSLContext dsl) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
  }

  /** Stores {@code entry} (its id is ignored). */
  public void append(AuditEntry entry) {
    dsl.insertInto(AUDIT)
        .set(AUDIT.AT, DbTime.utc(entry.at()))
        .set(AUDIT.ACTOR, fit(entry.actor(), AUDIT.ACTOR))
        .set(AUDIT.ROLE, fit(entry.role(), AUDIT.ROLE))
        .set(AUDIT.ACTION, fit(entry.action(), AUDIT.ACTION))
        .set(AUDIT.OBJECT, fit(entry.object(), AUDIT.OBJECT))
        .set(AUDIT.REMOTE, fit(entry.remote(), AUDIT.REMOTE))
        .set(AUDIT.DETAIL, fit(entry.detail(), AUDIT.DETAIL))
        .execute();
  }

  /**
   * The entries made in {@code [from, to)}, newest first, one page of them.
   *
   * @param from null for no lower bound
   * @param to null for no upper bound
   * @param page from 0
   * @param size at least 1
   */
  public AuditPage list(Instant from, Instant to, int page, int size) {
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException("page >= 0 and size >= 1, got " + page + " and " + size);
    }
    Condition where = AUDIT.ID.isNotNull();
    if (from != null) {
      where = where.and(AUDIT.AT.ge(DbTime.utc(from)));
    }
    if (to != null) {
      where = where.and(AUDIT.AT.lt(DbTime.utc(to)));
    }
    long total = dsl.fetchCount(AUDIT, where);
    var items =
        dsl.selectFrom(AUDIT)
            .where(where)
            .orderBy(AUDIT.AT.desc(), AUDIT.ID.desc())
            .limit(size)
            .offset((long) page * size)
            .fetch(AuditRepository::entry);
    return new AuditPage(items, page, size, total);
  }

  private static String fit(String value, Field<String> column) {
    int max = column.getDataType().length();
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  private static AuditEntry entry(AuditRecord r) {
    return new AuditEntry(
        r.getId(),
        r.getAt().toInstant(),
        r.getActor(),
        r.getRole(),
        r.getAction(),
        r.getObject(),
        r.getRemote(),
        r.getDetail());
  }
}
