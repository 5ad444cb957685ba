package org.hotline.core.customer;

import static org.hotline.core.db.jooq.Sequences.CUSTOMER_ID_SEQ;
import static org.hotline.core.db.jooq.Tables.CUSTOMER;
import static org.hotline.core.db.jooq.Tables.CUSTOMER_PHONE;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
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
import java.util.function.Function;
import org.hotline.core.db.DbTime;
import org.hotline.core.db.jooq.tables.records.CustomerRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Customers in the {@code customer} and {@code customer_phone} tables.
 *
 * <p>Phone numbers arrive here in E.164 form already ({@link CustomerDirectory} normalises them);
 * each number belongs to one customer at most, so a caller's number finds one customer. Every
 * change of a customer and its numbers is one transaction.
 */
public class CustomerRepository {
  /** Rows per JDBC batch in {@link #insertAll}. */
  static final int BATCH = 2_000;

  private final DSLContext dsl;
  private final Clock clock;

  /**
   * @param dsl where the tables are
   * @param clock stamps {@code created_at} and {@code updated_at}
   */
  public CustomerRepository(DSLContext dsl, Clock clock) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The longest text {@code field} of a customer holds ({@code name}, {@code category}, ...), for
   * validation.
   */
  public static int maxLength(String field) {
    Integer max = MAX_LENGTHS.get(field);
    if (max == null) {
      throw new IllegalArgumentException("no such customer field: " + field);
    }
    return max;
  }

  private static final Map<String, Integer> MAX_LENGTHS = maxLengths();

  private static Map<String, Integer> maxLengths() {
    Map<String, Integer> lengths = new HashMap<>();
    for (Field<?> f : CUSTOMER.fields()) {
      lengths.put(f.getName(), f.getDataType().length());
    }
    return Map.copyOf(lengths);
  }

  /**
   * Stores a new customer.
   *
   * @throws DuplicatePhoneException when one of its numbers belongs to another customer
   */
  public Customer create(CustomerDraft draft) {
    return dsl.transactionResult(
        cfg -> {
          DSLContext tx = DSL.using(cfg);
          refuseTaken(tx, draft.phones(), null);
          long id = tx.nextval(CUSTOMER_ID_SEQ);
          OffsetDateTime now = now();
          tx.insertInto(CUSTOMER)
              .set(CUSTOMER.ID, id)
              .set(CUSTOMER.NAME, draft.name())
              .set(CUSTOMER.LEVEL, draft.level())
              .set(CUSTOMER.CATEGORY, draft.category())
              .set(CUSTOMER.SALES_STAGE, draft.salesStage())
              .set(CUSTOMER.NOTES, draft.notes())
              .set(CUSTOMER.CREATED_AT, now)
              .set(CUSTOMER.UPDATED_AT, now)
              .execute();
          insertPhones(tx, id, draft.phones());
          return new Customer(
              id,
              draft.name(),
              draft.level(),
              draft.category(),
              draft.salesStage(),
              draft.notes(),
              draft.phones(),
              now.toInstant(),
              now.toInstant());
        });
  }

  /**
   * Replaces every field and number of customer {@code id}.
   *
   * @return the customer as stored now; empty when there is no such customer
   * @throws DuplicatePhoneException when one of the numbers belongs to another customer
   */
  public Optional<Customer> update(long id, CustomerDraft draft) {
    return dsl.transactionResult(
        cfg -> {
          DSLContext tx = DSL.using(cfg);
          refuseTaken(tx, draft.phones(), id);
          int changed =
              tx.update(CUSTOMER)
                  .set(CUSTOMER.NAME, draft.name())
                  .set(CUSTOMER.LEVEL, draft.level())
                  .set(CUSTOMER.CATEGORY, draft.category())
                  .set(CUSTOMER.SALES_STAGE, draft.salesStage())
                  .set(CUSTOMER.NOTES, draft.notes())
                  .set(CUSTOMER.UPDATED_AT, now())
                  .where(CUSTOMER.ID.eq(id))
                  .execute();
          if (changed == 0) {
            return Optional.<Customer>empty();
          }
          tx.deleteFrom(CUSTOMER_PHONE).where(CUSTOMER_PHONE.CUSTOMER_ID.eq(id)).execute();
          insertPhones(tx, id, draft.phones());
          return find(tx, id);
        });
  }

  /** Deletes customer {@code id} and its numbers; false when there was no such customer. */
  public boolean delete(long id) {
    // The numbers go with it: ON DELETE CASCADE.
    return dsl.deleteFrom(CUSTOMER).where(CUSTOMER.ID.eq(id)).execute() == 1;
  }

  /** Customer {@code id}. */
  public Optional<Customer> find(long id) {
    return find(dsl, id);
  }

  /** The customer whose number is {@code e164}. */
  public Optional<Customer> findByNumber(String e164) {
    Long id =
        dsl.select(CUSTOMER_PHONE.CUSTOMER_ID)
            .from(CUSTOMER_PHONE)
            .where(CUSTOMER_PHONE.E164.eq(e164))
            .fetchOne(CUSTOMER_PHONE.CUSTOMER_ID);
    return id == null ? Optional.empty() : find(id);
  }

  /**
   * Customers whose name contains {@code text} (ignoring case), or one of whose numbers contains
   * its digits (three or more) or equals {@code e164}; all customers when {@code text} is blank.
   * Ordered by name, then id.
   *
   * @param e164 {@code text} normalised to a number, when it is one
   * @param page from 0
   * @param size at least 1
   */
  public CustomerPage search(String text, Optional<String> e164, int page, int size) {
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException("page >= 0 and size >= 1, got " + page + " and " + size);
    }
    Condition where = matching(text == null ? "" : text.strip(), e164);
    long total = dsl.fetchCount(CUSTOMER, where);
    List<CustomerRecord> rows =
        dsl.selectFrom(CUSTOMER)
            .where(where)
            .orderBy(CUSTOMER.NAME, CUSTOMER.ID)
            .limit(size)
            .offset((long) page * size)
            .fetch();
    return new CustomerPage(withPhones(dsl, rows), page, size, total);
  }

  /** Every customer, by id; for export. */
  public List<Customer> all() {
    return withPhones(dsl, dsl.selectFrom(CUSTOMER).orderBy(CUSTOMER.ID).fetch());
  }

  /** How many customers are stored. */
  public int count() {
    return dsl.fetchCount(CUSTOMER);
  }

  /** Of {@code e164s}, those that belong to a customer, with the customer's id. */
  public Map<String, Long> owners(Collection<String> e164s) {
    Map<String, Long> owners = new HashMap<>();
    if (e164s.isEmpty()) {
      return owners;
    }
    if (e164s.size() > 10_000 && e164s.size() >= dsl.fetchCount(CUSTOMER_PHONE)) {
      // A big import into a small directory: one pass over every number beats many IN lists.
      Set<String> wanted = e164s instanceof Set<String> set ? set : new HashSet<>(e164s);
      dsl.select(CUSTOMER_PHONE.E164, CUSTOMER_PHONE.CUSTOMER_ID)
          .from(CUSTOMER_PHONE)
          .fetchSize(1_000)
          .forEach(
              r -> {
                if (wanted.contains(r.value1())) {
                  owners.put(r.value1(), r.value2());
                }
              });
      return owners;
    }
    List<String> list = List.copyOf(e164s);
    for (int from = 0; from < list.size(); from += 1_000) {
      List<String> chunk = list.subList(from, Math.min(list.size(), from + 1_000));
      dsl.select(CUSTOMER_PHONE.E164, CUSTOMER_PHONE.CUSTOMER_ID)
          .from(CUSTOMER_PHONE)
          .where(CUSTOMER_PHONE.E164.in(chunk))
          .forEach(r -> owners.put(r.value1(), r.value2()));
    }
    return owners;
  }

  /**
   * Runs {@code work} in one transaction, with a repository whose every read and write is part of
   * it: committed when {@code work} returns, rolled back when it throws (the exception goes on).
   */
  public <T> T inTransaction(Function<CustomerRepository, T> work) {
    return dsl.transactionResult(cfg -> work.apply(new CustomerRepository(DSL.using(cfg), clock)));
  }

  /**
   * Stores every draft in one transaction with batched inserts: all of them or, on any failure,
   * none. Meant for imports that checked their rows first (numbers distinct and free).
   *
   * @return how many customers were stored
   */
  public int insertAll(List<CustomerDraft> drafts) {
    if (drafts.isEmpty()) {
      return 0;
    }
    dsl.transaction(cfg -> insert(DSL.using(cfg), drafts));
    return drafts.size();
  }

  /**
   * Stores every draft with batched inserts, in the transaction this repository is in (see {@link
   * #inTransaction}). Meant for imports that checked their rows first (numbers distinct and free).
   *
   * @return the new customers' ids, in the drafts' order (ascending)
   */
  public long[] insertBatch(List<CustomerDraft> drafts) {
    return drafts.isEmpty() ? new long[0] : insert(dsl, drafts);
  }

  private long[] insert(DSLContext tx, List<CustomerDraft> drafts) {
    OffsetDateTime now = now();
    long[] stored = new long[drafts.size()];
    // Plain JDBC batches: at this volume jOOQ's per-value binding is most of the cost.
    String customerSql =
        tx.render(
            tx.insertInto(
                    CUSTOMER,
                    CUSTOMER.ID,
                    CUSTOMER.NAME,
                    CUSTOMER.LEVEL,
                    CUSTOMER.CATEGORY,
                    CUSTOMER.SALES_STAGE,
                    CUSTOMER.NOTES,
                    CUSTOMER.CREATED_AT,
                    CUSTOMER.UPDATED_AT)
                .values((Long) null, null, null, null, null, null, null, null));
    String phoneSql =
        tx.render(
            tx.insertInto(
                    CUSTOMER_PHONE,
                    CUSTOMER_PHONE.E164,
                    CUSTOMER_PHONE.CUSTOMER_ID,
                    CUSTOMER_PHONE.ORDINAL)
                .values((String) null, null, null));
    tx.connection(
        c -> {
          try (PreparedStatement customers = c.prepareStatement(customerSql);
              PreparedStatement phones = c.prepareStatement(phoneSql)) {
            for (int from = 0; from < drafts.size(); from += BATCH) {
              List<CustomerDraft> chunk =
                  drafts.subList(from, Math.min(drafts.size(), from + BATCH));
              List<Long> ids = tx.nextvals(CUSTOMER_ID_SEQ, chunk.size());
              for (int i = 0; i < chunk.size(); i++) {
                CustomerDraft d = chunk.get(i);
                long id = ids.get(i);
                stored[from + i] = id;
                customers.setLong(1, id);
                customers.setString(2, d.name());
                customers.setString(3, d.level());
                customers.setString(4, d.category());
                customers.setString(5, d.salesStage());
                customers.setString(6, d.notes());
                customers.setObject(7, now);
                customers.setObject(8, now);
                customers.addBatch();
                for (int p = 0; p < d.phones().size(); p++) {
                  phones.setString(1, d.phones().get(p));
                  phones.setLong(2, id);
                  phones.setInt(3, p);
                  phones.addBatch();
                }
              }
              customers.executeBatch();
              phones.executeBatch();
            }
          }
        });
    return stored;
  }

  private Condition matching(String text, Optional<String> e164) {
    if (text.isEmpty()) {
      return DSL.noCondition();
    }
    Condition byName = CUSTOMER.NAME.containsIgnoreCase(text);
    String digits = text.replaceAll("[^0-9]", "");
    Condition byNumber = DSL.falseCondition();
    if (digits.length() >= 3) {
      byNumber = CUSTOMER_PHONE.E164.contains(digits);
    }
    if (e164.isPresent()) {
      byNumber = byNumber.or(CUSTOMER_PHONE.E164.eq(e164.get()));
    }
    return byName.or(
        CUSTOMER.ID.in(
            DSL.select(CUSTOMER_PHONE.CUSTOMER_ID).from(CUSTOMER_PHONE).where(byNumber)));
  }

  private static void refuseTaken(DSLContext tx, List<String> phones, Long self) {
    if (phones.isEmpty()) {
      return;
    }
    var taken =
        tx.select(CUSTOMER_PHONE.E164, CUSTOMER_PHONE.CUSTOMER_ID)
            .from(CUSTOMER_PHONE)
            .where(CUSTOMER_PHONE.E164.in(phones))
            .and(self == null ? DSL.noCondition() : CUSTOMER_PHONE.CUSTOMER_ID.ne(self))
            .fetchAny();
    if (taken != null) {
      throw new DuplicatePhoneException(taken.value1(), taken.value2());
    }
  }

  private static void insertPhones(DSLContext tx, long id, List<String> phones) {
    for (int p = 0; p < phones.size(); p++) {
      tx.insertInto(CUSTOMER_PHONE)
          .set(CUSTOMER_PHONE.E164, phones.get(p))
          .set(CUSTOMER_PHONE.CUSTOMER_ID, id)
          .set(CUSTOMER_PHONE.ORDINAL, p)
          .execute();
    }
  }

  private static Optional<Customer> find(DSLContext ctx, long id) {
    CustomerRecord r = ctx.selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(id)).fetchOne();
    return r == null ? Optional.empty() : Optional.of(withPhones(ctx, List.of(r)).get(0));
  }

  /** {@code rows} as customers, with their numbers read in one query. */
  private static List<Customer> withPhones(DSLContext ctx, List<CustomerRecord> rows) {
    Map<Long, List<String>> phones = new HashMap<>();
    if (!rows.isEmpty()) {
      Condition which =
          rows.size() > 1_000
              ? DSL.noCondition()
              : CUSTOMER_PHONE.CUSTOMER_ID.in(rows.stream().map(CustomerRecord::getId).toList());
      ctx.select(CUSTOMER_PHONE.CUSTOMER_ID, CUSTOMER_PHONE.E164)
          .from(CUSTOMER_PHONE)
          .where(which)
          .orderBy(CUSTOMER_PHONE.CUSTOMER_ID, CUSTOMER_PHONE.ORDINAL)
          .forEach(r -> phones.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
    }
    Map<Long, Customer> out = new LinkedHashMap<>();
    for (CustomerRecord r : rows) {
      out.put(
          r.getId(),
          new Customer(
              r.getId(),
              r.getName(),
              r.getLevel(),
              r.getCategory(),
              r.getSalesStage(),
              r.getNotes(),
              phones.getOrDefault(r.getId(), List.of()),
              instant(r.getCreatedAt()),
              instant(r.getUpdatedAt())));
    }
    return List.copyOf(out.values());
  }

  private OffsetDateTime now() {
    return DbTime.utc(clock.instant());
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }
}
