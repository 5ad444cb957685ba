package org.hotline.admin.it.torture;

import static java.util.Map.entry;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The verdict for each RFC 4475 message (README of the corpus, section numbers of RFC 4475), as
 * Hotline meets it: a UAS and registrar that challenges every REGISTER, serves number 100 only, and
 * answers OPTIONS 200. Where the RFC allows rejecting or being liberal, both pass.
 */
final class Verdicts {
  private Verdicts() {}

  static final Map<String, Verdict> DATAGRAM =
      Map.ofEntries(
          // 3.1.1 valid messages
          entry(
              "wsinv.dat",
              answered("3.1.1.1 valid; INVITE to a number Hotline does not serve", 404)),
          entry(
              "intmeth.dat",
              answered("3.1.1.2 valid; unknown method", 501)
                  .and("501 lists Allow", Verdicts::hasAllow)),
          entry("esc01.dat", answered("3.1.1.3 valid; INVITE to an unknown number", 404)),
          entry("escnull.dat", answered("3.1.1.4 valid; REGISTER is challenged", 401)),
          entry(
              "esc02.dat",
              answered("3.1.1.5 valid; RE%47IST%45R is an unknown method", 501)
                  .and("501 lists Allow", Verdicts::hasAllow)),
          entry("lwsdisp.dat", answered("3.1.1.6 valid; OPTIONS", 200)),
          entry("longreq.dat", answered("3.1.1.7 valid; INVITE to an unknown number", 404)),
          entry(
              "dblreq.dat",
              answered(
                  "3.1.1.8 valid; the REGISTER is challenged, the trailing INVITE ignored", 401)),
          entry("semiuri.dat", answered("3.1.1.9 valid; OPTIONS", 200)),
          entry("transports.dat", answered("3.1.1.10 valid; OPTIONS", 200)),
          entry(
              "mpart01.dat",
              answered("3.1.1.11 valid; MESSAGE is a method Hotline does not serve", 405)
                  .and("405 lists Allow", Verdicts::hasAllow)),
          entry(
              "unreason.dat",
              silent("3.1.1.12 valid response to nothing Hotline sent: discarded", false)),
          entry(
              "noreason.dat",
              silent("3.1.1.13 valid response to nothing Hotline sent: discarded", false)),
          // 3.1.2 invalid messages
          entry("badinv01.dat", malformed("3.1.2.1 extraneous header field separators", 400)),
          entry("clerr.dat", malformed("3.1.2.2 Content-Length larger than the datagram", 400)),
          entry("ncl.dat", malformed("3.1.2.3 negative Content-Length", 400)),
          entry("scalar02.dat", malformed("3.1.2.4 CSeq beyond 2^32-1", 400)),
          entry("scalarlg.dat", silent("3.1.2.5 response with overlarge values: discarded", true)),
          entry("quotbal.dat", malformed("3.1.2.6 unterminated quoted string", 400)),
          entry(
              "ltgtruri.dat",
              answered("3.1.2.7 <> around the Request-URI: 400, or liberal", 400, 404)),
          entry(
              "lwsruri.dat", answered("3.1.2.8 LWS in the Request-URI: 400, or liberal", 400, 404)),
          entry(
              "lwsstart.dat",
              answered("3.1.2.9 several SP in the request line: 400, or liberal", 400, 404)),
          entry(
              "trws.dat",
              answered("3.1.2.10 SP after the request line: 400, or liberal", 400, 200)),
          entry(
              "escruri.dat",
              answered("3.1.2.11 escaped headers in the Request-URI: 400, or ignored", 400, 404)),
          entry(
              "baddate.dat",
              answered("3.1.2.12 Date not in GMT: 400, or the Date ignored", 400, 404)),
          entry(
              "regbadct.dat",
              answered(
                  "3.1.2.13 Contact name-addr without <>: 400, or liberal (challenged)", 400, 401)),
          entry(
              "badaspec.dat", answered("3.1.2.14 spaces in addr-spec: 400, or liberal", 400, 200)),
          entry(
              "baddn.dat", answered("3.1.2.15 unquoted display names: 400, or liberal", 400, 200)),
          entry("badvers.dat", malformed("3.1.2.16 SIP/7.0", 505)),
          entry(
              "mismatch01.dat",
              malformed("3.1.2.17 CSeq method differs from the request method", 400)),
          entry(
              "mismatch02.dat",
              malformed("3.1.2.18 unknown method, CSeq method differs", 501, 400)),
          entry("bigcode.dat", silent("3.1.2.19 response code beyond 999: dropped", true)),
          // 3.2, 3.3, 3.4
          entry(
              "badbranch.dat",
              answered("3.2.1 branch without transaction id: 400, or RFC 2543 matching", 400, 200)),
          entry(
              "insuf.dat",
              answeredOrSilent("3.3.1 no Call-ID, From, To: 400, or dropped", true, 400)),
          entry("unkscm.dat", answered("3.3.2 unknown Request-URI scheme", 416)),
          entry("novelsc.dat", answered("3.3.3 soap.beep Request-URI", 416, 404)),
          entry("unksm2.dat", answered("3.3.4 REGISTER whose To is not a SIP URI", 400)),
          entry(
              "bext01.dat",
              answered("3.3.5 Require of unknown extensions", 420)
                  .and(
                      "Unsupported lists both option tags",
                      r ->
                          unsupported(r)
                              .containsAll(
                                  List.of("nothingSupportsThis", "nothingSupportsThisEither")))),
          entry(
              "invut.dat",
              answered("3.3.6 INVITE with a body Hotline does not read", 415)
                  .and(
                      "415 lists application/sdp in Accept",
                      r ->
                          r.text().all("accept").stream()
                              .anyMatch(a -> a.contains("application/sdp")))),
          entry(
              "regaut01.dat",
              answered("3.3.7 credentials in an unknown scheme: challenged afresh", 401)
                  .and(
                      "a Digest challenge",
                      r ->
                          r.text()
                              .first("www-authenticate")
                              .filter(a -> a.startsWith("Digest"))
                              .isPresent())),
          entry(
              "multi01.dat", malformed("3.3.8 several Call-ID, To, From, CSeq, Max-Forwards", 400)),
          entry("mcl01.dat", malformed("3.3.9 two Content-Lengths", 400)),
          entry("bcast.dat", silent("3.3.10 200 OK with a broadcast Via: discarded", false)),
          entry("zeromf.dat", answered("3.3.11 Max-Forwards 0 at the UAS: processed", 200)),
          entry("cparam01.dat", answered("3.3.12 REGISTER with a contact-param: challenged", 401)),
          entry("cparam02.dat", answered("3.3.13 REGISTER with a url-param: challenged", 401)),
          entry(
              "regescrt.dat",
              answered("3.3.14 REGISTER with an escaped header in the Contact: challenged", 401)),
          entry(
              "sdp01.dat",
              answered("3.3.15 Accept without application/sdp on an INVITE", 406, 400)
                  .and(
                      "406 says why in a Warning",
                      r -> r.status() != 406 || r.text().first("warning").isPresent())),
          entry("inv2543.dat", answered("3.4.1 RFC 2543 INVITE, accepted; unknown number", 404)),
          entry(
              "test.dat",
              new Verdict.Datagram(
                  null, true, false, "in the archive only: must not break the server", List.of())));

  /**
   * Messages whose verdict depends on Content-Length over a stream (README: dblreq, clerr, ncl,
   * mcl01).
   */
  static final Map<String, Verdict> STREAM =
      Map.of(
          "dblreq.dat",
              new Verdict.Stream(
                  Set.of(401), null, false, false, "3.1.1.8 over TCP: the REGISTER is challenged"),
          "clerr.dat",
              new Verdict.Stream(
                  Set.of(),
                  Duration.ofSeconds(20),
                  true,
                  false,
                  "3.1.2.2 over TCP: wait for the body, close on timeout"),
          "ncl.dat",
              new Verdict.Stream(
                  Set.of(400),
                  Duration.ofSeconds(8),
                  false,
                  true,
                  "3.1.2.3 over TCP: error response, close"),
          "mcl01.dat",
              new Verdict.Stream(
                  Set.of(400),
                  Duration.ofSeconds(8),
                  false,
                  true,
                  "3.3.9 over TCP: error response, close"));

  private static Verdict.Datagram answered(String why, int... codes) {
    return new Verdict.Datagram(codes(codes), false, false, why, List.of());
  }

  private static Verdict.Datagram malformed(String why, int... codes) {
    return new Verdict.Datagram(codes(codes), false, true, why, List.of());
  }

  private static Verdict.Datagram silent(String why, boolean malformed) {
    return new Verdict.Datagram(Set.of(), true, malformed, why, List.of());
  }

  private static Verdict.Datagram answeredOrSilent(String why, boolean malformed, int... codes) {
    return new Verdict.Datagram(codes(codes), true, malformed, why, List.of());
  }

  private static Set<Integer> codes(int... codes) {
    return Arrays.stream(codes).boxed().collect(Collectors.toUnmodifiableSet());
  }

  private static boolean hasAllow(SipResponse r) {
    return r.text().first("allow").filter(a -> a.contains("INVITE")).isPresent();
  }

  private static List<String> unsupported(SipResponse r) {
    return r.text().all("unsupported").stream()
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::strip)
        .toList();
  }
}
