package org.hotline.admin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.hotline.config.DataSettings;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.cdr.CdrRepository;
import org.hotline.core.db.Database;
import org.hotline.core.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdrsRouteTest {
  /**
   * Noon on 2026-03-01 in Shanghai (UTC+8): "today" runs from 2026-02-28T16:00Z to
   * 2026-03-01T16:00Z.
   */
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

  @TempDir Path dir;
  Database db;
  CdrRepository cdrs;
  TestServer http;

  @BeforeEach
  void start() {
    db =
        new Database(
            new DataSettings(dir, "jdbc:h2:file:" + dir.resolve("hotline"), "hotline", "", 2));
    cdrs = new CdrRepository(db.dsl(), CLOCK);
    http =
        new TestServer(
            router -> router.get("/api/cdrs", Access.loggedIn(), new CdrsRoute(cdrs, CLOCK)));
  }

  @AfterEach
  void stop() {
    http.close();
    db.close();
  }

  static Cdr cdr(String callId, String arrived, String caller) {
    Instant at = Instant.parse(arrived);
    return new Cdr(
        callId,
        caller,
        "100",
        "1",
        "sales",
        "1001",
        at,
        at.plusSeconds(1),
        at.plusSeconds(61),
        10,
        45,
        CallOutcome.ANSWERED,
        "caller-bye",
        null,
        null,
        null,
        null);
  }

  @Test
  void cdrs_inARange_answersAJsonArrayWithIsoInstantsAndOutcomeCodes() throws Exception {
    cdrs.insert(cdr("b", "2026-03-01T10:00:00Z", "+8613800138000"));
    cdrs.insert(cdr("a", "2026-03-01T09:00:00Z", "2000"));
    cdrs.insert(cdr("late", "2026-03-02T00:00:00Z", "3000"));

    HttpResponse<String> response =
        http.get("/api/cdrs?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z");

    assertEquals(200, response.statusCode());
    JsonNode list = Json.MAPPER.readTree(response.body());
    assertEquals(2, list.size());
    JsonNode first = list.get(0);
    assertEquals("a", first.get("callId").asText());
    assertEquals("2026-03-01T09:00:00Z", first.get("arrivedAt").asText());
    assertEquals("answered", first.get("outcome").asText());
    assertEquals(45, first.get("talkSeconds").asInt());
    assertEquals("+8613800138000", list.get(1).get("caller").asText());
  }

  @Test
  void anAgent_getsTheirOwnCallsOnly_everyOtherRoleEveryCall() throws Exception {
    cdrs.insert(cdr("mine", "2026-03-01T09:00:00Z", "1"));
    Cdr theirs = cdr("theirs", "2026-03-01T09:30:00Z", "2");
    cdrs.insert(
        new Cdr(
            theirs.callId(),
            theirs.caller(),
            "100",
            "1",
            "sales",
            "1002",
            theirs.arrivedAt(),
            theirs.answeredAt(),
            theirs.endedAt(),
            10,
            45,
            CallOutcome.ANSWERED,
            "caller-bye",
            null,
            null,
            null,
            null));
    cdrs.insert(
        new Cdr(
            "abandoned",
            "3",
            "100",
            "1",
            "sales",
            null,
            theirs.arrivedAt(),
            null,
            theirs.endedAt(),
            10,
            0,
            CallOutcome.ABANDONED,
            "caller-bye",
            null,
            null,
            null,
            null));
    String range = "/api/cdrs?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z";

    http.user = new Principal("1001", Role.AGENT);
    JsonNode own = Json.MAPPER.readTree(http.get(range).body());
    http.user = new Principal("crm", Role.INTEGRATION);
    JsonNode all = Json.MAPPER.readTree(http.get(range).body());
    http.user = new Principal("1001", Role.AGENT);
    String csv = http.get(range + "&format=csv").body();

    assertEquals(1, own.size());
    assertEquals("mine", own.get(0).get("callId").asText());
    assertEquals(3, all.size());
    assertEquals(2, csv.split("\r\n").length, csv);
  }

  @Test
  void aRangeOfMoreThan31Days_answers400NamingTo_31AreAnswered() throws Exception {
    HttpResponse<String> tooLong =
        http.get("/api/cdrs?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:01Z");

    assertEquals(400, tooLong.statusCode(), tooLong.body());
    JsonNode error = Json.MAPPER.readTree(tooLong.body());
    assertEquals("to", error.get("parameter").asText());
    assertTrue(error.get("error").asText().contains("at most 31 days"), tooLong.body());
    assertEquals(
        200, http.get("/api/cdrs?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z").statusCode());
  }

  @Test
  void cdrs_withoutARange_answersTodayInTheServersZone() throws Exception {
    cdrs.insert(cdr("yesterday-local", "2026-02-28T15:59:59Z", "1"));
    cdrs.insert(cdr("today-local", "2026-02-28T16:00:00Z", "2"));
    cdrs.insert(cdr("tomorrow-local", "2026-03-01T16:00:00Z", "3"));

    JsonNode list = Json.MAPPER.readTree(http.get("/api/cdrs").body());

    assertEquals(1, list.size());
    assertEquals("today-local", list.get(0).get("callId").asText());
  }

  @Test
  void cdrs_withOffsetsAndDates_understandsBoth() throws Exception {
    cdrs.insert(cdr("a", "2026-02-28T16:30:00Z", "1"));

    assertEquals(1, Json.MAPPER.readTree(http.get("/api/cdrs?from=2026-03-01").body()).size());
    assertEquals(
        1,
        Json.MAPPER
            .readTree(
                http.get("/api/cdrs?from=2026-03-01T00:00:00%2B08:00&to=2026-03-01T01:00:00+08:00")
                    .body())
            .size());
  }

  @Test
  void cdrs_asCsv_answersAHeaderRowAndOneRowPerCdr() throws Exception {
    cdrs.insert(cdr("a", "2026-03-01T09:00:00Z", "Smith, \"J\""));

    HttpResponse<String> response =
        http.get("/api/cdrs?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&format=csv");

    assertEquals(200, response.statusCode());
    assertEquals(
        "text/csv; charset=utf-8", response.headers().firstValue("content-type").orElseThrow());
    String[] lines = response.body().split("\r\n");
    assertEquals(CdrCsv.HEADER, lines[0]);
    assertTrue(
        lines[1].startsWith("a,\"Smith, \"\"J\"\"\",100,1,sales,1001,2026-03-01T09:00:00Z,"),
        lines[1]);
    assertEquals(2, lines.length);
  }

  @Test
  void cdrs_withBadFrom_answers400NamingTheParameter() throws Exception {
    HttpResponse<String> response = http.get("/api/cdrs?from=yesterday");

    assertEquals(400, response.statusCode());
    JsonNode error = Json.MAPPER.readTree(response.body());
    assertEquals("from", error.get("parameter").asText());
    assertTrue(error.get("error").asText().contains("from"), response.body());
    assertEquals(1, response.body().lines().count());
  }

  @Test
  void cdrs_withToBeforeFrom_answers400NamingTo() throws Exception {
    HttpResponse<String> response =
        http.get("/api/cdrs?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z");

    assertEquals(400, response.statusCode());
    assertEquals("to", Json.MAPPER.readTree(response.body()).get("parameter").asText());
  }

  @Test
  void cdrs_withAnUnknownFormat_answers400NamingFormat() throws Exception {
    HttpResponse<String> response = http.get("/api/cdrs?format=xml");

    assertEquals(400, response.statusCode());
    assertEquals("format", Json.MAPPER.readTree(response.body()).get("parameter").asText());
  }
}
