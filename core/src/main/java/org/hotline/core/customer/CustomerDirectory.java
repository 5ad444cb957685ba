package org.hotline.core.customer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The customer directory as the API sees it: checks and normalises what comes in (name, level from
 * the configured list, numbers to E.164), then stores it with {@link CustomerRepository}.
 */
public final class CustomerDirectory {
  private final CustomerRepository repository;
  private final PhoneNormalizer numbers;
  private final List<String> levels;

  /**
   * @param numbers turns numbers as written into E.164
   * @param levels the configured levels, highest first
   */
  public CustomerDirectory(
      CustomerRepository repository, PhoneNormalizer numbers, List<String> levels) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.numbers = Objects.requireNonNull(numbers, "numbers");
    this.levels = List.copyOf(levels);
    if (this.levels.isEmpty()) {
      throw new IllegalArgumentException("at least one customer level");
    }
  }

  /** The repository behind the directory. */
  public CustomerRepository repository() {
    return repository;
  }

  /** The configured levels, highest first. */
  public List<String> levels() {
    return levels;
  }

  /** The normaliser numbers go through. */
  public PhoneNormalizer numbers() {
    return numbers;
  }

  /**
   * Creates a customer from {@code draft}.
   *
   * @throws InvalidCustomerException naming the field at fault
   * @throws DuplicatePhoneException when a number belongs to another customer
   */
  public Customer create(CustomerDraft draft) {
    return repository.create(checked(draft));
  }

  /** Replaces customer {@code id}; empty when there is none. Throws as {@link #create} does. */
  public Optional<Customer> update(long id, CustomerDraft draft) {
    return repository.update(id, checked(draft));
  }

  /** Deletes customer {@code id}; false when there was none. */
  public boolean delete(long id) {
    return repository.delete(id);
  }

  /** Customer {@code id}. */
  public Optional<Customer> find(long id) {
    return repository.find(id);
  }

  /** The customer whose number is {@code rawNumber}, as written or in E.164 form. */
  public Optional<Customer> findByNumber(String rawNumber) {
    return numbers.toE164(rawNumber).flatMap(repository::findByNumber);
  }

  /** Customers by name or number ({@link CustomerRepository#search}); blank {@code text}: all. */
  public CustomerPage search(String text, int page, int size) {
    String q = text == null ? "" : text.strip();
    return repository.search(q, q.isEmpty() ? Optional.empty() : numbers.toE164(q), page, size);
  }

  /**
   * {@code draft} trimmed, with its level spelled as configured and its numbers in E.164 form,
   * without repeats.
   *
   * @throws InvalidCustomerException naming the first field at fault
   */
  public CustomerDraft checked(CustomerDraft draft) {
    if (draft == null) {
      throw new InvalidCustomerException(null, "no customer given");
    }
    String name = required("name", draft.name());
    String level = level(draft.level());
    String category = optional("category", draft.category());
    String stage = optional("sales_stage", draft.salesStage());
    String notes = optional("notes", draft.notes());
    if (draft.phones().isEmpty()) {
      throw new InvalidCustomerException("phones", "at least one phone number");
    }
    Set<String> phones = new LinkedHashSet<>();
    for (String raw : draft.phones()) {
      phones.add(e164(raw));
    }
    return new CustomerDraft(name, level, category, stage, notes, new ArrayList<>(phones));
  }

  /** {@code raw} in E.164 form. @throws InvalidCustomerException when it is not a valid number */
  public String e164(String raw) {
    return numbers
        .toE164(raw)
        .orElseThrow(
            () ->
                new InvalidCustomerException(
                    "phones",
                    "not a valid phone number: '"
                        + shortened(raw == null ? "" : raw.strip())
                        + "'"));
  }

  /**
   * {@code raw} as one of the configured levels, matched ignoring case. @throws
   * InvalidCustomerException otherwise
   */
  public String level(String raw) {
    String value = raw == null ? "" : raw.strip();
    for (String level : levels) {
      if (level.equalsIgnoreCase(value)) {
        return level;
      }
    }
    throw new InvalidCustomerException(
        "level",
        (value.isEmpty() ? "a level is required" : "unknown level '" + shortened(value) + "'")
            + "; one of "
            + String.join(", ", levels));
  }

  private static String required(String field, String value) {
    String v = optional(field, value);
    if (v == null) {
      throw new InvalidCustomerException(field, field + " is required");
    }
    return v;
  }

  private static String optional(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    int max = CustomerRepository.maxLength(field);
    if (v.codePointCount(0, v.length()) > max || v.length() > max) {
      throw new InvalidCustomerException(field, field + " is longer than " + max + " characters");
    }
    return v;
  }

  private static String shortened(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
