package org.hotline.core.ticket;

import static org.hotline.core.db.jooq.Tables.CUSTOMER;
import static org.hotline.core.db.jooq.Tables.TICKET;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.hotline.core.db.DbTime;
import org.hotline.core.db.jooq.tables.records.TicketRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Tickets in the {@code ticket} table.
 *
 * <p>Everything is checked before it is stored: a title, a known status, text that fits its column,
 * a customer that exists; what is wrong is an {@link InvalidTicketException} naming the field. Text
 * is stored stripped of surrounding blanks, and blank optional text as null.
 */
public class TicketRepository {
  /** The longest title. */
  public static final int MAX_TITLE = TICKET.TITLE.getDataType().length();

  /** The longest description. */
  public static final int MAX_DESCRIPTION = TICKET.DESCRIPTION.getDataType().length();

  private final DSLContext dsl;
  private final Clock clock;

  /**
   * @param dsl where the table is
   * @param clock stamps {@code created_at} and {@code updated_at}
   */
  public TicketRepository(DSLContext dsl, Clock clock) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Stores a new ticket from {@code draft}.
   *
   * @throws InvalidTicketException naming the first field at fault, or {@code customerId} when
   *     there is no such customer
   */
  public Ticket create(TicketDraft draft) {
    if (draft == null) {
      throw new InvalidTicketException(null, "no ticket given");
    }
    String title = required("title", draft.title(), TICKET.TITLE);
    String description = optional("description", draft.description(), TICKET.DESCRIPTION);
    String status = draft.status() == null ? Ticket.OPEN : status(draft.status());
    String callId = optional("callId", draft.callId(), TICKET.CALL_ID);
    String caller = optional("caller", draft.caller(), TICKET.CALLER);
    String createdBy = required("createdBy", draft.createdBy(), TICKET.CREATED_BY);
    Long customerId = draft.customerId();
    OffsetDateTime now = DbTime.utc(clock.instant());
    return dsl.transactionResult(
        cfg -> {
          DSLContext tx = DSL.using(cfg);
          if (customerId != null && !tx.fetchExists(CUSTOMER, CUSTOMER.ID.eq(customerId))) {
            throw new InvalidTicketException("customerId", "no customer " + customerId);
          }
          long id =
              tx.insertInto(TICKET)
                  .set(TICKET.TITLE, title)
                  .set(TICKET.DESCRIPTION, description)
                  .set(TICKET.STATUS, status)
                  .set(TICKET.CALL_ID, callId)
                  .set(TICKET.CUSTOMER_ID, customerId)
                  .set(TICKET.CALLER, caller)
                  .set(TICKET.CREATED_BY, createdBy)
                  .set(TICKET.CREATED_AT, now)
                  .set(TICKET.UPDATED_AT, now)
                  .returning(TICKET.ID)
                  .fetchOne()
                  .getId();
          return new Ticket(
              id,
              title,
              description,
              status,
              callId,
              customerId,
              caller,
              createdBy,
              now.toInstant(),
              now.toInstant());
        });
  }

  /** Ticket {@code id}. */
  public Optional<Ticket> find(long id) {
    return dsl.selectFrom(TICKET).where(TICKET.ID.eq(id)).fetchOptional(TicketRepository::ticket);
  }

  /**
   * Changes the fields {@code change} gives of ticket {@code id}.
   *
   * @return the ticket as stored now; empty when there is no such ticket
   * @throws InvalidTicketException naming the first field at fault
   */
  public Optional<Ticket> update(long id, TicketChange change) {
    if (change == null) {
      throw new InvalidTicketException(null, "no change given");
    }
    var update = dsl.update(TICKET).set(TICKET.UPDATED_AT, DbTime.utc(clock.instant()));
    if (change.title() != null) {
      update = update.set(TICKET.TITLE, required("title", change.title(), TICKET.TITLE));
    }
    if (change.description() != null) {
      update =
          update.set(
              TICKET.DESCRIPTION,
              optional("description", change.description(), TICKET.DESCRIPTION));
    }
    if (change.status() != null) {
      update = update.set(TICKET.STATUS, status(change.status()));
    }
    if (update.where(TICKET.ID.eq(id)).execute() == 0) {
      return Optional.empty();
    }
    return find(id);
  }

  /**
   * The tickets {@code filter} matches, newest first, one page of them.
   *
   * @param page from 0
   * @param size at least 1
   * @throws InvalidTicketException for a status that is none of {@link Ticket#STATUSES}
   */
  public TicketPage list(TicketFilter filter, int page, int size) {
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException("page >= 0 and size >= 1, got " + page + " and " + size);
    }
    Condition where = matching(filter == null ? TicketFilter.all() : filter);
    long total = dsl.fetchCount(TICKET, where);
    List<Ticket> items =
        dsl.selectFrom(TICKET)
            .where(where)
            .orderBy(TICKET.CREATED_AT.desc(), TICKET.ID.desc())
            .limit(size)
            .offset((long) page * size)
            .fetch(TicketRepository::ticket);
    return new TicketPage(items, page, size, total);
  }

  /**
   * What an agent should see of customer {@code customerId}'s tickets when they call: the open and
   * pending ones, then the closed ones, each newest first; at most {@code limit}.
   */
  public List<Ticket> recentFor(long customerId, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    Field<Integer> closedLast = DSL.when(TICKET.STATUS.eq(Ticket.CLOSED), 1).otherwise(0);
    return dsl.selectFrom(TICKET)
        .where(TICKET.CUSTOMER_ID.eq(customerId))
        .orderBy(closedLast, TICKET.CREATED_AT.desc(), TICKET.ID.desc())
        .limit(limit)
        .fetch(TicketRepository::ticket);
  }

  private static Condition matching(TicketFilter filter) {
    Condition where = DSL.noCondition();
    if (filter.customerId() != null) {
      where = where.and(TICKET.CUSTOMER_ID.eq(filter.customerId()));
    }
    if (filter.callId() != null) {
      where = where.and(TICKET.CALL_ID.eq(filter.callId()));
    }
    if (filter.status() != null) {
      where = where.and(TICKET.STATUS.eq(status(filter.status())));
    }
    if (filter.createdBy() != null) {
      where = where.and(TICKET.CREATED_BY.eq(filter.createdBy()));
    }
    return where;
  }

  /** {@code raw} as one of {@link Ticket#STATUSES}, matched ignoring case and blanks. */
  private static String status(String raw) {
    String value = raw.strip().toLowerCase(Locale.ROOT);
    if (Ticket.STATUSES.contains(value)) {
      return value;
    }
    throw new InvalidTicketException(
        "status",
        (value.isEmpty()
                ? "a status is required"
                : "unknown status '" + shortened(raw.strip()) + "'")
            + "; one of "
            + String.join(", ", Ticket.STATUSES));
  }

  private static String required(String field, String value, Field<String> column) {
    String v = optional(field, value, column);
    if (v == null) {
      throw new InvalidTicketException(field, field + " is required");
    }
    return v;
  }

  private static String optional(String field, String value, Field<String> column) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    int max = column.getDataType().length();
    if (v.length() > max) {
      throw new InvalidTicketException(field, field + " is longer than " + max + " characters");
    }
    return v;
  }

  private static String shortened(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }

  private static Ticket ticket(TicketRecord r) {
    return new Ticket(
        r.getId(),
        r.getTitle(),
        r.getDescription(),
        r.getStatus(),
        r.getCallId(),
        r.getCustomerId(),
        r.getCaller(),
        r.getCreatedBy(),
        instant(r.getCreatedAt()),
        instant(r.getUpdatedAt()));
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }
}
