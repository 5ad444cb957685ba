package org.hotline.core.customer;

import java.util.List;

/**
 * One page of a customer search.
 *
 * @param items the customers on this page, by name then id
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many customers match in all
 */
public record CustomerPage(List<Customer> items, int page, int size, long total) {
  public CustomerPage {
    items = List.copyOf(items);
  }
}
