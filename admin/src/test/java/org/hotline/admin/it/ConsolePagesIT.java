package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.hotline.admin.it.browser.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's administrator pages in headless Chromium with the whole server, no call made: the
 * Users table dates each user and the form empties after a create; the audit log tells each change
 * in a sentence, in the language chosen, with the raw request in its tooltip; the agent form's
 * queues are ticked among the configured ones; and the wallboard shows "—", not 100%, for the
 * service level of a queue that answered no call.
 */
class ConsolePagesIT {
  private static Chromium chromium;
  private static RunningServer server;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.start();
    server = new RunningServer(Map.of("hotline.demo.agents", "1"));
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
  void theUsersTable_datesEachUser_andTheFormEmptiesAfterACreate() throws Exception {
    WebDriver page = chromium.driver;
    WebDriverWait wait = chromium.waiting();
    chromium.run(
        "console-users-failure",
        () -> {
          signInAsAdmin(page, wait, "users");
          wait.until(
              visibilityOfElementLocated(By.cssSelector("#users-table tr[data-user=admin]")));
          page.findElement(By.id("user-name")).sendKeys("mei");
          new Select(page.findElement(By.id("user-role"))).selectByValue("admin");
          page.findElement(By.id("user-password")).sendKeys("administrator-pw-1");
          page.findElement(By.id("user-create")).click();
          wait.until(attributeToBe(By.id("user-form-result"), "data-result", "ok"));
          assertEquals("User mei created.", page.findElement(By.id("user-form-result")).getText());
          wait.until(visibilityOfElementLocated(By.cssSelector("#users-table tr[data-user=mei]")));

          assertEquals("", value(page, "user-name"), "the form is empty for the next user");
          assertEquals("", value(page, "user-password"));
          assertEquals("supervisor", value(page, "user-role"));
          String created = textAt(page, "#users-table tr[data-user=mei] td[data-col=created]");
          assertTrue(
              created.matches("\\d{1,2}/\\d{1,2}/\\d{2}, \\d{2}:\\d{2}"),
              "the date and time, as the page writes one: " + created);
          List<String> titles = headers(page, "#users-table");
          assertTrue(titles.contains("Created"), titles.toString());
          assertTrue(
              titles.stream().noneMatch(t -> t.contains("{") || t.contains("created.")),
              titles.toString());
        });
  }

  @Test
  void theAuditLog_tellsEachChangeInASentence_inTheLanguageChosen_withTheRawRequestInItsTooltip()
      throws Exception {
    WebDriver page = chromium.driver;
    WebDriverWait wait = chromium.waiting();
    chromium.run(
        "console-audit-failure",
        () -> {
          signInAsAdmin(page, wait, "users");
          page.findElement(By.id("user-name")).sendKeys("alice");
          page.findElement(By.id("user-password")).sendKeys("supervisor-pw-3");
          page.findElement(By.id("user-create")).click();
          wait.until(attributeToBe(By.id("user-form-result"), "data-result", "ok"));
          assertEquals(
              200,
              server
                  .send(
                      "PUT",
                      "/api/queues/sales/settings",
                      "{\"serviceLevelSeconds\": 15, \"overflow\": \"support\"}")
                  .statusCode());
          awaitAudit("/api/users/alice", "/api/queues/sales/settings");

          page.findElement(By.cssSelector("#nav a[data-page=audit]")).click();
          String userRow =
              "//table[@id='audit-table']//td[@data-col='what']/span[contains(@data-raw, 'POST /api/users')]";
          wait.until(visibilityOfElementLocated(By.xpath(userRow)));
          WebElement created = page.findElement(By.xpath(userRow));
          assertEquals("admin (administrator) created user alice", created.getText());
          assertTrue(
              created
                  .getDomAttribute("title")
                  .startsWith("POST /api/users; /api/users -> /api/users/alice; 201; fields name"),
              created.getDomAttribute("title"));
          String queueRow =
              "//table[@id='audit-table']//td[@data-col='what']/span[contains(@data-raw, '/api/queues/sales/settings')]";
          wait.until(d -> !d.findElements(By.xpath(queueRow)).isEmpty());
          assertEquals(
              "admin (administrator) changed the settings of queue sales: service-level threshold, overflow queue",
              page.findElement(By.xpath(queueRow)).getText());
          assertTrue(
              page.findElements(
                      By.xpath("//table[@id='audit-table']//td[contains(., 'POST /api')]"))
                  .isEmpty(),
              "no raw request shown as the row's text");

          new Select(page.findElement(By.id("lang"))).selectByValue("zh");
          wait.until(attributeToBe(By.tagName("html"), "lang", "zh-CN"));
          assertEquals("admin（管理员） 创建了用户 alice", page.findElement(By.xpath(userRow)).getText());
          assertEquals(
              "admin（管理员） 修改了队列 sales 的设置：服务水平阈值、溢出队列",
              page.findElement(By.xpath(queueRow)).getText());
          new Select(page.findElement(By.id("lang"))).selectByValue("en");
          wait.until(attributeToBe(By.tagName("html"), "lang", "en"));
        });
  }

  @Test
  void theAgentForm_ticksQueuesAmongTheConfiguredOnes_eachWithItsLevel() throws Exception {
    WebDriver page = chromium.driver;
    WebDriverWait wait = chromium.waiting();
    chromium.run(
        "console-agent-queues-failure",
        () -> {
          signInAsAdmin(page, wait, "agents");
          wait.until(
              visibilityOfElementLocated(
                  By.cssSelector("#agent-queues .queue-row[data-queue=vip]")));
          List<String> offered =
              page.findElements(By.cssSelector("#agent-queues .queue-pick")).stream()
                  .map(e -> e.getDomAttribute("value"))
                  .toList();
          List<String> configured = new java.util.ArrayList<>();
          CtiClient.JSON
              .readTree(server.get("/api/queues"))
              .forEach(q -> configured.add(q.get("queue").asText()));
          assertEquals(
              configured.stream().sorted().toList(), offered, "the configured queues, to tick");
          assertTrue(
              page.findElements(
                      By.cssSelector("#agent-queues input:not([type=checkbox]):not([type=number])"))
                  .isEmpty(),
              "no queue name typed");

          page.findElement(By.id("agent-id")).sendKeys("2001");
          page.findElement(By.cssSelector(".queue-row[data-queue=sales] .queue-pick")).click();
          page.findElement(By.cssSelector(".queue-row[data-queue=vip] .queue-pick")).click();
          WebElement vipLevel =
              page.findElement(By.cssSelector(".queue-row[data-queue=vip] .queue-level"));
          vipLevel.clear();
          vipLevel.sendKeys("3");
          assertFalse(
              page.findElement(By.cssSelector(".queue-row[data-queue=support] .queue-level"))
                  .isEnabled(),
              "a level only for a ticked queue");
          page.findElement(By.id("agent-save")).click();
          wait.until(attributeToBe(By.id("agent-form-result"), "data-result", "ok"));
          JsonNode agent = null;
          for (JsonNode a : CtiClient.JSON.readTree(server.get("/api/agents"))) {
            if (a.get("id").asText().equals("2001")) {
              agent = a;
            }
          }
          assertNotEquals(null, agent, "agent 2001 created");
          List<String> queues = new java.util.ArrayList<>();
          agent.get("queues").forEach(q -> queues.add(q.asText()));
          assertEquals(
              List.of("sales", "vip"), queues.stream().sorted().toList(), agent.toString());
          assertEquals(3, agent.get("levels").get("vip").asInt(), agent.toString());

          // Editing it ticks its queues, with their levels.
          wait.until(
              visibilityOfElementLocated(By.cssSelector("#agents-table tr[data-agent='2001']")));
          page.findElement(
                  By.cssSelector("#agents-table tr[data-agent='2001'] button[data-action=edit]"))
              .click();
          List<String> ticked =
              page.findElements(By.cssSelector("#agent-queues .queue-pick:checked")).stream()
                  .map(e -> e.getDomAttribute("value"))
                  .toList();
          assertEquals(List.of("sales", "vip"), ticked);
          assertEquals(
              "3",
              page.findElement(By.cssSelector(".queue-row[data-queue=vip] .queue-level"))
                  .getDomProperty("value"));
        });
  }

  @Test
  void theWallboard_showsADash_forTheServiceLevelOfAQueueThatAnsweredNoCall() throws Exception {
    WebDriver page = chromium.driver;
    WebDriverWait wait = chromium.waiting();
    chromium.run(
        "wallboard-service-level-failure",
        () -> {
          signInAsAdmin(page, wait, "reports");
          page.get(base() + "/wallboard");
          wait.until(attributeToBe(By.id("connection"), "data-status", "open"));
          String figure = ".tile[data-queue=support] .figure-serviceLevel";
          wait.until(visibilityOfElementLocated(By.cssSelector(figure)));
          assertEquals("—", textAt(page, figure + " .value"));
          assertNotEquals(
              "yes",
              page.findElement(By.cssSelector(figure)).getDomAttribute("data-alert"),
              "no alarm without calls");
          assertEquals(
              "Answered within 20 s, of the calls answered today",
              page.findElement(By.cssSelector(figure)).getDomAttribute("title"));
        });
  }

  /** Waits until the audit log, written off the request's thread, holds each of {@code objects}. */
  private static void awaitAudit(String... objects) throws Exception {
    long deadline = System.nanoTime() + Chromium.WAIT.toNanos();
    while (!java.util.Arrays.stream(objects).allMatch(containedIn(server.get("/api/audit")))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "not in the audit log: " + List.of(objects) + " in " + server.get("/api/audit"));
      }
      Thread.sleep(50);
    }
  }

  private static java.util.function.Predicate<String> containedIn(String text) {
    return text::contains;
  }

  /** Opens the console signed out, signs in as the administrator and opens {@code pageName}. */
  private static void signInAsAdmin(WebDriver page, WebDriverWait wait, String pageName) {
    page.manage().deleteAllCookies();
    page.get(base() + "/#" + pageName);
    wait.until(attributeToBe(By.tagName("body"), "data-ready", "true"));
    js(page, "sessionStorage.clear(); localStorage.clear();");
    page.navigate().refresh();
    wait.until(attributeToBe(By.tagName("body"), "data-ready", "true"));
    page.findElement(By.id("login-user")).sendKeys("admin");
    page.findElement(By.id("login-password"))
        .sendKeys(server.server.config().security().adminPassword());
    page.findElement(By.id("login-submit")).click();
    wait.until(visibilityOfElementLocated(By.id("sign-out")));
    wait.until(visibilityOfElementLocated(By.id("page-" + pageName)));
  }

  private static List<String> headers(WebDriver page, String table) {
    return page.findElements(By.cssSelector(table + " th")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static String textAt(WebDriver page, String css) {
    return (String)
        js(
            page,
            "const e = document.querySelector(arguments[0]); return e === null ? null : e.textContent.trim();",
            css);
  }

  private static String value(WebDriver page, String id) {
    return page.findElement(By.id(id)).getDomProperty("value");
  }

  private static Object js(WebDriver page, String script, Object... args) {
    return ((JavascriptExecutor) page).executeScript(script, args);
  }

  private static String base() {
    return "http://127.0.0.1:" + server.httpPort;
  }
}
