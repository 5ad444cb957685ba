package org.hotline.admin.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.admin.it.browser.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agent desktop (/agent) in headless Chromium with the whole server: a wrong password shows the
 * error line and the language switch turns the page Chinese; agent 1001 logs in through the form
 * and sets their state through the page; a VIP customer from Beijing calls, and the card shows the
 * city and the level while the agent's phone still rings; the agent's phone answers, the caller
 * hangs up, and the disposition chosen in the wrap-up form is on the call's CDR. A session ended
 * elsewhere sends the page back to the form with a message.
 */
class AgentDesktopIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How long the agent's phone rings before it answers: the card must show within it. */
  private static final String RING_MS = "3000";

  /**
   * How long the caller stays on the line from when the IVR answers: the ring above, then a short
   * talk with the agent.
   */
  private static final String CALLER_MS = "5500";

  private static final HttpClient http = HttpClient.newHttpClient();
  private static Chromium chromium;
  private static RunningServer server;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.start();
    server =
        new RunningServer(
            Map.of(
                "hotline.demo.agents",
                "2",
                "hotline.location.locale",
                "zh",
                "hotline.acd.ring-timeout",
                "15",
                "hotline.acd.wrap-up",
                "PT60S"));
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
  void anAgentTakesACallFromTheDesktop_andTheWrapUpLandsOnTheCdr() throws Exception {
    HttpResponse<String> created =
        post(
            "/api/customers",
            "{\"name\": \"王芳\", \"level\": \"VIP\", \"category\": \"retail\", \"phones\": [\"13800138000\"]}");
    assertEquals(201, created.statusCode(), created.body());
    WebDriver page = chromium.driver;
    WebDriverWait wait = chromium.waiting();

    chromium.run(
        "agent-desktop-failure",
        () -> {
          open(page, wait);
          assertEquals("en", page.findElement(By.tagName("html")).getDomAttribute("lang"));
          assertEquals("Log in", text(page, "login-submit"));

          // A wrong password: the error line, and the page stays on the form.
          logIn(page, "1001", "wrong");
          wait.until(visibilityOfElementLocated(By.id("login-error")));
          assertEquals("Wrong agent ID or password.", text(page, "login-error"));
          assertTrue(page.findElement(By.id("login-view")).isDisplayed());

          // The language switch: the page's texts, the error line too, turn Chinese and stay so.
          new Select(page.findElement(By.id("lang"))).selectByValue("zh");
          wait.until(textToBe(By.id("login-submit"), "登录"));
          assertEquals("zh-CN", page.findElement(By.tagName("html")).getDomAttribute("lang"));
          assertEquals("工号或密码错误。", text(page, "login-error"));
          assertEquals("坐席工号", page.findElement(By.cssSelector("label[for=login-user]")).getText());
          open(page, wait);
          assertEquals("登录", text(page, "login-submit"), "the language is remembered");

          logIn(page, "1001", "hotline");
          wait.until(visibilityOfElementLocated(By.id("desk-view")));
          wait.until(attributeToBe(By.id("connection"), "data-status", "open"));
          assertEquals("坐席 1001", text(page, "who"));
          Select reasons = new Select(page.findElement(By.id("break-reason")));
          assertEquals(4, reasons.getOptions().size(), "the configured break reasons");

          // No phone registered yet: the panel says how to register it, and Ready says why it
          // waits.
          wait.until(visibilityOfElementLocated(By.id("phone-hint")));
          assertEquals("1001", text(page, "phone-user"));
          assertEquals("127.0.0.1", text(page, "phone-server"));
          assertEquals(String.valueOf(server.sipPort), text(page, "phone-port"));
          click(page, "btn-ready");
          wait.until(attributeToBe(By.id("state-result"), "data-code", "no-phone"));

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
          wait.until(attributeToBe(By.id("agent-state"), "data-state", "available"));
          assertFalse(page.findElement(By.id("phone-hint")).isDisplayed());
          assertFalse(
              classOf(page, "btn-ready").contains("primary"), "Ready is no main action when ready");

          // Break and back, through the page.
          reasons.selectByValue("lunch");
          click(page, "btn-break");
          wait.until(attributeToBe(By.id("agent-state"), "data-state", "break"));
          assertEquals(
              "lunch", page.findElement(By.id("agent-reason")).getDomAttribute("data-reason"));
          assertEquals("午餐", text(page, "agent-reason"));
          assertTrue(
              classOf(page, "btn-ready").contains("primary"),
              "Ready is the main action on a break");
          click(page, "btn-ready");
          wait.until(attributeToBe(By.id("agent-state"), "data-state", "available"));
          assertEquals(
              "ok", page.findElement(By.id("state-result")).getDomAttribute("data-result"));

          // No call: the call's controls do not apply; dialling nothing says so in one line.
          for (String button : List.of("btn-hangup", "btn-hold", "btn-transfer")) {
            assertFalse(page.findElement(By.id(button)).isEnabled(), button);
          }
          click(page, "btn-dial");
          wait.until(attributeToBe(By.id("call-result"), "data-code", "bad-argument"));

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
          wait.until(textToBePresentInElementLocated(By.id("card-place"), "北京市"));
          String stateWhenShown =
              page.findElement(By.id("call-state")).getDomAttribute("data-state");
          assertEquals("ringing", stateWhenShown, "the card showed before the agent answered");
          assertTrue(page.findElement(By.id("card")).isDisplayed());
          assertEquals("VIP", text(page, "card-level"));
          assertTrue(
              page.findElement(By.id("card-level")).getDomAttribute("class").contains("badge-vip"));
          assertEquals("中国移动", text(page, "card-carrier"));
          assertEquals("王芳", text(page, "card-name"));
          assertEquals(
              "true",
              page.findElement(By.id("card")).getDomAttribute("data-known"),
              "the name is the headline");

          // The ring cannot be missed: a banner with the customer and the queue, the tab's title.
          assertTrue(page.findElement(By.id("ring-banner")).isDisplayed());
          wait.until(textToBePresentInElementLocated(By.id("ring-caller"), "王芳"));
          assertTrue(text(page, "ring-queue").contains("support"), text(page, "ring-queue"));
          assertEquals(
              "请在话机上接听", page.findElement(By.cssSelector("#ring-banner .ring-cue")).getText());
          assertEquals("来电：王芳", page.getTitle());
          assertTrue(
              List.of("played", "blocked")
                  .contains(page.findElement(By.id("ring-banner")).getDomAttribute("data-sound")));
          String announced = page.findElement(By.id("card-announce")).getDomProperty("textContent");
          assertTrue(
              announced.contains("北京市") && announced.contains("VIP"), "read out: " + announced);
          assertTrue(text(page, "card-facts").contains("support"), text(page, "card-facts"));

          wait.until(attributeToBe(By.id("call-state"), "data-state", "connected"));
          assertFalse(
              page.findElement(By.id("ring-banner")).isDisplayed(),
              "the banner goes when the call connects");
          assertEquals("坐席工作台 · Hotline", page.getTitle(), "the title is the page's again");
          assertTrue(
              page.findElement(By.id("btn-hangup")).isEnabled(), "Hang up applies on a call");
          assertTrue(text(page, "call-state").contains("王芳"), text(page, "call-state"));
          wait.until(attributeToBe(By.id("call-state"), "data-state", "ended"));
          assertEquals("", text(page, "call-result"), "the line about the call before is gone");
          assertFalse(page.findElement(By.id("btn-hold")).isEnabled(), "no Hold after the call");

          // After-call work: the queue's wrap-up time (60 s here) counts down to ready.
          wait.until(visibilityOfElementLocated(By.id("acw")));
          wait.until(textToBePresentInElementLocated(By.id("acw-line"), "后自动就绪"));
          String left = text(page, "acw-line");
          assertTrue(left.contains("0:5") || left.contains("1:00"), left);
          assertEquals(0, caller.await(30), caller.output());
          assertEquals(0, phone.await(30), phone.output());

          // The wrap-up, after the call: a disposition from the list and notes.
          new Select(page.findElement(By.id("wrapup-code"))).selectByValue("callback-needed");
          page.findElement(By.id("wrapup-notes")).sendKeys("周一上午回电");
          click(page, "btn-wrapup");
          wait.until(attributeToBe(By.id("wrapup-result"), "data-result", "ok"));
          String callLine = page.findElement(By.id("wrapup-call")).getText();
          assertEquals(
              "已保存：需要回电", text(page, "wrapup-result"), "the disposition's label, not its code");

          JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
          assertEquals("callback-needed", cdr.get("disposition").asText(), cdr.toString());
          assertEquals("周一上午回电", cdr.get("notes").asText(), cdr.toString());
          assertTrue(
              callLine.contains("王芳") && !callLine.contains(cdr.get("callId").asText()),
              callLine + " / " + cdr);

          // A ticket for the caller: stored with the call and the customer, listed on the card.
          page.findElement(By.id("ticket-subject")).sendKeys("回电确认订单");
          click(page, "btn-ticket");
          wait.until(
              d -> d.findElement(By.id("ticket-result")).getDomAttribute("data-result") != null);
          WebElement ticket = page.findElement(By.id("ticket-result"));
          assertEquals("ok", ticket.getDomAttribute("data-result"), ticket.getText());
          assertTrue(text(page, "card-tickets").contains("回电确认订单"), text(page, "card-tickets"));
          JsonNode stored =
              CtiClient.JSON.readTree(
                  server.get(
                      "/api/tickets?callId="
                          + URLEncoder.encode(cdr.get("callId").asText(), UTF_8)));
          JsonNode first = stored.get("items").get(0);
          assertEquals("回电确认订单", first.get("title").asText(), stored.toString());
          assertEquals("1001", first.get("createdBy").asText(), stored.toString());
          assertTrue(first.hasNonNull("customerId"), "linked to the caller's customer: " + stored);
          assertTrue(text(page, "card-tickets").contains("本次通话"), text(page, "card-tickets"));
          assertFalse(
              text(page, "card-tickets").contains(cdr.get("callId").asText()),
              text(page, "card-tickets"));

          // After-call work: the state's time counts from its start on the server, a reload too;
          // Done makes the agent ready before the wrap-up time is up.
          Thread.sleep(2500);
          page.navigate().refresh();
          wait.until(attributeToBe(By.id("agent-state"), "data-state", "wrap_up"));
          wait.until(visibilityOfElementLocated(By.id("acw")));
          String since = text(page, "agent-since");
          Matcher elapsed = Pattern.compile("（0:(\\d\\d)）").matcher(since);
          assertTrue(
              elapsed.find() && Integer.parseInt(elapsed.group(1)) >= 2,
              "counted from the state's start: " + since);
          click(page, "btn-acw-done");
          wait.until(attributeToBe(By.id("agent-state"), "data-state", "available"));
          assertFalse(page.findElement(By.id("acw")).isDisplayed());

          // The session ends elsewhere: the server closes /cti with 4401 and the page goes back to
          // the form, saying why, instead of reconnecting.
          Cookie session = page.manage().getCookieNamed("hotline_session");
          HttpResponse<String> loggedOut =
              http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.httpPort + "/api/logout"))
                      .header("Cookie", "hotline_session=" + session.getValue())
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          assertEquals(204, loggedOut.statusCode());
          wait.until(visibilityOfElementLocated(By.id("login-notice")));
          assertEquals("您已退出，请重新登录。", text(page, "login-notice"));

          // Signing in again, the agent changes their desk password: the server ends the session,
          // and
          // the page asks for the new password.
          logIn(page, "1001", "hotline");
          wait.until(attributeToBe(By.id("connection"), "data-status", "open"));
          page.findElement(By.cssSelector("#password-panel summary")).click();
          page.findElement(By.id("password-current")).sendKeys("wrong-one");
          page.findElement(By.id("password-new")).sendKeys("desk-pw-1001");
          page.findElement(By.id("password-repeat")).sendKeys("desk-pw-1001");
          click(page, "btn-password");
          wait.until(textToBe(By.id("password-result"), "当前密码错误。"));
          page.findElement(By.id("password-current")).sendKeys("hotline");
          click(page, "btn-password");
          wait.until(visibilityOfElementLocated(By.id("login-notice")));
          assertEquals("密码已修改，请用新密码登录。", text(page, "login-notice"));
          assertNull(
              page.manage().getCookieNamed("hotline_session"), "the session ended with the change");
          logIn(page, "1001", "hotline");
          wait.until(textToBe(By.id("login-error"), "工号或密码错误。"));

          // Signing in with the new one, then out with the button: the cookie is gone.
          logIn(page, "1001", "desk-pw-1001");
          wait.until(attributeToBe(By.id("connection"), "data-status", "open"));
          click(page, "sign-out");
          wait.until(visibilityOfElementLocated(By.id("login-view")));
          assertNull(page.manage().getCookieNamed("hotline_session"));
          assertEquals(
              List.of(),
              chromium.pageErrors(),
              "no script errors, nothing the page's policy refused");
        });
  }

  /**
   * On a phone-sized screen (390 px) the page fits the width and the screen pop comes before the
   * controls; agent 1002, whose phone never registered, is told how to register it.
   */
  @Test
  void onANarrowScreen_nothingOverflows_andTheScreenPopComesFirst() throws Exception {
    WebDriver page = chromium.driver;
    WebDriverWait wait = chromium.waiting();
    Dimension wide = page.manage().window().getSize();
    chromium.run(
        "agent-desktop-narrow-failure",
        () -> {
          try {
            page.manage().window().setSize(new Dimension(390, 844));
            open(page, wait);
            logIn(page, "1002", "hotline");
            wait.until(attributeToBe(By.id("connection"), "data-status", "open"));
            wait.until(visibilityOfElementLocated(By.id("phone-hint")));
            assertEquals("1002", text(page, "phone-user"));
            JavascriptExecutor js = (JavascriptExecutor) page;
            Object fits =
                js.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth");
            assertEquals(
                Boolean.TRUE,
                fits,
                "width " + js.executeScript("return document.documentElement.scrollWidth"));
            Object popFirst =
                js.executeScript(
                    "return document.querySelector('.main-col').getBoundingClientRect().top"
                        + " < document.querySelector('.side').getBoundingClientRect().top");
            assertEquals(Boolean.TRUE, popFirst, "the screen pop comes before the controls");
            click(page, "sign-out");
            wait.until(visibilityOfElementLocated(By.id("login-view")));
          } finally {
            page.manage().window().setSize(wide);
          }
        });
  }

  /**
   * The page's CTI client (cti.js) against a stand-in WebSocket the test drives: a dropped
   * connection is retried after 0.5-1 s, then 1-2 s, the delay starts over once a connection
   * opened; commands waiting when it drops fail as disconnected; replies and errors reach their
   * command; 4401 ends the session without another attempt.
   */
  @Test
  void theCtiClient_reconnectsWithBackoff_andStopsOn4401() throws Exception {
    WebDriver page = chromium.driver;
    chromium.run(
        "agent-desktop-reconnect-failure",
        () -> {
          open(page, chromium.waiting());
          @SuppressWarnings("unchecked")
          Map<String, Object> seen =
              (Map<String, Object>)
                  ((JavascriptExecutor) page).executeAsyncScript(RECONNECT_SCRIPT);

          assertEquals(
              List.of(
                  "connecting",
                  "open",
                  "reconnecting",
                  "connecting",
                  "reconnecting",
                  "connecting",
                  "open",
                  "reconnecting",
                  "connecting",
                  "closed"),
              seen.get("statuses"),
              seen.toString());
          List<?> delays = (List<?>) seen.get("delays");
          assertBetween(500, 1000, delays.get(0));
          assertBetween(1000, 2000, delays.get(1));
          assertBetween(500, 1000, delays.get(2));
          assertEquals("unknown-command", seen.get("errorCode"), seen.toString());
          assertEquals("w1", seen.get("replyDisposition"), seen.toString());
          assertEquals("disconnected", seen.get("pendingCode"), seen.toString());
          assertEquals("queue-stats", seen.get("event"), seen.toString());
          assertEquals(4401L, seen.get("endedCode"), seen.toString());
          assertEquals(4L, seen.get("sockets"), "no attempt after 4401: " + seen);
        });
  }

  /** Drives cti.js with a stand-in WebSocket; answers what it saw. */
  private static final String RECONNECT_SCRIPT =
      """
      const finish = arguments[arguments.length - 1];
      const sockets = [];
      class StandIn extends EventTarget {
        static OPEN = 1;
        constructor(url) { super(); this.url = url; this.readyState = 0; this.sent = []; sockets.push(this); }
        send(data) { this.sent.push(JSON.parse(data)); }
        close() { this.readyState = 3; }
        open() { this.readyState = 1; this.dispatchEvent(new Event('open')); }
        drop(code) { this.readyState = 3; this.dispatchEvent(new CloseEvent('close', { code })); }
        receive(frame) { this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(frame) })); }
      }
      const until = (check) => new Promise((resolve, reject) => {
        const deadline = Date.now() + 5000;
        const look = () => check() ? resolve() : Date.now() > deadline ? reject(new Error('timed out')) : setTimeout(look, 20);
        look();
      });
      (async () => {
        window.WebSocket = StandIn;
        const { CtiClient } = await import('/agent/cti.js');
        const seen = { statuses: [], delays: [] };
        const client = new CtiClient('ws://desk.test/cti');
        client.addEventListener('status', (e) => {
          seen.statuses.push(e.detail.status);
          if (e.detail.status === 'reconnecting') seen.delays.push(e.detail.delayMs);
        });
        client.addEventListener('message', (e) => { seen.event = e.detail.type; });
        client.addEventListener('session-ended', (e) => { seen.endedCode = e.detail.code; });
        client.start();
        sockets[0].open();
        sockets[0].drop(1006);
        await until(() => sockets.length === 2);
        sockets[1].drop(1006);
        await until(() => sockets.length === 3);
        const third = sockets[2];
        third.open();
        const hold = client.send('hold').catch((e) => { seen.errorCode = e.code; });
        third.receive({ type: 'error', id: third.sent[0].id, code: 'unknown-command', message: 'unknown command' });
        await hold;
        const wrapUp = client.send('wrap-up', { callId: 'c1', disposition: 'w1' });
        third.receive({ type: 'reply', id: third.sent[1].id, ok: true, callId: 'c1', disposition: 'w1' });
        seen.replyDisposition = (await wrapUp).disposition;
        third.receive({ type: 'queue-stats', queue: 'support', waiting: 0 });
        const pending = client.send('hangup').catch((e) => { seen.pendingCode = e.code; });
        third.drop(1006);
        await pending;
        await until(() => sockets.length === 4);
        sockets[3].drop(4401);
        // Longer than the first retry could wait: no fifth socket may come.
        await new Promise((resolve) => setTimeout(resolve, 1200));
        seen.sockets = sockets.length;
        return seen;
      })().then(finish, (e) => finish({ failure: String(e) }));
      """;

  private static void open(WebDriver page, WebDriverWait wait) {
    page.get("http://127.0.0.1:" + server.httpPort + "/agent");
    wait.until(attributeToBe(By.tagName("body"), "data-ready", "true"));
  }

  private static void logIn(WebDriver page, String user, String password) {
    WebElement field = page.findElement(By.id("login-user"));
    field.clear();
    field.sendKeys(user);
    WebElement secret = page.findElement(By.id("login-password"));
    secret.clear();
    secret.sendKeys(password);
    click(page, "login-submit");
  }

  private static void assertBetween(long low, long high, Object value) {
    long v = ((Number) value).longValue();
    assertTrue(v >= low && v <= high, v + " not in " + low + ".." + high);
  }

  private static void click(WebDriver page, String id) {
    page.findElement(By.id(id)).click();
  }

  private static String classOf(WebDriver page, String id) {
    String value = page.findElement(By.id(id)).getDomAttribute("class");
    return value == null ? "" : value;
  }

  private static String text(WebDriver page, String id) {
    return page.findElement(By.id(id)).getText();
  }

  /** A POST to the API as the administrator (HTTP Basic), as an operator's script would make it. */
  private static HttpResponse<String> post(String path, String json) throws Exception {
    return server.send("POST", path, json);
  }
}
