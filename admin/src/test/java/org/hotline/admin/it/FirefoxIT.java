package org.hotline.admin.it;

import static org.hotline.admin.it.browser.Firefox.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.admin.it.browser.ConsoleScripts;
import org.hotline.admin.it.browser.Firefox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent desktop (/agent), the console (/) and the wallboard (/wallboard) in headless Firefox
 * ESR, the second engine after {@link AgentDesktopIT}'s and {@link ConsoleIT}'s Chromium, with the
 * whole server and SIPp phones. On the desktop a wrong password shows the error line, agent 1001
 * logs in through the form and is available once the phone registers, a VIP customer from Beijing
 * calls and the card shows the city, the carrier and the level while the phone still rings, and the
 * disposition chosen in the wrap-up form lands on the CDR. In the console a supervisor signs in,
 * the daily report charts an answered call and a click on its bar shows the call, and the wallboard
 * shows every queue with the call counted. Neither page reports a script error or anything its
 * policy refused, and the browser is shown to hear both kinds first.
 */
class FirefoxIT {
  /** How long the agent's phone rings before it answers: the card must show within it. */
  private static final String RING_MS = "3000";

  /**
   * How long the caller stays on the line from when the IVR answers: the ring, then a short talk.
   */
  private static final String CALLER_MS = "5500";

  private static final String SUPERVISOR = "lin";
  private static final String SUPERVISOR_PASSWORD = "supervisor-pw-1";

  private static Firefox firefox;

  @BeforeAll
  static void start() throws Exception {
    firefox = Firefox.start();
  }

  @AfterAll
  static void stop() {
    if (firefox != null) {
      firefox.close();
    }
  }

  @Test
  void anAgentTakesACallFromTheDesktop_andTheWrapUpLandsOnTheCdr() throws Exception {
    try (RunningServer server =
        new RunningServer(
            Map.of(
                "hotline.demo.agents",
                "1",
                "hotline.location.locale",
                "zh",
                "hotline.acd.ring-timeout",
                "15"))) {
      HttpResponse<String> created =
          server.send(
              "POST",
              "/api/customers",
              "{\"name\": \"王芳\", \"level\": \"VIP\", \"category\": \"retail\", \"phones\": [\"13800138000\"]}");
      assertEquals(201, created.statusCode(), created.body());

      firefox.run(
          "firefox-agent-desktop-failure",
          () -> {
            open(server, "/agent");
            errorsAreHeard();
            assertEquals("en", firefox.text("return document.documentElement.lang;"));
            assertEquals("Log in", text("login-submit"));

            // A wrong password: the error line, and the page stays on the form.
            logIn("1001", "wrong");
            firefox.awaitVisible("#login-error");
            assertEquals("Wrong agent ID or password.", text("login-error"));
            assertTrue(visible("#login-view"));

            logIn("1001", "hotline");
            firefox.awaitVisible("#desk-view");
            firefox.awaitAttribute("#connection", "data-status", "open");
            assertEquals("Agent 1001", text("who"));

            // The agent's phone registers: the page hears the agent is ready.
            int phonePort = FreePorts.udpAndTcp();
            Sipp phone =
                Sipp.phone(
                        "uas-agent-ring-then-answer.xml",
                        phonePort,
                        "-m",
                        "1",
                        "-d",
                        RING_MS,
                        "-timeout",
                        "60s")
                    .start();
            Agents.register(server, 1, phonePort, "hotline");
            firefox.awaitAttribute("#agent-state", "data-state", "available");

            // The VIP customer calls: the card shows who it is while the agent's phone rings.
            Sipp caller =
                Sipp.client(
                        server,
                        "uac-call-as-caller.xml",
                        "200",
                        "-key",
                        "caller",
                        "13800138000",
                        "-m",
                        "1",
                        "-d",
                        CALLER_MS,
                        "-timeout",
                        "60s")
                    .start();
            firefox.await(
                "the card showing 北京市",
                "return document.getElementById('card-place').textContent.includes('北京市');");
            JsonNode card =
                firefox.js(
                    """
            const $ = (id) => document.getElementById(id);
            return {
              state: $('call-state').dataset.state,
              shown: $('card').checkVisibility(),
              level: $('card-level').innerText,
              levelClass: $('card-level').className,
              carrier: $('card-carrier').innerText,
              name: $('card-name').innerText,
              ringing: $('ring-banner').checkVisibility(),
              ringCaller: $('ring-caller').innerText,
              title: document.title,
            };
            """);
            assertEquals(
                "ringing",
                card.get("state").asText(),
                "the card showed before the agent answered: " + card);
            assertTrue(card.get("shown").asBoolean(), card.toString());
            assertEquals("VIP", card.get("level").asText(), card.toString());
            assertTrue(card.get("levelClass").asText().contains("badge-vip"), card.toString());
            assertEquals("中国移动", card.get("carrier").asText(), card.toString());
            assertEquals("王芳", card.get("name").asText(), card.toString());
            assertTrue(card.get("ringing").asBoolean(), "the ringing banner: " + card);
            assertEquals("Ringing: 王芳", card.get("ringCaller").asText(), card.toString());
            assertEquals("Ringing: 王芳", card.get("title").asText(), card.toString());

            firefox.awaitAttribute("#call-state", "data-state", "connected");
            assertFalse(visible("#ring-banner"), "the banner goes when the call connects");
            firefox.awaitAttribute("#call-state", "data-state", "ended");
            assertEquals(0, caller.await(30), caller.output());
            assertEquals(0, phone.await(30), phone.output());

            // The wrap-up, after the call: a disposition from the list and notes typed in.
            firefox.choose("#wrapup-code", "callback-needed");
            firefox.type("#wrapup-notes", "周一上午回电");
            firefox.click("#btn-wrapup");
            firefox.awaitAttribute("#wrapup-result", "data-result", "ok");
            String callLine = text("wrapup-call");

            JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
            assertEquals("callback-needed", cdr.get("disposition").asText(), cdr.toString());
            assertEquals("周一上午回电", cdr.get("notes").asText(), cdr.toString());
            assertTrue(
                callLine.contains("王芳") && !callLine.contains(cdr.get("callId").asText()),
                callLine + " / " + cdr);
            assertEquals(
                List.of(),
                firefox.pageErrors(),
                "no script errors, nothing the page's policy refused");
          });
    }
  }

  @Test
  void aSupervisorSeesTheCallCharted_andTheWallboardShowsTheQueues() throws Exception {
    try (RunningServer server =
        new RunningServer(Map.of("hotline.demo.agents", "1", "hotline.acd.ring-timeout", "15"))) {
      HttpResponse<String> created =
          server.send(
              "POST",
              "/api/users",
              "{\"name\": \""
                  + SUPERVISOR
                  + "\", \"role\": \"supervisor\", \"password\": \""
                  + SUPERVISOR_PASSWORD
                  + "\"}");
      assertEquals(201, created.statusCode(), created.body());

      // One call, answered: its CDR is what the report shows.
      int phonePort = FreePorts.udpAndTcp();
      Sipp phone =
          Sipp.phone("uas-agent-answer.xml", phonePort, "-m", "1", "-timeout", "60s").start();
      Agents.register(server, 1, phonePort, "hotline");
      awaitAgentState(server, "available");
      Sipp caller =
          Sipp.client(
                  server,
                  "uac-call-as-caller.xml",
                  "200",
                  "-key",
                  "caller",
                  "13800138000",
                  "-m",
                  "1",
                  "-d",
                  "1500",
                  "-timeout",
                  "60s")
              .start();
      assertEquals(0, caller.await(60), caller.output());
      assertEquals(0, phone.await(60), phone.output());
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertEquals("answered", cdr.get("outcome").asText(), cdr.toString());

      firefox.run(
          "firefox-console-failure",
          () -> {
            open(server, "/");
            errorsAreHeard();
            assertTrue(visible("#login-view"));
            logIn(SUPERVISOR, "wrong");
            firefox.await(
                "the wrong password's line",
                "return document.getElementById('login-error').textContent === 'Wrong user or password.';");

            logIn(SUPERVISOR, SUPERVISOR_PASSWORD);
            firefox.awaitVisible("#sign-out");
            firefox.awaitAttribute("body", "data-view", "console");
            firefox.awaitAttribute("#report-status", "data-result", "ok");
            assertEquals(
                "1",
                firefox.text(
                    "return document.getElementById('volume-chart').getAttribute('data-total');"));

            // The chart has the call: its series' data, as ECharts holds it, adds up to one call.
            JsonNode series = chartSeries();
            assertEquals(List.of("support"), names(series.get("names")), series.toString());
            assertEquals(1, series.get("total").asInt(), series.toString());

            // A click on the bar shows the call behind it.
            JsonNode bar = series.get("bar");
            firefox.clickAt(
                "#volume-chart",
                (int) Math.round(bar.get("x").asDouble()),
                (int) Math.round(bar.get("y").asDouble()));
            firefox.awaitAttribute("#drill", "data-total", "1");
            assertEquals(
                cdr.get("callId").asText(),
                firefox.text(
                    "return document.querySelector('#drill-table tr[data-call]').dataset.call;"));
            assertEquals(
                List.of(),
                firefox.pageErrors(),
                "no script errors, nothing the page's policy refused");
          });

      firefox.run(
          "firefox-wallboard-failure",
          () -> {
            // The wallboard, signed in already by the console's cookie: a tile for every queue.
            List<String> queues = new ArrayList<>();
            CtiClient.JSON
                .readTree(server.get("/api/queues"))
                .forEach(q -> queues.add(q.get("queue").asText()));
            firefox.navigate("http://127.0.0.1:" + server.httpPort + "/wallboard");
            firefox.awaitAttribute("#connection", "data-status", "open");
            firefox.awaitAttribute("#board", "data-queues", String.valueOf(queues.size()));
            List<String> tiles =
                names(
                    firefox.js(
                        "return [...document.querySelectorAll('.tile')].map((t) => t.dataset.queue);"));
            assertEquals(queues.stream().sorted().toList(), tiles.stream().sorted().toList());
            firefox.await(
                "the support tile counting the answered call",
                "return document.querySelector("
                    + quote(".tile[data-queue='support'] [data-field='answered']")
                    + ").textContent === '1';");
            assertEquals(
                "1",
                firefox.text(
                    "return document.querySelector("
                        + quote(".tile[data-queue='support'] [data-field='agents-available']")
                        + ").textContent;"));
            assertEquals(
                List.of(),
                firefox.pageErrors(),
                "no script errors, nothing the page's policy refused");
          });
    }
  }

  /**
   * The browser reports what the tests look for: a script error and an inline script the page's
   * policy refuses, provoked here, are in {@link Firefox#pageErrors}, which is then empty again.
   */
  private static void errorsAreHeard() throws Exception {
    firefox.js(
        """
        setTimeout(() => { throw new Error('provoked by the test'); }, 0);
        const inline = document.createElement('script');
        inline.textContent = 'window.inlineScriptRan = true;';
        document.head.append(inline);
        """);
    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + Firefox.WAIT.toNanos();
    while (!(heard(seen, "provoked by the test") && heard(seen, "Content-Security-Policy"))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the browser did not report the provoked errors: " + seen);
      }
      Thread.sleep(50);
      seen.addAll(firefox.pageErrors());
    }
    assertEquals(
        false,
        firefox.js("return window.inlineScriptRan === true;").asBoolean(),
        "the policy refused the inline script");
    assertEquals(List.of(), firefox.pageErrors());
  }

  private static boolean heard(List<String> errors, String part) {
    return errors.stream().anyMatch(e -> e.contains(part));
  }

  /**
   * The chart's series as ECharts holds them: names, total calls, and where the first non-empty bar
   * is.
   */
  private static JsonNode chartSeries() throws Exception {
    return firefox.js(ConsoleScripts.CHART_SERIES);
  }

  /**
   * Opens a page of {@code server}, signed out: the cookie of another test's server is for the same
   * host.
   */
  private static void open(RunningServer server, String path) throws Exception {
    firefox.deleteCookies();
    firefox.navigate("http://127.0.0.1:" + server.httpPort + path);
    firefox.awaitAttribute("body", "data-ready", "true");
  }

  private static void logIn(String user, String password) throws Exception {
    firefox.type("#login-user", user);
    firefox.type("#login-password", password);
    firefox.click("#login-submit");
  }

  private static String text(String id) throws Exception {
    return firefox.text("return document.getElementById(" + quote(id) + ").innerText;");
  }

  private static boolean visible(String css) throws Exception {
    return firefox
        .js("return document.querySelector(" + quote(css) + ").checkVisibility();")
        .asBoolean();
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }

  private static void awaitAgentState(RunningServer server, String state) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!CtiClient.JSON
        .readTree(server.get("/api/agents"))
        .get(0)
        .get("state")
        .asText()
        .equals(state)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("agent 1001 never " + state + ": " + server.get("/api/agents"));
      }
      Thread.sleep(100);
    }
  }
}
