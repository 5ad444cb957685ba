package org.hotline.admin.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.config.DataSettings;
import org.hotline.core.acd.AcdSnapshot;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentControl;
import org.hotline.core.agent.AgentRepository;
import org.hotline.core.db.Database;
import org.hotline.core.user.PasswordHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agents API's SIP and desk passwords: generated once, set, reset, and the sessions that end
 * with them.
 */
class AgentsRouteTest {
  static final String REALM = "hotline";

  final PasswordHash hasher = new PasswordHash(1_000);

  /** The agents whose sessions were ended, in order. */
  final List<String> ended = new CopyOnWriteArrayList<>();

  @TempDir Path dir;
  Database db;
  AgentRepository agents;
  TestServer http;

  @BeforeEach
  void start() {
    db =
        new Database(
            new DataSettings(dir, "jdbc:h2:file:" + dir.resolve("hotline"), "hotline", "", 2));
    agents = new AgentRepository(db.dsl(), Clock.systemUTC());
    AgentControl control =
        new AgentControl() {
          @Override
          public void ready(String agentId) {}

          @Override
          public void pause(String agentId, String reason) {}

          @Override
          public void logout(String agentId) {}
        };
    AgentsRoute.AgentChanges changes =
        new AgentsRoute.AgentChanges() {
          @Override
          public void changed(Agent agent) {}

          @Override
          public void passwordChanged(Agent agent) {
            ended.add(agent.id());
          }

          @Override
          public void removed(Agent agent) {
            ended.add(agent.id());
          }
        };
    http =
        new TestServer(
            router ->
                new AgentsRoute(
                        agents,
                        () ->
                            CompletableFuture.completedFuture(new AcdSnapshot(Map.of(), Map.of())),
                        control,
                        Set.of("lunch"),
                        REALM,
                        hasher,
                        changes)
                    .addTo(router));
  }

  @AfterEach
  void stop() {
    http.close();
    db.close();
  }

  HttpResponse<String> put(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(http.uri(path)).PUT(BodyPublishers.ofString(body, UTF_8)));
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.MAPPER.readTree(response.body());
  }

  boolean deskPasswordIs(String id, String password) {
    return agents.deskPasswordHash(id).map(hash -> hasher.verify(password, hash)).orElse(false);
  }

  @Test
  void aNewAgentWithoutPasswords_getsARandomSipAndARandomDeskPassword_shownOnce() throws Exception {
    HttpResponse<String> created = put("/api/agents/2001", "{\"queues\": {\"sales\": 1}}");

    assertEquals(201, created.statusCode(), created.body());
    String sip = json(created).get("generatedPassword").asText();
    String desk = json(created).get("generatedDeskPassword").asText();
    assertEquals(24, sip.length());
    assertEquals(16, desk.length());
    assertNotEquals(sip, desk);
    assertTrue(agents.hasPassword("2001", REALM, sip));
    assertTrue(deskPasswordIs("2001", desk));
    assertFalse(deskPasswordIs("2001", sip), "the SIP password is not the desk password");
    assertTrue(json(created).get("deskPassword").asBoolean());

    HttpResponse<String> listed = http.get("/api/agents");
    assertTrue(json(listed).get(0).get("deskPassword").asBoolean());
    assertFalse(
        listed.body().contains(desk) || listed.body().contains("generated"),
        "never shown again: " + listed.body());
  }

  @Test
  void aNewAgentWithADeskPassword_hasIt_andNoneIsGenerated() throws Exception {
    HttpResponse<String> created =
        put(
            "/api/agents/2002",
            "{\"password\": \"sip-secret\", \"deskPassword\": \"desk-secret\", \"queues\": {}}");

    assertEquals(201, created.statusCode(), created.body());
    assertTrue(json(created).path("generatedDeskPassword").isMissingNode());
    assertTrue(deskPasswordIs("2002", "desk-secret"));
  }

  @Test
  void anUpdateWithoutADeskPassword_keepsIt_andEndsNoSession() throws Exception {
    put(
        "/api/agents/2003",
        "{\"password\": \"sip-secret\", \"deskPassword\": \"desk-secret\", \"queues\": {}}");
    ended.clear();

    HttpResponse<String> changed =
        put("/api/agents/2003", "{\"name\": \"Li Na\", \"queues\": {\"vip\": 2}}");

    assertEquals(200, changed.statusCode(), changed.body());
    assertTrue(json(changed).path("generatedDeskPassword").isMissingNode());
    assertTrue(deskPasswordIs("2003", "desk-secret"));
    assertEquals(List.of(), ended);
  }

  @Test
  void anUpdateWithADeskPassword_setsIt_andEndsTheAgentsSessions() throws Exception {
    put(
        "/api/agents/2004",
        "{\"password\": \"sip-secret\", \"deskPassword\": \"desk-secret\", \"queues\": {}}");
    ended.clear();

    assertEquals(
        200,
        put("/api/agents/2004", "{\"deskPassword\": \"desk-secret-2\", \"queues\": {}}")
            .statusCode());

    assertTrue(deskPasswordIs("2004", "desk-secret-2"));
    assertTrue(agents.hasPassword("2004", REALM, "sip-secret"), "the SIP password stays");
    assertEquals(List.of("2004"), ended);
  }

  @Test
  void aDeskPassword_tooShort_orTheSipPasswordGivenWithIt_isRefused() throws Exception {
    HttpResponse<String> tooShort =
        put("/api/agents/2005", "{\"deskPassword\": \"seven77\", \"queues\": {}}");
    HttpResponse<String> same =
        put(
            "/api/agents/2005",
            "{\"password\": \"same-secret\", \"deskPassword\": \"same-secret\", \"queues\": {}}");

    assertEquals(400, tooShort.statusCode(), tooShort.body());
    assertTrue(tooShort.body().contains("deskPassword"), tooShort.body());
    assertEquals(400, same.statusCode(), same.body());
    assertFalse(agents.exists("2005"), "nothing was stored");
  }

  @Test
  void resetDeskPassword_withNone_generatesOne_withOne_setsIt_andEndsTheSessions()
      throws Exception {
    put(
        "/api/agents/2006",
        "{\"password\": \"sip-secret\", \"deskPassword\": \"desk-secret\", \"queues\": {}}");
    ended.clear();

    HttpResponse<String> generated = put("/api/agents/2006/desk-password", "{}");
    assertEquals(200, generated.statusCode(), generated.body());
    String desk = json(generated).get("generatedDeskPassword").asText();
    assertTrue(deskPasswordIs("2006", desk));

    HttpResponse<String> given =
        put("/api/agents/2006/desk-password", "{\"password\": \"chosen-by-admin\"}");
    assertEquals(200, given.statusCode(), given.body());
    assertTrue(json(given).path("generatedDeskPassword").isMissingNode());
    assertTrue(deskPasswordIs("2006", "chosen-by-admin"));
    assertEquals(List.of("2006", "2006"), ended);

    assertEquals(404, put("/api/agents/9999/desk-password", "{}").statusCode());
    assertEquals(
        400, put("/api/agents/2006/desk-password", "{\"password\": \"short\"}").statusCode());
  }

  @Test
  void onlyAnAdministrator_setsADeskPassword() throws Exception {
    put("/api/agents/2007", "{\"password\": \"sip-secret\", \"queues\": {}}");

    for (String who : List.of("2007 agent", "lin supervisor", "crm integration")) {
      HttpResponse<String> refused =
          http.send(
              HttpRequest.newBuilder(http.uri("/api/agents/2007/desk-password"))
                  .header("X-Test-User", who)
                  .PUT(BodyPublishers.ofString("{}", UTF_8)));
      assertEquals(403, refused.statusCode(), who);
    }
  }
}
