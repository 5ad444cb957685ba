package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.admin.it.browser.Chromium;
import org.hotline.admin.it.browser.ConsoleScripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The supervisors' console (/) and the wallboard (/wallboard) in headless Chromium with the whole
 * server and SIPp phones: a wrong password and an agent are refused at the door; a call is
 * answered, the console's daily report charts it and drills down to it; then the wallboard, signed
 * in on its own page, shows a caller waiting while the only agent is on break, the longest wait
 * ticking, and the call answered once the agent is ready. A queue's settings and an agent's name
 * change through the console's pages, and the language chosen there is the wallboard's too.
 */
class ConsoleIT {
  /**
   * The supervisor who signs in to the console and the wallboard, created by the admin at start.
   */
  private static final String USER = "lin";

  private static final String PASSWORD = "supervisor-pw-1";

  private static Chromium chromium;
  private static RunningServer server;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.start();
    server =
        new RunningServer(Map.of("hotline.demo.agents", "1", "hotline.acd.ring-timeout", "15"));
    HttpResponse<String> created =
        server.send(
            "POST",
            "/api/users",
            "{\"name\": \""
                + USER
                + "\", \"role\": \"supervisor\", \"password\": \""
                + PASSWORD
                + "\"}");
    assertEquals(201, created.statusCode(), created.body());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void theDailyReportChartsACall_andTheWallboardShowsACallerWaitingThenAnswered() throws Exception {
    WebDriver page = chromium.driver;
    WebDriverWait wait = chromium.waiting();
    int phonePort = FreePorts.udpAndTcp();
    Sipp phone =
        Sipp.phone("uas-agent-answer.xml", phonePort, "-m", "2", "-timeout", "120s").start();
    Agents.register(server, 1, phonePort, "hotline");
    awaitAgentState("available");

    // A first call, answered: its CDR is what the report shows.
    Sipp first =
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
    assertEquals(0, first.await(60), first.output());
    JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
    assertEquals("answered", cdr.get("outcome").asText(), cdr.toString());

    chromium.run(
        "console-failure",
        () -> {
          // The console: sign in, today's report by hour opens first.
          page.get(base() + "/");
          wait.until(attributeToBe(By.tagName("body"), "data-ready", "true"));
          assertTrue(page.findElement(By.id("login-view")).isDisplayed());

          // A wrong password, then an agent: neither gets in, each told why.
          logIn(page, USER, "wrong");
          wait.until(textToBe(By.id("login-error"), "Wrong user or password."));
          logIn(page, "1001", "hotline");
          wait.until(
              textToBe(
                  By.id("login-error"),
                  "The console is for supervisors and administrators; you signed in as agent."));
          assertTrue(page.findElement(By.id("login-view")).isDisplayed());
          assertEquals(
              null,
              page.manage().getCookieNamed("hotline_session"),
              "the agent's session was ended");

          logInAsSupervisor(page, wait);
          wait.until(attributeToBe(By.tagName("body"), "data-view", "console"));
          assertTrue(page.findElement(By.cssSelector("#nav a[data-page=reports]")).isDisplayed());
          assertTrue(page.findElement(By.id("nav-wallboard")).isDisplayed());
          assertFalse(
              page.findElement(By.cssSelector("#nav a[data-page=users]")).isDisplayed(),
              "no Users page for this role");
          assertFalse(
              page.findElement(By.cssSelector("#nav a[data-page=audit]")).isDisplayed(),
              "no Audit page for this role");
          wait.until(attributeToBe(By.id("report-status"), "data-result", "ok"));
          assertEquals("today", value(page, "report-preset"));
          assertEquals("hour", value(page, "report-interval"));
          assertEquals(
              "2026-11-25", value(page, "report-from"), "the server's today, not the browser's");

          // The chart has the call: its series' data, as ECharts holds it, adds up to one call.
          WebElement chart = page.findElement(By.id("volume-chart"));
          assertEquals("1", chart.getDomAttribute("data-total"));
          Map<String, Object> series = chartSeries(page);
          assertEquals(List.of("support"), series.get("names"), series.toString());
          assertEquals(1L, series.get("total"), series.toString());
          WebElement support =
              page.findElement(By.cssSelector("#summary-table tr[data-queue=support]"));
          assertEquals("1", support.findElement(By.cssSelector("td[data-col=offered]")).getText());
          assertEquals("1", support.findElement(By.cssSelector("td[data-col=answered]")).getText());
          assertEquals(
              "100%", support.findElement(By.cssSelector("td[data-col=answerRate]")).getText());
          assertTrue(
              page.findElement(By.cssSelector("#agents-report-table tr[data-agent='1001']"))
                  .isDisplayed());
          assertTrue(
              page.findElement(By.id("csv-summary"))
                  .getDomAttribute("href")
                  .endsWith("format=csv"));

          // A click on the bar shows the call behind it.
          clickBar(page, series);
          wait.until(attributeToBe(By.id("drill"), "data-total", "1"));
          WebElement row = page.findElement(By.cssSelector("#drill-table tr[data-call]"));
          assertEquals(cdr.get("callId").asText(), row.getDomAttribute("data-call"));
          assertEquals(
              "13800138000", row.findElement(By.cssSelector("td[data-col=caller]")).getText());

          // Another range and grouping: the chart follows.
          new org.openqa.selenium.support.ui.Select(page.findElement(By.id("report-preset")))
              .selectByValue("last7");
          new org.openqa.selenium.support.ui.Select(page.findElement(By.id("report-by")))
              .selectByValue("outcome");
          page.findElement(By.id("report-run")).click();
          wait.until(d -> List.of("Answered").equals(chartSeries(d).get("names")));
          assertEquals("day", value(page, "report-interval"));
          assertEquals("2026-11-19", value(page, "report-from"));
          assertEquals(
              List.of(),
              chromium.pageErrors(),
              "no script errors, nothing the page's policy refused");
        });

    chromium.run(
        "wallboard-failure",
        () -> {
          // Eight queues: four more with settings of their own. The wallboard, in a new tab, is
          // signed in already by the console's cookie, and shows them all without scrolling.
          for (String queue : List.of("complaints", "corporate", "overseas", "retail")) {
            assertEquals(
                200,
                send("PUT", "/api/queues/" + queue + "/settings", "{\"serviceLevelSeconds\": 20}")
                    .statusCode());
          }
          page.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
          page.get(base() + "/wallboard");
          wait.until(attributeToBe(By.id("connection"), "data-status", "open"));
          wait.until(attributeToBe(By.id("board"), "data-queues", "8"));
          assertEquals(
              List.of(), js(page, LAYOUT_PROBLEMS), "everything on the screen, nothing cut off");
          wait.until(textToBe(tile("support", "answered"), "1"));
          assertEquals("0", tileText(page, "support", "waiting"));
          assertEquals("1", tileText(page, "support", "agents-available"));

          // The only agent goes on break: a caller waits, and the longest wait ticks.
          assertEquals(
              202,
              postJson("/api/agents/1001/state", "{\"state\": \"break\", \"reason\": \"lunch\"}")
                  .statusCode());
          wait.until(textToBe(tile("support", "agents-break"), "1"));
          Sipp caller =
              Sipp.client(
                      server,
                      "uac-call-as-caller.xml",
                      "200",
                      "-key",
                      "caller",
                      "13900139000",
                      "-m",
                      "1",
                      "-d",
                      "12000",
                      "-timeout",
                      "60s")
                  .start();
          wait.until(textToBe(tile("support", "waiting"), "1"));
          wait.until(d -> shows(tileText(d, "support", "longestWait"), "0:00"));
          String ticked = tileText(page, "support", "longestWait");

          wait.until(d -> shows(tileText(d, "support", "longestWait"), ticked));

          // Ready again: the call is answered, the waiting count drops and answered rises.
          long updates = ((Number) js(page, "return window.hotlineWallboard.updates")).longValue();
          assertEquals(
              202, postJson("/api/agents/1001/state", "{\"state\": \"ready\"}").statusCode());
          wait.until(textToBe(tile("support", "answered"), "2"));
          assertEquals("0", tileText(page, "support", "waiting"));
          assertTrue(
              ((Number) js(page, "return window.hotlineWallboard.updates")).longValue() > updates);
          assertEquals(0, caller.await(60), caller.output());
          assertEquals(0, phone.await(60), phone.output());
          assertEquals(
              List.of(),
              chromium.pageErrors(),
              "no script errors, nothing the page's policy refused");
        });

    chromium.run(
        "console-admin-failure",
        () -> {
          // Back in the console's tab, as the administrator: users and the audit log are there too,
          // and a queue's settings and an agent's name are changed through their pages.
          page.switchTo().window(page.getWindowHandles().iterator().next());
          page.findElement(By.id("sign-out")).click();
          wait.until(visibilityOfElementLocated(By.id("login-view")));
          logIn(page, "admin", server.server.config().security().adminPassword());
          wait.until(visibilityOfElementLocated(By.id("sign-out")));
          wait.until(visibilityOfElementLocated(By.cssSelector("#nav a[data-page=users]")));
          assertTrue(page.findElement(By.cssSelector("#nav a[data-page=audit]")).isDisplayed());

          // A scanner at 127.0.0.5 is banned; the Security page shows it and the admin lifts the
          // ban.
          scannerProbe("127.0.0.5");
          page.findElement(By.cssSelector("#nav a[data-page=security]")).click();
          wait.until(
              visibilityOfElementLocated(
                  By.cssSelector("#bans-table tr[data-address='127.0.0.5']")));
          assertTrue(
              textAt(page, "#bans-table tr[data-address='127.0.0.5']")
                  .contains("friendly-scanner"));
          page.findElement(By.cssSelector("#bans-table tr[data-address='127.0.0.5'] button"))
              .click();
          wait.until(visibilityOfElementLocated(By.id("bans-none")));
          assertEquals(
              0, CtiClient.JSON.readTree(server.get("/api/security/bans")).path("bans").size());

          page.findElement(By.cssSelector("#nav a[data-page=queues]")).click();
          wait.until(visibilityOfElementLocated(By.cssSelector("form[data-queue=support]")));
          WebElement threshold = page.findElement(By.id("q-support-serviceLevelSeconds"));
          threshold.clear();
          threshold.sendKeys("30");
          Select overflow = new Select(page.findElement(By.id("q-support-overflow")));
          assertTrue(
              overflow.getOptions().stream()
                  .noneMatch(o -> o.getDomAttribute("value").equals("support")),
              "a queue is not offered as its own overflow");
          overflow.selectByValue("sales");
          page.findElement(By.cssSelector("form[data-queue=support] button[type=submit]")).click();
          wait.until(
              attributeToBe(
                  By.cssSelector("form[data-queue=support] .result"), "data-result", "ok"));
          JsonNode support = CtiClient.JSON.readTree(server.get("/api/queues/support/settings"));
          assertEquals(30, support.get("serviceLevelSeconds").asInt());
          assertEquals("sales", support.get("overflow").asText(), support.toString());

          page.findElement(By.cssSelector("#nav a[data-page=agents]")).click();
          wait.until(
              visibilityOfElementLocated(By.cssSelector("#agents-table tr[data-agent='1001']")));
          JsonNode before = CtiClient.JSON.readTree(server.get("/api/agents")).get(0);
          page.findElement(
                  By.cssSelector("#agents-table tr[data-agent='1001'] button[data-action=edit]"))
              .click();
          assertEquals(
              before.get("queues").size(),
              page.findElements(By.cssSelector("#agent-queues .queue-pick:checked")).size());
          WebElement name = page.findElement(By.id("agent-name"));
          name.clear();
          name.sendKeys("李娜");
          page.findElement(By.id("agent-save")).click();
          wait.until(attributeToBe(By.id("agent-form-result"), "data-result", "ok"));
          JsonNode after = CtiClient.JSON.readTree(server.get("/api/agents")).get(0);
          assertEquals("李娜", after.get("name").asText(), after.toString());
          assertEquals(before.get("levels"), after.get("levels"), "the skill levels kept");

          // The desk password: one typed in the form, then a random one from the reset button,
          // shown once.
          String agentRow = "#agents-table tr[data-agent='1001']";
          wait.until(
              attributeToBe(
                  By.cssSelector(agentRow + " [data-desk-password]"), "data-desk-password", "set"));
          page.findElement(By.cssSelector(agentRow + " button[data-action=edit]")).click();
          page.findElement(By.id("agent-desk-password")).sendKeys("console-desk-pw");
          page.findElement(By.id("agent-save")).click();
          wait.until(attributeToBe(By.id("agent-form-result"), "data-result", "ok"));
          assertEquals(200, deskLogin("1001", "console-desk-pw").statusCode());
          page.findElement(By.cssSelector(agentRow + " button[data-action=reset-desk]")).click();
          wait.until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
          wait.until(attributeToBe(By.id("agents-result"), "data-result", "ok"));
          String shown = page.findElement(By.id("agents-result")).getText();
          String generated = shown.substring(shown.lastIndexOf(' ') + 1);
          assertTrue(generated.matches("[A-Za-z0-9_-]{16}"), shown);
          assertEquals(
              401, deskLogin("1001", "console-desk-pw").statusCode(), "the old one stops working");
          assertEquals(200, deskLogin("1001", generated).statusCode(), shown);

          // The language switch turns the console Chinese.
          new org.openqa.selenium.support.ui.Select(page.findElement(By.id("lang")))
              .selectByValue("zh");
          wait.until(textToBe(By.cssSelector("#nav a[data-page=reports]"), "报表"));
          assertEquals("zh-CN", page.findElement(By.tagName("html")).getDomAttribute("lang"));
          assertEquals(
              List.of(),
              chromium.pageErrors(),
              "no script errors, nothing the page's policy refused");
        });

    chromium.run(
        "wallboard-login-failure",
        () -> {
          // Signed out: the wallboard asks for the login on its own page, then shows the board.
          page.manage().deleteAllCookies();
          page.get(base() + "/wallboard");
          wait.until(visibilityOfElementLocated(By.id("login-view")));
          page.findElement(By.id("login-user")).sendKeys(USER);
          page.findElement(By.id("login-password")).sendKeys(PASSWORD);
          page.findElement(By.id("login-submit")).click();
          wait.until(attributeToBe(By.id("connection"), "data-status", "open"));
          wait.until(textToBe(tile("support", "answered"), "2"));
          assertEquals(
              "接通",
              textAt(page, ".tile[data-queue='support'] .figure-answered .label"),
              "the language chosen in the console");
        });
  }

  /** What of the wallboard does not fit: the page scrolls, or a tile or a figure is cut off. */
  private static final String LAYOUT_PROBLEMS =
      """
      const problems = [];
      if (document.documentElement.scrollHeight > window.innerHeight + 1) problems.push('the page scrolls');
      document.querySelectorAll('.tile').forEach((tile) => {
        if (tile.scrollHeight > tile.clientHeight + 1) problems.push(tile.dataset.queue + ' is cut off');
        tile.querySelectorAll('.figure .value, h2').forEach((e) => {
          if (e.scrollWidth > e.clientWidth + 1) problems.push(tile.dataset.queue + ': ' + e.textContent + ' is cut off');
        });
      });
      return problems;
      """;

  /**
   * An OPTIONS as SIPVicious sends it, from {@code address}: the server drops it and bans the
   * address.
   */
  private static void scannerProbe(String address) throws Exception {
    String options =
        "OPTIONS sip:100@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP "
            + address
            + ":5099;branch=z9hG4bK-probe-1;rport\r\n"
            + "Max-Forwards: 70\r\nTo: <sip:100@127.0.0.1>\r\nFrom: <sip:100@"
            + address
            + ">;tag=probe\r\n"
            + "User-Agent: friendly-scanner\r\nCall-ID: probe-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
    byte[] bytes = options.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    try (java.net.DatagramSocket socket =
        new java.net.DatagramSocket(new java.net.InetSocketAddress(address, 0))) {
      socket.send(
          new java.net.DatagramPacket(
              bytes, bytes.length, java.net.InetAddress.getByName("127.0.0.1"), server.sipPort));
    }
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!server.get("/api/security/bans").contains(address)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the scanner at " + address + " was not banned");
      }
      Thread.sleep(50);
    }
  }

  /**
   * Signs in to the console's form as the supervisor who reads reports and watches the wallboard.
   */
  private static void logInAsSupervisor(WebDriver page, WebDriverWait wait) {
    logIn(page, USER, PASSWORD);
    wait.until(visibilityOfElementLocated(By.id("sign-out")));
  }

  private static void logIn(WebDriver page, String user, String password) {
    WebElement name = page.findElement(By.id("login-user"));
    name.clear();
    name.sendKeys(user);
    WebElement secret = page.findElement(By.id("login-password"));
    secret.clear();
    secret.sendKeys(password);
    page.findElement(By.id("login-submit")).click();
  }

  private static By tile(String queue, String field) {
    return By.cssSelector(".tile[data-queue='" + queue + "'] [data-field='" + field + "']");
  }

  /** Whether {@code text} is there and other than {@code before}. */
  private static boolean shows(String text, String before) {
    return text != null && !text.equals(before);
  }

  /**
   * A figure of a queue's tile, read in one step: every snapshot draws the tiles anew, so an
   * element found a moment before may be gone by the time its text is asked for.
   */
  private static String tileText(WebDriver page, String queue, String field) {
    return textAt(page, ".tile[data-queue='" + queue + "'] [data-field='" + field + "']");
  }

  /** The text of the element at {@code css}, read in one step; null when there is none. */
  private static String textAt(WebDriver page, String css) {
    return (String)
        js(
            page,
            "const e = document.querySelector(arguments[0]); return e === null ? null : e.textContent.trim();",
            css);
  }

  /**
   * The chart's series as ECharts holds them: names, total calls, and where the first non-empty bar
   * is.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> chartSeries(WebDriver page) {
    return (Map<String, Object>) js(page, ConsoleScripts.CHART_SERIES);
  }

  /** Clicks the middle of the first bar that has calls. */
  @SuppressWarnings("unchecked")
  private static void clickBar(WebDriver page, Map<String, Object> series) {
    Map<String, Object> bar = (Map<String, Object>) series.get("bar");
    int x = (int) Math.round(((Number) bar.get("x")).doubleValue());
    int y = (int) Math.round(((Number) bar.get("y")).doubleValue());
    new Actions(page)
        .moveToElement(page.findElement(By.id("volume-chart")), x, y)
        .click()
        .perform();
  }

  private static Object js(WebDriver page, String script, Object... args) {
    return ((JavascriptExecutor) page).executeScript(script, args);
  }

  private static String value(WebDriver page, String id) {
    return page.findElement(By.id(id)).getDomProperty("value");
  }

  private static void awaitAgentState(String state) throws Exception {
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

  private static String base() {
    return "http://127.0.0.1:" + server.httpPort;
  }

  /** POST /api/login of agent {@code user} with {@code password}, as the desktop makes it. */
  private static HttpResponse<String> deskLogin(String user, String password) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        CtiClient.JSON.writeValueAsString(
                            Map.of("user", user, "password", password))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> postJson(String path, String json) throws Exception {
    return send("POST", path, json);
  }

  /** A request to the API as the administrator (HTTP Basic), as a script would make it. */
  private static HttpResponse<String> send(String method, String path, String json)
      throws Exception {
    return server.send(method, path, json);
  }
}
