package org.hotline.core.report;

import java.util.List;

/**
 * One page of the calls behind a figure, oldest first.
 *
 * @param page the page number, from 1
 * @param pageSize calls per page
 * @param total calls on all pages
 * @param calls this page's calls
 */
public record CallPage(int page, int pageSize, long total, List<CallRow> calls) {
  public CallPage {
    calls = List.copyOf(calls);
  }
}
