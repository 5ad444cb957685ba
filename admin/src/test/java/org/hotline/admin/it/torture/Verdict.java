package org.hotline.admin.it.torture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** What the server must do with one torture message, and the check of what it did. */
sealed interface Verdict permits Verdict.Datagram, Verdict.Stream {
  /** Whether the server must count it as malformed input. */
  boolean malformed();

  String describe();

  SipClient.Exchange exchange(int port, byte[] message) throws IOException;

  void check(TortureCase c, SipClient.Exchange e);

  /** A further condition on the final response. */
  record Check(String what, Predicate<SipResponse> test) {}

  /**
   * Over UDP: the first final response has one of {@code finals} (any status below 500 when null),
   * or, if {@code silenceAllowed}, nothing comes back at all.
   */
  record Datagram(
      Set<Integer> finals,
      boolean silenceAllowed,
      boolean malformed,
      String why,
      List<Check> checks)
      implements Verdict {
    Datagram and(String what, Predicate<SipResponse> test) {
      List<Check> more = new ArrayList<>(checks);
      more.add(new Check(what, test));
      return new Datagram(finals, silenceAllowed, malformed, why, List.copyOf(more));
    }

    @Override
    public String describe() {
      String answer =
          finals == null ? "any answer below 500" : finals.isEmpty() ? "" : "answered " + finals;
      String silence = silenceAllowed ? (answer.isEmpty() ? "silence" : " or silence") : "";
      return answer + silence + " (" + why + ")";
    }

    @Override
    public SipClient.Exchange exchange(int port, byte[] message) throws IOException {
      return SipClient.udp(
          port, message, Duration.ofMillis(silenceAllowed ? 1_500 : 5_000), Duration.ofMillis(400));
    }

    @Override
    public void check(TortureCase c, SipClient.Exchange e) {
      noServerError(e);
      String callId = c.callId();
      for (SipResponse r : e.responses()) {
        assertEquals(
            callId, r.callId(), "every response answers this message, no other transaction: " + r);
      }
      SipResponse last = e.firstFinal();
      if (last == null) {
        assertTrue(
            silenceAllowed && e.responses().isEmpty(),
            "expected " + describe() + ", got " + e.responses());
        return;
      }
      assertTrue(
          finals == null || finals.contains(last.status()),
          "expected " + describe() + ", got " + last);
      for (Check check : checks) {
        assertTrue(check.test().test(last), check.what() + ": " + last.text());
      }
    }
  }

  /**
   * Over TCP: the first final response to this message has one of {@code finals} (none expected
   * when empty); the server closes the connection within {@code closeWithin} when given, having
   * sent nothing at all when {@code silentUntilClose}.
   */
  record Stream(
      Set<Integer> finals,
      Duration closeWithin,
      boolean silentUntilClose,
      boolean malformed,
      String why)
      implements Verdict {
    @Override
    public String describe() {
      return (finals.isEmpty() ? "no answer" : "answered " + finals)
          + (closeWithin == null
              ? ""
              : ", connection closed within " + closeWithin.toSeconds() + " s")
          + " ("
          + why
          + ")";
    }

    @Override
    public SipClient.Exchange exchange(int port, byte[] message) throws IOException {
      return SipClient.tcp(
          port, message, closeWithin == null ? Duration.ofSeconds(6) : closeWithin.plusSeconds(5));
    }

    @Override
    public void check(TortureCase c, SipClient.Exchange e) {
      noServerError(e);
      if (silentUntilClose) {
        assertTrue(
            e.responses().isEmpty(), "expected no answer before the close, got " + e.responses());
      }
      if (!finals.isEmpty()) {
        SipResponse last =
            e.responses().stream()
                .filter(r -> r.isFinal() && c.callId().equals(r.callId()))
                .findFirst()
                .orElse(null);
        assertNotNull(last, "expected " + describe() + ", got " + e.responses());
        assertTrue(finals.contains(last.status()), "expected " + describe() + ", got " + last);
      }
      if (closeWithin != null) {
        assertTrue(
            e.closedAtMillis() >= 0, "expected the server to close the connection, it stayed open");
        assertTrue(
            e.closedAtMillis() <= closeWithin.toMillis(),
            "closed only after " + e.closedAtMillis() + " ms");
      }
    }
  }

  private static void noServerError(SipClient.Exchange e) {
    for (SipResponse r : e.responses()) {
      if (r.status() >= 500 && r.status() != 501 && r.status() != 505) {
        fail("server error: " + r.text());
      }
    }
  }
}
