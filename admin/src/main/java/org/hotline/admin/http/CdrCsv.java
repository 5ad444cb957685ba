package org.hotline.admin.http;

import java.util.List;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.csv.CsvWriter;

/**
 * CDRs as CSV, written by {@link CsvWriter}: a header row, one row per CDR, times as ISO-8601
 * instants, empty for none, text guarded against formula injection (a caller number such as {@code
 * +8613800138000} stays as it is).
 */
public final class CdrCsv {
  /** The header row, in column order. */
  public static final String HEADER =
      "call_id,caller,dialed,ivr_choice,queue,agent_id,arrived_at,answered_at,ended_at,wait_seconds,talk_seconds,outcome,hangup_cause,region,carrier,disposition,notes,hold_seconds";

  private CdrCsv() {}

  /** {@code cdrs} as one CSV document. */
  public static String format(List<Cdr> cdrs) {
    CsvWriter out = CsvWriter.of(HEADER.split(","));
    for (Cdr c : cdrs) {
      out.row(
          c.callId(),
          c.caller(),
          c.dialed(),
          c.ivrChoice(),
          c.queue(),
          c.agentId(),
          c.arrivedAt(),
          c.answeredAt(),
          c.endedAt(),
          c.waitSeconds(),
          c.talkSeconds(),
          c.outcome() == null ? null : c.outcome().code(),
          c.hangupCause(),
          c.region(),
          c.carrier(),
          c.disposition(),
          c.notes(),
          c.holdSeconds());
    }
    return out.toString();
  }
}
