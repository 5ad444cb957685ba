package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.hotline.admin.it.browser.Chromium;
import org.hotline.admin.it.browser.ConsoleScripts;
import org.hotline.admin.it.browser.PageTexts;
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
 * Every text on every page follows a language switch, both ways: the console's login form and each
 * of its pages with what they wrote after an action (the report's range line, a drill-down, a saved
 * agent and queue, a new user, the audit log), the wallboard, and the agent desktop signed in. On
 * each, switched to Chinese no English text of the dictionaries is left on the screen, and switched
 * back to English no Chinese one; data (names, numbers) is not looked at.
 */
class ConsoleLanguageIT {
  private static final Map<String, List<String>> CONSOLE_TEXTS =
      PageTexts.of("console/texts.js", "shared/login-texts.js");
  private static final Map<String, List<String>> DESK_TEXTS =
      PageTexts.of("agent/i18n.js", "shared/login-texts.js");

  private static Chromium chromium;
  private static RunningServer server;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.start();
    server =
        new RunningServer(Map.of("hotline.demo.agents", "1", "hotline.acd.ring-timeout", "15"));
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
  void everyTextOfEveryPage_followsALanguageSwitch_toChineseAndBack() throws Exception {
    WebDriver page = chromium.driver;
    WebDriverWait wait = chromium.waiting();
    // One answered call: the report charts it and its drill-down lists it.
    int phonePort = FreePorts.udpAndTcp();
    Sipp phone =
        Sipp.phone("uas-agent-answer.xml", phonePort, "-m", "1", "-timeout", "60s").start();
    Agents.register(server, 1, phonePort, "hotline");
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
                "1000",
                "-timeout",
                "60s")
            .start();
    assertEquals(0, caller.await(60), caller.output());
    JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
    assertEquals("answered", cdr.get("outcome").asText(), cdr.toString());
    assertEquals(0, phone.await(60), phone.output());

    chromium.run(
        "console-language-failure",
        () -> {
          page.get(base() + "/");
          wait.until(attributeToBe(By.tagName("body"), "data-ready", "true"));
          assertFollows(page, wait, CONSOLE_TEXTS, "the console's login");
          logIn(page, "admin", server.server.config().security().adminPassword());
          wait.until(visibilityOfElementLocated(By.id("sign-out")));

          // Reports: the range line, and the drill-down of the call's bar.
          wait.until(attributeToBe(By.id("report-status"), "data-result", "ok"));
          @SuppressWarnings("unchecked")
          Map<String, Object> bar =
              (Map<String, Object>)
                  ((Map<String, Object>) js(page, ConsoleScripts.CHART_SERIES)).get("bar");
          new Actions(page)
              .moveToElement(
                  page.findElement(By.id("volume-chart")),
                  (int) Math.round(((Number) bar.get("x")).doubleValue()),
                  (int) Math.round(((Number) bar.get("y")).doubleValue()))
              .click()
              .perform();
          wait.until(attributeToBe(By.id("drill"), "data-total", "1"));
          assertFollows(page, wait, CONSOLE_TEXTS, "Reports");

          // Agents: the form edits agent 1001 and says it saved it.
          open(page, wait, "agents", "#agents-table tr[data-agent='1001']");
          page.findElement(
                  By.cssSelector("#agents-table tr[data-agent='1001'] button[data-action=edit]"))
              .click();
          page.findElement(By.id("agent-save")).click();
          wait.until(attributeToBe(By.id("agent-form-result"), "data-result", "ok"));
          assertFollows(page, wait, CONSOLE_TEXTS, "Agents");

          // Queues: one saved.
          open(page, wait, "queues", "form[data-queue=support]");
          page.findElement(By.cssSelector("form[data-queue=support] button[type=submit]")).click();
          wait.until(
              attributeToBe(
                  By.cssSelector("form[data-queue=support] .result"), "data-result", "ok"));
          assertFollows(page, wait, CONSOLE_TEXTS, "Queues");

          // Users: one created.
          open(page, wait, "users", "#users-table tr[data-user=admin]");
          page.findElement(By.id("user-name")).sendKeys("wen");
          page.findElement(By.id("user-password")).sendKeys("supervisor-pw-2");
          page.findElement(By.id("user-create")).click();
          wait.until(attributeToBe(By.id("user-form-result"), "data-result", "ok"));
          wait.until(visibilityOfElementLocated(By.cssSelector("#users-table tr[data-user=wen]")));
          assertFollows(page, wait, CONSOLE_TEXTS, "Users");

          open(page, wait, "security", "#bans-none");
          assertFollows(page, wait, CONSOLE_TEXTS, "Security");

          open(page, wait, "audit", "#audit-table tr[data-audit]");
          assertFollows(page, wait, CONSOLE_TEXTS, "Audit");
          assertEquals(
              List.of(),
              chromium.pageErrors(),
              "no script errors, nothing the page's policy refused");
        });

    chromium.run(
        "wallboard-language-failure",
        () -> {
          page.get(base() + "/wallboard");
          wait.until(attributeToBe(By.id("connection"), "data-status", "open"));
          wait.until(visibilityOfElementLocated(By.cssSelector(".tile[data-queue=support]")));
          assertFollows(page, wait, CONSOLE_TEXTS, "the wallboard");
        });

    chromium.run(
        "desk-language-failure",
        () -> {
          page.get(base() + "/agent");
          wait.until(attributeToBe(By.tagName("body"), "data-ready", "true"));
          assertFollows(page, wait, DESK_TEXTS, "the agent desktop's login");
          logIn(page, "1001", "hotline");
          wait.until(visibilityOfElementLocated(By.id("desk-view")));
          wait.until(attributeToBe(By.id("connection"), "data-status", "open"));
          assertFollows(page, wait, DESK_TEXTS, "the agent desktop");
          assertEquals(
              List.of(),
              chromium.pageErrors(),
              "no script errors, nothing the page's policy refused");
        });
  }

  /**
   * Switches the page to Chinese and finds no English text of {@code texts} on the screen, then
   * back to English and finds no Chinese one.
   */
  private static void assertFollows(
      WebDriver page, WebDriverWait wait, Map<String, List<String>> texts, String where) {
    switchTo(page, wait, "zh", "zh-CN");
    assertEquals(
        List.of(),
        js(page, PageTexts.LEFTOVERS, texts.get("en"), texts.get("zh")),
        where + ", switched to Chinese");
    switchTo(page, wait, "en", "en");
    assertEquals(
        List.of(),
        js(page, PageTexts.LEFTOVERS, texts.get("zh"), texts.get("en")),
        where + ", switched back to English");
  }

  private static void switchTo(WebDriver page, WebDriverWait wait, String language, String tag) {
    new Select(page.findElement(By.id("lang"))).selectByValue(language);
    wait.until(attributeToBe(By.tagName("html"), "lang", tag));
  }

  /** Opens a console page from the nav and waits for what it shows at {@code css}. */
  private static void open(WebDriver page, WebDriverWait wait, String name, String css) {
    page.findElement(By.cssSelector("#nav a[data-page=" + name + "]")).click();
    wait.until(visibilityOfElementLocated(By.cssSelector(css)));
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

  private static Object js(WebDriver page, String script, Object... args) {
    return ((JavascriptExecutor) page).executeScript(script, args);
  }

  private static String base() {
    return "http://127.0.0.1:" + server.httpPort;
  }
}
