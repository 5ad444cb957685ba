package org.hotline.core.customer;

import java.time.Instant;
import java.util.List;

/**
 * A customer of the contact center, as stored.
 *
 * @param id the directory's id
 * @param name the customer's name
 * @param level one of the configured levels ({@code VIP}, {@code gold}, ...)
 * @param category free text such as {@code retail}; null when none
 * @param salesStage free text such as {@code lead}, {@code won}; null when none
 * @param notes free text; null when none
 * @param phones the customer's numbers in E.164 form, in the order given
 * @param createdAt when the customer was created
 * @param updatedAt when the customer was last changed
 */
public record Customer(
    long id,
    String name,
    String level,
    String category,
    String salesStage,
    String notes,
    List<String> phones,
    Instant createdAt,
    Instant updatedAt) {
  public Customer {
    phones = List.copyOf(phones);
  }
}
