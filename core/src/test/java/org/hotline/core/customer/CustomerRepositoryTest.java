package org.hotline.core.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hotline.core.db.Database;
import org.hotline.core.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerRepositoryTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  static final List<String> LEVELS = List.of("VIP", "gold", "silver", "normal");

  @TempDir Path dir;
  Database db;
  CustomerRepository repo;
  CustomerDirectory customers;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    repo = new CustomerRepository(db.dsl(), Clock.fixed(T0, ZoneOffset.UTC));
    customers = new CustomerDirectory(repo, new FakeNumbers(), LEVELS);
  }

  @AfterEach
  void close() {
    db.close();
  }

  static CustomerDraft draft(String name, String level, String... phones) {
    return new CustomerDraft(name, level, "retail", "lead", "called twice", List.of(phones));
  }

  @Test
  void create_thenFind_readsEveryFieldBack_withNumbersInE164() {
    Customer created = customers.create(draft("张三", "vip", "138 0013 8000", "021-62123456"));

    Customer found = customers.find(created.id()).orElseThrow();
    assertEquals("张三", found.name());
    assertEquals("VIP", found.level());
    assertEquals("retail", found.category());
    assertEquals("lead", found.salesStage());
    assertEquals("called twice", found.notes());
    assertEquals(List.of("+8613800138000", "+862162123456"), found.phones());
    assertEquals(T0, found.createdAt());
    assertEquals(created, found);
  }

  @Test
  void findByNumber_findsTheCustomerByAnyOfItsNumbers_asWrittenOrE164() {
    Customer c = customers.create(draft("Li Si", "gold", "13800138000", "02162123456"));

    assertEquals(c.id(), customers.findByNumber("+8613800138000").orElseThrow().id());
    assertEquals(c.id(), customers.findByNumber("021 6212 3456").orElseThrow().id());
    assertEquals(c.id(), repo.findByNumber("+862162123456").orElseThrow().id());
    assertEquals(Optional.empty(), customers.findByNumber("13900000000"));
    assertEquals(Optional.empty(), customers.findByNumber("garbage"));
  }

  @Test
  void create_withANumberAnotherCustomerHas_isRefused() {
    Customer first = customers.create(draft("A", "gold", "13800138000"));

    DuplicatePhoneException e =
        assertThrows(
            DuplicatePhoneException.class,
            () -> customers.create(draft("B", "gold", "+8613800138000")));
    assertEquals(first.id(), e.ownerId());
    assertEquals("+8613800138000", e.e164());
    assertEquals(1, repo.count());
  }

  @Test
  void create_withTheSameNumberTwice_keepsItOnce() {
    Customer c = customers.create(draft("A", "gold", "13800138000", "+8613800138000"));

    assertEquals(List.of("+8613800138000"), c.phones());
  }

  @Test
  void create_badInput_namesTheField() {
    assertEquals(
        "name",
        assertThrows(
                InvalidCustomerException.class,
                () -> customers.create(draft(" ", "gold", "13800138000")))
            .field());
    assertEquals(
        "level",
        assertThrows(
                InvalidCustomerException.class,
                () -> customers.create(draft("A", "platinum", "13800138000")))
            .field());
    assertEquals(
        "phones",
        assertThrows(InvalidCustomerException.class, () -> customers.create(draft("A", "gold")))
            .field());
    assertEquals(
        "phones",
        assertThrows(
                InvalidCustomerException.class, () -> customers.create(draft("A", "gold", "12")))
            .field());
    assertEquals(
        "name",
        assertThrows(
                InvalidCustomerException.class,
                () -> customers.create(draft("x".repeat(201), "gold", "13800138000")))
            .field());
    assertEquals(0, repo.count());
  }

  @Test
  void update_replacesFieldsAndNumbers_andStampsUpdatedAt() {
    Customer c = customers.create(draft("A", "gold", "13800138000"));
    CustomerRepository later =
        new CustomerRepository(db.dsl(), Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
    CustomerDirectory laterCustomers = new CustomerDirectory(later, new FakeNumbers(), LEVELS);

    Customer u =
        laterCustomers
            .update(
                c.id(),
                new CustomerDraft("A2", "silver", null, "won", null, List.of("13900139000")))
            .orElseThrow();

    assertEquals("A2", u.name());
    assertEquals("silver", u.level());
    assertEquals(null, u.category());
    assertEquals("won", u.salesStage());
    assertEquals(List.of("+8613900139000"), u.phones());
    assertEquals(T0, u.createdAt());
    assertEquals(T0.plusSeconds(60), u.updatedAt());
    assertEquals(Optional.empty(), repo.findByNumber("+8613800138000"));
  }

  @Test
  void update_keepingItsOwnNumber_isAllowed_butNotAnotherCustomersNumber() {
    Customer a = customers.create(draft("A", "gold", "13800138000"));
    customers.create(draft("B", "gold", "13900139000"));

    assertTrue(customers.update(a.id(), draft("A", "VIP", "13800138000")).isPresent());
    assertThrows(
        DuplicatePhoneException.class,
        () -> customers.update(a.id(), draft("A", "VIP", "13900139000")));
    assertEquals(List.of("+8613800138000"), customers.find(a.id()).orElseThrow().phones());
  }

  @Test
  void update_orDelete_ofAnUnknownCustomer_findsNothing() {
    assertEquals(Optional.empty(), customers.update(42, draft("A", "gold", "13800138000")));
    assertFalse(customers.delete(42));
  }

  @Test
  void delete_removesTheCustomerAndFreesItsNumbers() {
    Customer c = customers.create(draft("A", "gold", "13800138000"));

    assertTrue(customers.delete(c.id()));

    assertEquals(Optional.empty(), customers.find(c.id()));
    assertEquals(Optional.empty(), repo.findByNumber("+8613800138000"));
    customers.create(draft("B", "gold", "13800138000"));
  }

  @Test
  void search_byNamePartIgnoringCase_byNumberDigits_orByNumberAsWritten() {
    customers.create(draft("Alice Wang", "gold", "13800138000"));
    customers.create(draft("王小明", "VIP", "02162123456"));
    customers.create(draft("Bob", "normal", "13900139000"));

    assertEquals(List.of("Alice Wang"), names(customers.search("alice", 0, 10)));
    assertEquals(List.of("王小明"), names(customers.search("小明", 0, 10)));
    assertEquals(List.of("Alice Wang"), names(customers.search("138 001", 0, 10)));
    assertEquals(List.of("王小明"), names(customers.search("021-6212 3456", 0, 10)));
    assertEquals(List.of("Alice Wang", "Bob", "王小明"), names(customers.search("", 0, 10)));
    assertEquals(List.of(), names(customers.search("nobody", 0, 10)));
  }

  @Test
  void search_isPaged_withTheTotal() {
    for (int i = 0; i < 25; i++) {
      customers.create(
          draft(String.format("c%02d", i), "normal", "138000000" + String.format("%02d", i)));
    }

    CustomerPage second = customers.search(null, 1, 10);

    assertEquals(25, second.total());
    assertEquals(1, second.page());
    assertEquals(10, second.items().size());
    assertEquals("c10", second.items().get(0).name());
    assertEquals(5, customers.search("", 2, 10).items().size());
    assertEquals(0, customers.search("", 3, 10).items().size());
  }

  @Test
  void insertAll_storesEveryDraftWithItsNumbers_andAllListsThemById() {
    repo.insertAll(
        List.of(
            new CustomerDraft(
                "A", "gold", null, null, null, List.of("+8613800138000", "+862162123456")),
            new CustomerDraft("B", "VIP", "x", null, null, List.of("+8613900139000"))));

    List<Customer> all = repo.all();
    assertEquals(List.of("A", "B"), all.stream().map(Customer::name).toList());
    assertEquals(List.of("+8613800138000", "+862162123456"), all.get(0).phones());
    assertEquals(all.get(1).id(), repo.findByNumber("+8613900139000").orElseThrow().id());
  }

  static List<String> names(CustomerPage page) {
    return page.items().stream().map(Customer::name).toList();
  }
}
