package org.hotline.admin.http;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.hotline.core.cdr.Cdr;

/**
 * CDRs as CSV (RFC 4180): a header row, one row per CDR, CRLF line ends, fields quoted when they
 * hold a comma, a quote or a line break, times as ISO-8601 instants, empty for none.
 *
 * <p>A text field that a spreadsheet would run as a formula (one starting with {@code = + - @},
 * a tab or a CR) gets a leading {@code '} (OWASP "CSV injection"), except a plain phone number
 * such as {@code +8613800138000}: caller numbers come from the network.
 */
public final class CdrCsv {
  /** The header row, in column order. */
  public static final String HEADER =
      "call_id,caller,dialed,ivr_choice,queue,agent_id,arrived_at,answered_at,ended_at,wait_seconds,talk_seconds,outcome,hangup_cause,region,carrier,disposition,notes,hold_seconds";

  private static final String FORMULA_START = "=+-@\t\r";
  private static final Pattern PHONE_NUMBER = Pattern.compile("[+-]?[0-9][0-9 ()-]*");

  private CdrCsv() {}

  /** {@code cdrs} as one CSV document. */
  public static String format(List<Cdr> cdrs) {
    StringBuilder out = new StringBuilder(HEADER.length() + 2 + cdrs.size() * 160);
    out.append(HEADER).append("\r\n");
    for (Cdr c : cdrs) {
      text(out, c.callId()).append(',');
      text(out, c.caller()).append(',');
      text(out, c.dialed()).append(',');
      text(out, c.ivrChoice()).append(',');
      text(out, c.queue()).append(',');
      text(out, c.agentId()).append(',');
      time(out, c.arrivedAt()).append(',');
      time(out, c.answeredAt()).append(',');
      time(out, c.endedAt()).append(',');
      out.append(c.waitSeconds()).append(',');
      out.append(c.talkSeconds()).append(',');
      text(out, c.outcome() == null ? null : c.outcome().code()).append(',');
      text(out, c.hangupCause()).append(',');
      text(out, c.region()).append(',');
      text(out, c.carrier()).append(',');
      text(out, c.disposition()).append(',');
      text(out, c.notes()).append(',');
      out.append(c.holdSeconds()).append("\r\n");
    }
    return out.toString();
  }

  private static StringBuilder time(StringBuilder out, Instant at) {
    return at == null ? out : out.append(at);
  }

  private static StringBuilder text(StringBuilder out, String value) {
    if (value == null || value.isEmpty()) {
      return out;
    }
    String v = value;
    if (FORMULA_START.indexOf(v.charAt(0)) >= 0 && !PHONE_NUMBER.matcher(v).matches()) {
      v = "'" + v;
    }
    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    if (!quote) {
      return out.append(v);
    }
    return out.append('"').append(v.replace("\"", "\"\"")).append('"');
  }
}
