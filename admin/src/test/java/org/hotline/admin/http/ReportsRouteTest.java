package org.hotline.admin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.hotline.config.DataSettings;
import org.hotline.config.ReportSettings;
import org.hotline.core.agent.AgentEventRepository;
import org.hotline.core.agent.AgentState;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.cdr.CdrRepository;
import org.hotline.core.db.Database;
import org.hotline.core.event.AgentEvent;
import org.hotline.core.report.ReportRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/reports/*} over HTTP: JSON, CSV and bad parameters. The figures are core's to test.
 */
class ReportsRouteTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** 2026-11-02 10:00 in Shanghai: "today" is Nov 2 there, Nov 1 16:00Z to Nov 2 16:00Z. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T02:00:00Z"), ZoneId.of("UTC"));

  @TempDir Path dir;
  Database db;
  TestServer http;

  @BeforeEach
  void start() {
    db =
        new Database(
            new DataSettings(dir, "jdbc:h2:file:" + dir.resolve("hotline"), "hotline", "", 2));
    CdrRepository cdrs = new CdrRepository(db.dsl(), CLOCK);
    cdrs.insert(
        cdr(
            "a1",
            "100",
            "sales",
            "1001",
            "2026-11-01T09:00:00",
            10,
            60,
            CallOutcome.ANSWERED,
            "Shanghai, CN"));
    cdrs.insert(
        cdr(
            "a2",
            "100",
            "sales",
            null,
            "2026-11-01T10:00:00",
            30,
            0,
            CallOutcome.ABANDONED,
            "Beijing"));
    cdrs.insert(
        cdr(
            "a3",
            "100",
            "sales",
            null,
            "2026-11-01T11:00:00",
            2,
            0,
            CallOutcome.ABANDONED,
            "Beijing"));
    cdrs.insert(
        cdr("f1", "*21", null, "1001", "2026-11-01T08:00:00", 0, 0, CallOutcome.IVR_HANGUP, null));
    cdrs.insert(
        cdr(
            "cb1",
            "callback",
            "sales",
            "1001",
            "2026-11-01T12:00:00",
            0,
            20,
            CallOutcome.ANSWERED,
            null));
    cdrs.insert(
        cdr(
            "t1",
            "100",
            "sales",
            "1001",
            "2026-11-02T09:00:00",
            0,
            10,
            CallOutcome.ANSWERED,
            "Beijing"));
    AgentEventRepository events = new AgentEventRepository(db.dsl(), CLOCK);
    events.insert(
        new AgentEvent.StateChanged(
            "1001",
            AgentState.LOGGED_OUT,
            AgentState.AVAILABLE,
            "registered",
            local("2026-11-01T08:00:00")));
    events.insert(
        new AgentEvent.StateChanged(
            "1001", AgentState.AVAILABLE, AgentState.ON_CALL, "a1", local("2026-11-01T09:00:12")));
    events.insert(
        new AgentEvent.StateChanged(
            "1001",
            AgentState.ON_CALL,
            AgentState.WRAP_UP,
            "call-ended",
            local("2026-11-01T09:01:12")));
    events.insert(
        new AgentEvent.StateChanged(
            "1001",
            AgentState.WRAP_UP,
            AgentState.AVAILABLE,
            "done",
            local("2026-11-01T09:01:42")));
    events.insert(
        new AgentEvent.StateChanged(
            "1001",
            AgentState.AVAILABLE,
            AgentState.LOGGED_OUT,
            "logout",
            local("2026-11-01T10:00:00")));
    ReportRepository reports =
        new ReportRepository(
            db.dsl(),
            CLOCK,
            new ReportSettings(SHANGHAI, Duration.ofSeconds(5)),
            Duration.ofSeconds(20));
    http = new TestServer(router -> new ReportsRoute(reports, CLOCK).addTo(router));
  }

  @AfterEach
  void stop() {
    http.close();
    db.close();
  }

  static Instant local(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  static Cdr cdr(
      String id,
      String dialed,
      String queue,
      String agent,
      String arrived,
      long wait,
      long talk,
      CallOutcome outcome,
      String region) {
    Instant at = local(arrived);
    return new Cdr(
        id,
        "+8613800138000",
        dialed,
        "1",
        queue,
        agent,
        at,
        at.plusSeconds(1),
        at.plusSeconds(2 + wait + talk),
        wait,
        talk,
        outcome,
        "caller-bye",
        region,
        null,
        null,
        null);
  }

  @Test
  void volume_json_hasBucketsInTheReportZone() throws Exception {
    HttpResponse<String> response =
        http.get("/api/reports/volume?from=2026-11-01&to=2026-11-03&interval=day&by=queue");

    assertEquals(200, response.statusCode());
    JsonNode body = Json.MAPPER.readTree(response.body());
    assertEquals("2026-10-31T16:00:00Z", body.get("from").asText());
    assertEquals("Asia/Shanghai", body.get("zone").asText());
    assertEquals("day", body.get("interval").asText());
    assertEquals("queue", body.get("by").asText());
    JsonNode rows = body.get("rows");
    assertEquals(2, rows.size());
    assertEquals("2026-11-01T00:00:00+08:00", rows.get(0).get("start").asText());
    assertEquals("2026-11-02T00:00:00+08:00", rows.get(0).get("end").asText());
    assertEquals("sales", rows.get(0).get("group").asText());
    assertEquals(3, rows.get(0).get("calls").asLong());
    assertEquals(1, rows.get(0).get("callbacks").asLong());
    assertEquals(1, rows.get(1).get("calls").asLong());
  }

  @Test
  void volume_csv_isRfc4180WithAHeader_quotingCommas() throws Exception {
    HttpResponse<String> response =
        http.get("/api/reports/volume?from=2026-11-01&to=2026-11-02&by=region&format=csv");

    assertEquals(200, response.statusCode());
    assertEquals(
        "text/csv; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "start,end,region,calls,callbacks\r\n"
            + "2026-11-01T00:00+08:00,2026-11-02T00:00+08:00,,0,1\r\n"
            + "2026-11-01T00:00+08:00,2026-11-02T00:00+08:00,Beijing,2,0\r\n"
            + "2026-11-01T00:00+08:00,2026-11-02T00:00+08:00,\"Shanghai, CN\",1,0\r\n",
        response.body());
  }

  @Test
  void summary_json_andCsv_carryTheQueueAndTheOverallFigures() throws Exception {
    JsonNode body =
        Json.MAPPER.readTree(http.get("/api/reports/summary?from=2026-11-01&to=2026-11-02").body());

    assertEquals(3, body.get("calls").asLong());
    JsonNode sales = body.get("queues").get(0);
    assertEquals("sales", sales.get("queue").asText());
    assertEquals(2, sales.get("offered").asLong());
    assertEquals(1, sales.get("shortAbandons").asLong());
    assertEquals(1.0, sales.get("serviceLevel").asDouble());
    assertEquals(0.5, sales.get("serviceLevelWithAbandons").asDouble());
    assertEquals(90.0, sales.get("averageHandleTime").asDouble());
    assertTrue(body.get("overall").get("queue").isNull());

    String csv = http.get("/api/reports/summary?from=2026-11-01&to=2026-11-02&format=csv").body();
    String[] lines = csv.split("\r\n");
    assertEquals(3, lines.length);
    assertTrue(
        lines[0].startsWith("queue,threshold_seconds,offered,answered,abandoned,short_abandons,"),
        lines[0]);
    assertEquals("sales,20,2,1,1,1,1,0.5,1,0.5,10,90,60,0,30,30,30,1,1", lines[1]);
    assertEquals("(all),,2,1,1,1,1,0.5,1,0.5,10,90,60,0,30,30,30,1,1", lines[2]);
  }

  @Test
  void agents_json_andCsv_carryStateTimeAndOccupancy() throws Exception {
    JsonNode agent =
        Json.MAPPER
            .readTree(http.get("/api/reports/agents?from=2026-11-01&to=2026-11-02").body())
            .get("agents")
            .get(0);

    assertEquals("1001", agent.get("agentId").asText());
    assertEquals(2, agent.get("callsHandled").asLong());
    assertEquals(60.0, agent.get("stateSeconds").get("on_call").asDouble());
    assertEquals(30.0, agent.get("stateSeconds").get("wrap_up").asDouble());
    assertEquals(90 / 7200.0, agent.get("occupancy").asDouble(), 1e-12);

    String[] lines =
        http.get("/api/reports/agents?from=2026-11-01&to=2026-11-02&format=csv")
            .body()
            .split("\r\n");
    assertEquals(2, lines.length);
    assertEquals("1001,2,80,0,30,55,7110,0,60,30,0,50400,0.0125", lines[1]);
  }

  @Test
  void calls_drillDown_pagesJson_andCsvCountsTheTotal() throws Exception {
    JsonNode page =
        Json.MAPPER.readTree(
            http.get(
                    "/api/reports/calls?from=2026-11-01&to=2026-11-02&by=outcome&value=abandoned&size=1&page=2")
                .body());
    assertEquals(2, page.get("total").asLong());
    assertEquals(1, page.get("calls").size());
    assertEquals("a3", page.get("calls").get(0).get("callId").asText());

    HttpResponse<String> csv =
        http.get("/api/reports/calls?from=2026-11-01&to=2026-11-02&kind=callback&format=csv");
    assertEquals("1", csv.headers().firstValue("X-Total-Count").orElseThrow());
    String[] lines = csv.body().split("\r\n");
    assertEquals(
        "call_id,caller,dialed,ivr_choice,queue,agent_id,arrived_at,answered_at,ended_at,wait_seconds,talk_seconds,hold_seconds,outcome,hangup_cause,region,level",
        lines[0]);
    assertEquals(
        "cb1,+8613800138000,callback,1,sales,1001,2026-11-01T04:00:00Z,2026-11-01T04:00:01Z,2026-11-01T04:00:22Z,0,20,0,answered,caller-bye,,",
        lines[1]);
  }

  @Test
  void noRange_isTodayInTheReportZone() throws Exception {
    JsonNode body = Json.MAPPER.readTree(http.get("/api/reports/volume").body());

    assertEquals("2026-11-01T16:00:00Z", body.get("from").asText());
    assertEquals("2026-11-02T16:00:00Z", body.get("to").asText());
    assertEquals(1, body.get("rows").get(0).get("calls").asLong());
  }

  @Test
  void badParameters_get400WithOneLineNamingTheParameter() throws Exception {
    assertBad("/api/reports/volume?from=2026-11-01&to=2026-11-02&interval=year", "interval");
    assertBad("/api/reports/volume?from=2026-11-01&to=2026-11-02&by=colour", "by");
    assertBad("/api/reports/volume?from=2020-01-01&to=2026-11-02&interval=hour", "to");
    assertBad("/api/reports/summary?from=yesterday&to=2026-11-02", "from");
    assertBad("/api/reports/summary?from=2026-11-01", "to");
    assertBad("/api/reports/summary?from=2026-11-02&to=2026-11-01", "to");
    assertBad("/api/reports/agents?from=2026-11-01&to=2026-11-02&format=xml", "format");
    assertBad("/api/reports/calls?from=2026-11-01&to=2026-11-02&page=0", "page");
    assertBad("/api/reports/calls?from=2026-11-01&to=2026-11-02&size=5000", "size");
    assertBad("/api/reports/calls?from=2026-11-01&to=2026-11-02&value=sales", "value");
    assertBad("/api/reports/calls?from=2026-11-01&to=2026-11-02&kind=outbound", "kind");
  }

  private void assertBad(String uri, String parameter) throws Exception {
    HttpResponse<String> response = http.get(uri);
    assertEquals(400, response.statusCode(), uri);
    assertFalse(response.body().contains("\n"), response.body());
    JsonNode error = Json.MAPPER.readTree(response.body());
    assertEquals(parameter, error.get("parameter").asText(), response.body());
    assertTrue(
        error.get("error").asText().startsWith("bad parameter " + parameter + ": "),
        response.body());
  }
}
