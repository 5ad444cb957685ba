package org.hotline.core.report;

import static org.hotline.core.db.DbTime.utc;
import static org.hotline.core.db.jooq.Tables.CDR;
import static org.hotline.core.db.jooq.Tables.CUSTOMER;
import static org.hotline.core.db.jooq.Tables.CUSTOMER_PHONE;

import java.math.BigDecimal;
import java.time.Instant;
import org.hotline.core.call.CallOutcome;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Which CDRs the reports count, and the fields they group and filter them by. */
final class CallScope {
  /** The dialed "number" of a callback attempt. */
  static final String CALLBACK = "callback";

  static final Condition ANSWERED = CDR.OUTCOME.eq(CallOutcome.ANSWERED.code());
  static final Condition ABANDONED = CDR.OUTCOME.eq(CallOutcome.ABANDONED.code());
  static final Condition CALLBACK_ATTEMPT = CDR.DIALED.eq(CALLBACK);
  static final Condition INBOUND = CDR.DIALED.ne(CALLBACK);

  private CallScope() {}

  /**
   * The customer calls (inbound and callback attempts) that arrived in {@code [from, to)}: feature
   * codes dialled by agents ({@code *21}...) are no customer's calls.
   */
  static Condition arrivedIn(Instant from, Instant to) {
    return CDR.ARRIVED_AT
        .ge(utc(from))
        .and(CDR.ARRIVED_AT.lt(utc(to)))
        .and(CDR.DIALED.notLike("*%"));
  }

  /** {@code cdr}, with the level of the customer whose number is the caller's (null when none). */
  static Table<?> cdrWithLevel() {
    return CDR.leftJoin(CUSTOMER_PHONE)
        .on(CUSTOMER_PHONE.E164.eq(CDR.CALLER))
        .leftJoin(CUSTOMER)
        .on(CUSTOMER.ID.eq(CUSTOMER_PHONE.CUSTOMER_ID));
  }

  /** The column a grouping reads. */
  static Field<String> field(GroupBy by) {
    return switch (by) {
      case QUEUE -> CDR.QUEUE;
      case AGENT -> CDR.AGENT_ID;
      case REGION -> CDR.REGION;
      case LEVEL -> CUSTOMER.LEVEL;
      case OUTCOME -> CDR.OUTCOME;
      case IVR -> CDR.IVR_CHOICE;
    };
  }

  /** 1 for a row that meets {@code condition}, else 0, to be summed. */
  static Field<Integer> one(Condition condition) {
    return DSL.when(condition, DSL.inline(1)).otherwise(DSL.inline(0));
  }

  /** {@code value} for a row that meets {@code condition}, else 0, to be summed. */
  static <T extends Number> Field<T> only(Condition condition, Field<T> value) {
    return DSL.when(condition, value).otherwise(DSL.inline(0).coerce(value.getDataType()));
  }

  /** Seconds from {@code start} to {@code end}, with their fraction, in H2 and PostgreSQL alike. */
  static Field<BigDecimal> seconds(Field<?> start, Field<?> end) {
    return epoch(end).minus(epoch(start));
  }

  private static Field<BigDecimal> epoch(Field<?> at) {
    return DSL.field("extract(epoch from {0})", SQLDataType.NUMERIC, at);
  }
}
