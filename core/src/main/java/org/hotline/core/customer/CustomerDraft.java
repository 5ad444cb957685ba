package org.hotline.core.customer;

import java.util.List;

/**
 * What a customer is created or replaced with: every field but the id and the times.
 *
 * @param name required
 * @param level required, one of the configured levels
 * @param category optional
 * @param salesStage optional
 * @param notes optional
 * @param phones at least one number; as written before {@link CustomerDirectory} normalises them,
 *     in E.164 form once they reach {@link CustomerRepository}
 */
public record CustomerDraft(
    String name,
    String level,
    String category,
    String salesStage,
    String notes,
    List<String> phones) {
  public CustomerDraft {
    phones = phones == null ? List.of() : List.copyOf(phones);
  }

  /** This draft with {@code phones} instead. */
  public CustomerDraft withPhones(List<String> phones) {
    return new CustomerDraft(name, level, category, salesStage, notes, phones);
  }
}
