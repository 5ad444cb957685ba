package org.hotline.core.audit;

import java.util.List;

/**
 * One page of the audit log.
 *
 * @param items the entries on this page, newest first
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many entries match in all
 */
public record AuditPage(List<AuditEntry> items, int page, int size, long total) {
  public AuditPage {
    items = List.copyOf(items);
  }
}
