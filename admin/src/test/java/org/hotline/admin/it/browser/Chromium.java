package org.hotline.admin.it.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hotline.admin.it.ExternalTool;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Debian's Chromium, headless, driven by its chromedriver on loopback, for the tests of the pages
 * Hotline serves. Missing Chromium or chromedriver fails the test in CI ({@code CI=true}) and skips
 * it elsewhere (see {@link ExternalTool}).
 *
 * <p>Selenium logs through java.util.logging: it goes to SLF4J like the server's lines, at warnings
 * only; chromedriver writes its own log to {@code target/chromedriver.log}.
 */
public final class Chromium implements AutoCloseable {
  /** Held so the level set on it stays: java.util.logging keeps loggers only weakly. */
  private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

  /** Its note that it has no DevTools bindings for this Chromium: the tests use none. */
  private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

  private static final Path TARGET = Path.of("target");

  /** The longest any one wait of a test lasts. */
  public static final Duration WAIT = Duration.ofSeconds(20);

  public final ChromeDriver driver;

  private Chromium(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Starts a headless Chromium in English, 1280x1000, with a fresh profile. */
  public static Chromium start() throws IOException {
    Path chromium = ExternalTool.require("chromium", "chromium");
    Path chromedriver = ExternalTool.require("chromedriver", "chromium-driver");
    routeSeleniumLogging();
    Files.createDirectories(TARGET);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .withLogFile(TARGET.resolve("chromedriver.log").toFile())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        // Tests run as root in CI, where Chromium's sandbox cannot start.
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-extensions",
        "--no-first-run",
        "--lang=en-US",
        "--window-size=1280,1000");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriver driver = new ChromeDriver(service, options);
    driver
        .manage()
        .timeouts()
        .pageLoadTimeout(WAIT)
        .scriptTimeout(WAIT)
        .implicitlyWait(Duration.ZERO);
    return new Chromium(driver);
  }

  /** A wait of at most {@link #WAIT} that looks every 50 ms. */
  public WebDriverWait waiting() {
    return new WebDriverWait(driver, WAIT, Duration.ofMillis(50));
  }

  /**
   * The errors the page's console got since the last call: script errors and refused content
   * (Content-Security-Policy), not the failed requests a test provokes on purpose (a 401 login, a
   * 404), which Chromium logs too.
   */
  public List<String> pageErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(m -> !m.contains("Failed to load resource"))
        .toList();
  }

  /**
   * Runs {@code steps}; when they fail, saves what the browser showed to {@code target/<name>.png}
   * and {@code target/<name>.html} before the failure goes on.
   */
  public void run(String name, Steps steps) throws Exception {
    try {
      steps.run();
    } catch (Exception | AssertionError e) {
      saveEvidence(driver, name, e);
      throw e;
    }
  }

  /** Test steps that may throw. */
  @FunctionalInterface
  public interface Steps {
    void run() throws Exception;
  }

  private static void saveEvidence(WebDriver driver, String name, Throwable failure) {
    try {
      Path png = TARGET.resolve(name + ".png");
      Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      Files.writeString(
          TARGET.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
      System.err.println(
          "the browser's screen and page at the failure: " + png.toAbsolutePath() + " (and .html)");
    } catch (RuntimeException | IOException e) {
      failure.addSuppressed(e);
    }
  }

  private static synchronized void routeSeleniumLogging() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
    SELENIUM_LOG.setLevel(Level.WARNING);
    DEVTOOLS_LOG.setLevel(Level.SEVERE);
  }

  /** Quits the browser and its driver. */
  @Override
  public void close() {
    driver.quit();
  }
}
