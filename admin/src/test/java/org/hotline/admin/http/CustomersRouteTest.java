package org.hotline.admin.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hotline.config.DataSettings;
import org.hotline.core.customer.CustomerDirectory;
import org.hotline.core.customer.CustomerRepository;
import org.hotline.core.db.Database;
import org.hotline.cti.location.CallerLocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomersRouteTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T04:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  Database db;
  TestServer http;

  @BeforeEach
  void start() {
    db =
        new Database(
            new DataSettings(dir, "jdbc:h2:file:" + dir.resolve("hotline"), "hotline", "", 2));
    CustomerDirectory customers =
        new CustomerDirectory(
            new CustomerRepository(db.dsl(), CLOCK),
            new CallerLocator("CN", "zh"),
            List.of("VIP", "gold", "silver", "normal"));
    http = new TestServer(router -> new CustomersRoute(customers).addTo(router));
  }

  @AfterEach
  void stop() {
    http.close();
    db.close();
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(http.uri(path)).POST(BodyPublishers.ofString(body, UTF_8)));
  }

  HttpResponse<String> put(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(http.uri(path)).PUT(BodyPublishers.ofString(body, UTF_8)));
  }

  HttpResponse<String> delete(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(http.uri(path)).DELETE());
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.MAPPER.readTree(response.body());
  }

  @Test
  void post_thenGet_thenPut_thenDelete_aCustomer() throws Exception {
    HttpResponse<String> created =
        post(
            "/api/customers",
            "{\"name\":\"张三\",\"level\":\"vip\",\"category\":\"零售\",\"salesStage\":\"lead\",\"phones\":[\"138 0013 8000\",\"021 6212 3456\"]}");

    assertEquals(201, created.statusCode(), created.body());
    JsonNode c = json(created);
    long id = c.get("id").asLong();
    assertEquals("/api/customers/" + id, created.headers().firstValue("Location").orElseThrow());
    assertEquals("VIP", c.get("level").asText());
    assertEquals("+8613800138000", c.get("phones").get(0).asText());
    assertEquals("+862162123456", c.get("phones").get(1).asText());
    assertEquals("2026-03-01T04:00:00Z", c.get("createdAt").asText());

    HttpResponse<String> got = http.get("/api/customers/" + id);
    assertEquals(200, got.statusCode());
    assertEquals("张三", json(got).get("name").asText());

    String changed = got.body().replace("\"lead\"", "\"won\"");
    HttpResponse<String> updated = put("/api/customers/" + id, changed);
    assertEquals(200, updated.statusCode(), updated.body());
    assertEquals("won", json(updated).get("salesStage").asText());

    assertEquals(204, delete("/api/customers/" + id).statusCode());
    assertEquals(404, http.get("/api/customers/" + id).statusCode());
    assertEquals(404, delete("/api/customers/" + id).statusCode());
  }

  @Test
  void search_byNameOrNumber_isPaged() throws Exception {
    post("/api/customers", "{\"name\":\"Alice\",\"level\":\"gold\",\"phones\":[\"13800138000\"]}");
    post("/api/customers", "{\"name\":\"王小明\",\"level\":\"VIP\",\"phones\":[\"021-62123456\"]}");
    post(
        "/api/customers",
        "{\"name\":\"Bob\",\"level\":\"normal\",\"phones\":[\"+1 650 253 0000\"]}");

    JsonNode byName = json(http.get("/api/customers?q=" + URLEncoder.encode("小明", UTF_8)));
    assertEquals(1, byName.get("total").asInt());
    assertEquals("王小明", byName.get("items").get(0).get("name").asText());

    JsonNode byNumber =
        json(http.get("/api/customers?q=" + URLEncoder.encode("021 6212 3456", UTF_8)));
    assertEquals("王小明", byNumber.get("items").get(0).get("name").asText());

    JsonNode page = json(http.get("/api/customers?page=1&size=2"));
    assertEquals(3, page.get("total").asInt());
    assertEquals(1, page.get("items").size());
    assertEquals("王小明", page.get("items").get(0).get("name").asText());
  }

  @Test
  void anAgent_readsTheDirectoryInSmallPagesOnly_theFloorInBigOnes() throws Exception {
    HttpResponse<String> bulk =
        http.send(
            HttpRequest.newBuilder(http.uri("/api/customers?size=500"))
                .header("X-Test-User", "1001 agent"));
    assertEquals(400, bulk.statusCode(), bulk.body());
    assertEquals("size", json(bulk).get("parameter").asText());
    assertTrue(json(bulk).get("error").asText().contains("from 1 to 50"), bulk.body());

    assertEquals(
        200,
        http.send(
                HttpRequest.newBuilder(http.uri("/api/customers?size=50"))
                    .header("X-Test-User", "1001 agent"))
            .statusCode());
    assertEquals(
        200,
        http.send(
                HttpRequest.newBuilder(http.uri("/api/customers?size=500"))
                    .header("X-Test-User", "lin supervisor"))
            .statusCode());
  }

  @Test
  void badInput_isA400NamingTheField_andATakenNumberA409() throws Exception {
    HttpResponse<String> badLevel =
        post(
            "/api/customers",
            "{\"name\":\"A\",\"level\":\"diamond\",\"phones\":[\"13800138000\"]}");
    assertEquals(400, badLevel.statusCode());
    assertEquals("level", json(badLevel).get("parameter").asText());

    HttpResponse<String> badPhone =
        post("/api/customers", "{\"name\":\"A\",\"level\":\"gold\",\"phones\":[\"abc\"]}");
    assertEquals(400, badPhone.statusCode());
    assertEquals("phones", json(badPhone).get("parameter").asText());

    assertEquals(400, post("/api/customers", "not json").statusCode());
    assertEquals(400, post("/api/customers", "").statusCode());
    assertEquals(400, http.get("/api/customers/abc").statusCode());
    assertEquals(400, http.get("/api/customers?size=100000").statusCode());

    long first =
        json(post(
                "/api/customers",
                "{\"name\":\"A\",\"level\":\"gold\",\"phones\":[\"13800138000\"]}"))
            .get("id")
            .asLong();
    HttpResponse<String> taken =
        post(
            "/api/customers",
            "{\"name\":\"B\",\"level\":\"gold\",\"phones\":[\"+8613800138000\"]}");
    assertEquals(409, taken.statusCode());
    assertEquals(first, json(taken).get("customerId").asLong());
  }

  @Test
  void import_thenExport_csv() throws Exception {
    String csv =
        "\uFEFFname,phone,level,category\r\n张三,13800138000,VIP,零售\r\n\"Li, Si\",021 6212 3456,gold,\r\n";

    HttpResponse<String> imported = post("/api/customers/import", csv);

    assertEquals(200, imported.statusCode(), imported.body());
    assertEquals(2, json(imported).get("imported").asInt());
    HttpResponse<String> exported = http.get("/api/customers/export");
    assertEquals(200, exported.statusCode());
    assertTrue(exported.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
    assertEquals(
        "\uFEFFname,phone,level,category,sales_stage,notes\r\n张三,+8613800138000,VIP,零售,,\r\n\"Li, Si\",+862162123456,gold,,,\r\n",
        exported.body());
  }

  @Test
  void import_withBadRows_is422WithEveryBadLine_orSkipsThemWhenAsked() throws Exception {
    String csv =
        "name,phone,level,category\nA,13800138000,gold,\nB,garbage,gold,\nC,13800138000,gold,\n";

    HttpResponse<String> refused = post("/api/customers/import", csv);

    assertEquals(422, refused.statusCode());
    JsonNode report = json(refused);
    assertEquals(false, report.get("committed").asBoolean());
    assertEquals(3, report.get("errors").get(0).get("line").asInt());
    assertEquals(4, report.get("errors").get(1).get("line").asInt());
    assertEquals(0, json(http.get("/api/customers")).get("total").asInt());

    HttpResponse<String> skipped = post("/api/customers/import?skipBadRows=true", csv);
    assertEquals(200, skipped.statusCode());
    assertEquals(1, json(skipped).get("imported").asInt());
    assertEquals(2, json(skipped).get("skipped").asInt());
    assertEquals(400, post("/api/customers/import", "").statusCode());
    assertEquals(400, post("/api/customers/import?skipBadRows=maybe", csv).statusCode());
  }
}
