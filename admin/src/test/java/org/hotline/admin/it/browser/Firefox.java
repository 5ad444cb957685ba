package org.hotline.admin.it.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hotline.admin.it.ExternalTool;
import org.hotline.admin.it.FreePorts;

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi on loopback, for the tests of the
 * pages Hotline serves: Firefox speaks the protocol itself, so no driver program sits between.
 * Missing firefox-esr fails the test in CI ({@code CI=true}) and skips it elsewhere (see {@link
 * ExternalTool}).
 *
 * <p>Each browser gets a fresh profile under {@code target/} whose prefs keep it off the network
 * and in English; what Firefox prints goes to {@code target/firefox-<port>.log}. Pages run
 * JavaScript given as a function body, as with Selenium's {@code executeScript}: its {@code return}
 * value (awaited if a promise) comes back as JSON. Clicks and typing are real input: pointer and
 * key actions at the element.
 */
public final class Firefox implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path TARGET = Path.of("target");
  private static final Pattern LISTENING =
      Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");

  /** The longest any one wait of a test lasts, a command's reply included. */
  public static final Duration WAIT = Duration.ofSeconds(20);

  private static final Duration POLL = Duration.ofMillis(50);

  /** The prefs of the fresh profile: English, no first-run pages, nothing fetched from outside. */
  private static final Map<String, Object> PREFS =
      Map.ofEntries(
          Map.entry("intl.accept_languages", "en-US,en"),
          Map.entry("intl.locale.requested", "en-US"),
          Map.entry("browser.shell.checkDefaultBrowser", false),
          Map.entry("browser.startup.homepage_override.mstone", "ignore"),
          Map.entry("browser.startup.page", 0),
          Map.entry("browser.aboutwelcome.enabled", false),
          Map.entry("datareporting.policy.dataSubmissionEnabled", false),
          Map.entry("datareporting.healthreport.uploadEnabled", false),
          Map.entry("toolkit.telemetry.enabled", false),
          Map.entry("toolkit.telemetry.unified", false),
          Map.entry("toolkit.telemetry.server", ""),
          Map.entry("app.update.auto", false),
          Map.entry("app.update.enabled", false),
          Map.entry("app.normandy.enabled", false),
          Map.entry("app.shield.optoutstudies.enabled", false),
          Map.entry("services.settings.server", "data:,"),
          Map.entry("extensions.update.enabled", false),
          Map.entry("extensions.getAddons.cache.enabled", false),
          Map.entry("browser.safebrowsing.malware.enabled", false),
          Map.entry("browser.safebrowsing.phishing.enabled", false),
          Map.entry("browser.safebrowsing.downloads.enabled", false),
          Map.entry("browser.newtabpage.enabled", false),
          Map.entry("browser.search.update", false),
          Map.entry("network.captive-portal-service.enabled", false),
          Map.entry("network.connectivity-service.enabled", false),
          Map.entry("network.dns.disablePrefetch", true),
          Map.entry("network.prefetch-next", false),
          Map.entry("media.gmp-manager.url", "data:,"));

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final String context;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> errors = new ArrayList<>();

  private Firefox(Process process, Path profile, URI endpoint) throws Exception {
    this.process = process;
    this.profile = profile;
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(WAIT)
            .buildAsync(endpoint, new Listener())
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    command("session.new", Map.of("capabilities", Map.of()));
    this.context =
        command("browsingContext.getTree", Map.of("maxDepth", 0))
            .get("contexts")
            .get(0)
            .get("context")
            .asText();
    command("session.subscribe", Map.of("events", List.of("log.entryAdded")));
    command(
        "browsingContext.setViewport",
        Map.of("context", context, "viewport", Map.of("width", 1280, "height", 1000)));
  }

  /** Starts a headless Firefox ESR in English with a fresh profile and a 1280x1000 viewport. */
  public static Firefox start() throws Exception {
    Path binary = ExternalTool.require("firefox-esr", "firefox-esr");
    Files.createDirectories(TARGET);
    int port = FreePorts.udpAndTcp();
    Path profile = Files.createTempDirectory(TARGET.toAbsolutePath(), "firefox-profile-");
    StringBuilder userJs = new StringBuilder();
    for (Map.Entry<String, Object> pref : new TreeMap<>(PREFS).entrySet()) {
      userJs
          .append("user_pref(")
          .append(JSON.writeValueAsString(pref.getKey()))
          .append(", ")
          .append(JSON.writeValueAsString(pref.getValue()))
          .append(");\n");
    }
    Files.writeString(profile.resolve("user.js"), userJs);
    ProcessBuilder builder =
        new ProcessBuilder(
                binary.toString(),
                "--headless",
                "--no-remote",
                "--profile",
                profile.toString(),
                "--remote-debugging-port=" + port)
            .redirectErrorStream(true);
    builder.environment().put("MOZ_CRASHREPORTER_DISABLE", "1");
    Process process = builder.start();
    try {
      URI endpoint =
          URI.create(
              awaitListening(process, TARGET.resolve("firefox-" + port + ".log")) + "/session");
      return new Firefox(process, profile, endpoint);
    } catch (Exception | Error e) {
      stop(process);
      throw e;
    }
  }

  /**
   * Copies Firefox's output to {@code log} and answers the address it listens on, once it says so.
   */
  private static String awaitListening(Process process, Path log) throws Exception {
    CompletableFuture<String> address = new CompletableFuture<>();
    Thread copier =
        new Thread(
            () -> {
              try (BufferedReader out =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (String line; (line = out.readLine()) != null; ) {
                  file.write(line + "\n");
                  file.flush();
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    address.complete(m.group(1));
                  }
                }
              } catch (IOException e) {
                address.completeExceptionally(e);
              }
              address.completeExceptionally(
                  new IllegalStateException("firefox-esr ended without listening; see " + log));
            },
            "firefox-output");
    copier.setDaemon(true);
    copier.start();
    try {
      return address.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "firefox-esr did not say WebDriver BiDi was listening within " + WAIT + "; see " + log);
    }
  }

  /**
   * Sends one BiDi command and answers its result; an error reply, or none within {@link #WAIT}, is
   * an exception that names the command.
   */
  public JsonNode command(String method, Object params) throws Exception {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    try {
      synchronized (socket) {
        socket
            .sendText(JSON.writeValueAsString(message), true)
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      }
      JsonNode answer = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      if ("error".equals(answer.path("type").asText())) {
        throw new BidiException(
            method
                + " failed: "
                + answer.path("error").asText()
                + ": "
                + answer.path("message").asText());
      }
      return answer.get("result");
    } catch (TimeoutException e) {
      throw new BidiException(method + " got no reply within " + WAIT);
    } catch (ExecutionException e) {
      throw new BidiException(method + " failed: " + e.getCause());
    } finally {
      pending.remove(id);
    }
  }

  /** Opens {@code url} in the tab and waits until the page has loaded. */
  public void navigate(String url) throws Exception {
    command("browsingContext.navigate", Map.of("context", context, "url", url, "wait", "complete"));
  }

  /** Forgets every cookie, so the next page starts signed out. */
  public void deleteCookies() throws Exception {
    command("storage.deleteCookies", Map.of());
  }

  /**
   * Runs {@code body} as the body of an async function in the page and answers its {@code return}
   * value as JSON (null for none). A thrown error is an exception with the page's message.
   */
  public JsonNode js(String body) throws Exception {
    String function =
        "async function() { const value = await (async () => {\n"
            + body
            + "\n})();"
            + " return JSON.stringify(value === undefined ? null : value); }";
    JsonNode result =
        command(
            "script.callFunction",
            Map.of(
                "functionDeclaration",
                function,
                "target",
                Map.of("context", context),
                "awaitPromise",
                true,
                "resultOwnership",
                "none"));
    if ("exception".equals(result.path("type").asText())) {
      throw new BidiException(
          "the page's script threw: "
              + result.path("exceptionDetails").path("text").asText()
              + "\n"
              + body);
    }
    return JSON.readTree(result.path("result").path("value").asText());
  }

  /** {@link #js} of a script that answers a string. */
  public String text(String body) throws Exception {
    return js(body).asText();
  }

  /**
   * Waits until {@code predicate}, a function body like {@link #js}'s, returns true: it is asked
   * every 50 ms for at most {@link #WAIT}, and the failure says what was awaited.
   */
  public void await(String what, String predicate) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonNode last = null;
    while (true) {
      try {
        last = js(predicate);
        if (last.asBoolean(false)) {
          return;
        }
      } catch (BidiException e) {
        last = JSON.getNodeFactory().textNode(e.getMessage());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "waited " + WAIT.toSeconds() + " s for " + what + "; last answer: " + last);
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** Waits until the element at {@code css} has {@code attribute} equal to {@code value}. */
  public void awaitAttribute(String css, String attribute, String value) throws Exception {
    await(
        css + " [" + attribute + "=" + value + "]",
        "const e = document.querySelector("
            + quote(css)
            + ");"
            + " return e !== null && e.getAttribute("
            + quote(attribute)
            + ") === "
            + quote(value)
            + ";");
  }

  /** Waits until the element at {@code css} is there and drawn. */
  public void awaitVisible(String css) throws Exception {
    await(
        css + " visible",
        "const e = document.querySelector("
            + quote(css)
            + ");"
            + " return e !== null && e.checkVisibility();");
  }

  /** Clicks the middle of the element at {@code css} with the mouse, scrolled into view first. */
  public void click(String css) throws Exception {
    clickAt(css, 0, 0);
  }

  /**
   * Clicks the element at {@code css}, {@code x} and {@code y} pixels right of and below its
   * middle.
   */
  public void clickAt(String css, int x, int y) throws Exception {
    JsonNode element = element(css);
    perform(
        List.of(
            Map.of(
                "type",
                "pointer",
                "id",
                "mouse",
                "parameters",
                Map.of("pointerType", "mouse"),
                "actions",
                List.of(
                    Map.of(
                        "type",
                        "pointerMove",
                        "x",
                        x,
                        "y",
                        y,
                        "origin",
                        Map.of("type", "element", "element", element)),
                    Map.of("type", "pointerDown", "button", 0),
                    Map.of("type", "pointerUp", "button", 0)))));
  }

  /**
   * Clicks into the field at {@code css}, selects what it holds, and types {@code text} over it.
   */
  public void type(String css, String text) throws Exception {
    click(css);
    List<Map<String, Object>> keys = new ArrayList<>();
    keys.add(key("keyDown", "\uE009"));
    keys.add(key("keyDown", "a"));
    keys.add(key("keyUp", "a"));
    keys.add(key("keyUp", "\uE009"));
    keys.add(key("keyDown", "\uE003"));
    keys.add(key("keyUp", "\uE003"));
    text.codePoints()
        .mapToObj(Character::toString)
        .forEach(
            c -> {
              keys.add(key("keyDown", c));
              keys.add(key("keyUp", c));
            });
    perform(List.of(Map.of("type", "key", "id", "keyboard", "actions", keys)));
  }

  /**
   * Chooses the option with {@code value} in the list at {@code css}, as picking it from the
   * drop-down does: the option is selected and the list fires input and change. Headless Firefox
   * draws a list's drop-down outside the page, where no input action reaches.
   */
  public void choose(String css, String value) throws Exception {
    js(
        "const list = document.querySelector("
            + quote(css)
            + ");"
            + " if (![...list.options].some((o) => o.value === "
            + quote(value)
            + "))"
            + "   throw new Error('no option ' + "
            + quote(value)
            + " + ' in ' + "
            + quote(css)
            + ");"
            + " list.focus(); list.value = "
            + quote(value)
            + ";"
            + " list.dispatchEvent(new Event('input', { bubbles: true }));"
            + " list.dispatchEvent(new Event('change', { bubbles: true }));");
  }

  /** The element at {@code css}, scrolled to the middle of the view, as BiDi names it. */
  private JsonNode element(String css) throws Exception {
    JsonNode result =
        command(
            "script.callFunction",
            Map.of(
                "functionDeclaration",
                "function(css) { const e = document.querySelector(css);"
                    + " if (e) e.scrollIntoView({ block: 'center', inline: 'center' }); return e; }",
                "arguments",
                List.of(Map.of("type", "string", "value", css)),
                "target",
                Map.of("context", context),
                "awaitPromise",
                false));
    JsonNode node = result.path("result");
    if (!"node".equals(node.path("type").asText())) {
      throw new BidiException("no element at " + css + ": " + result);
    }
    return JSON.createObjectNode().put("sharedId", node.get("sharedId").asText());
  }

  private void perform(List<?> actions) throws Exception {
    command("input.performActions", Map.of("context", context, "actions", actions));
    command("input.releaseActions", Map.of("context", context));
  }

  private static Map<String, Object> key(String type, String value) {
    return Map.of("type", type, "value", value);
  }

  /** {@code s} as a JavaScript string literal. */
  public static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The errors the page reported since the last call: script errors and refused content
   * (Content-Security-Policy), as Firefox's log gives them. Unlike Chromium, Firefox does not log a
   * request that failed (a 401 login, a 404) there, so there is nothing to leave out.
   */
  public List<String> pageErrors() {
    synchronized (errors) {
      List<String> seen = List.copyOf(errors);
      errors.clear();
      return seen;
    }
  }

  /**
   * Runs {@code steps}; when they fail, saves what the browser showed to {@code target/<name>.png}
   * and {@code target/<name>.html} before the failure goes on.
   */
  public void run(String name, Steps steps) throws Exception {
    try {
      steps.run();
    } catch (Exception | AssertionError e) {
      saveEvidence(name, e);
      throw e;
    }
  }

  /** Test steps that may throw. */
  @FunctionalInterface
  public interface Steps {
    void run() throws Exception;
  }

  private void saveEvidence(String name, Throwable failure) {
    try {
      Path png = TARGET.resolve(name + ".png");
      String data =
          command("browsingContext.captureScreenshot", Map.of("context", context))
              .get("data")
              .asText();
      Files.write(png, Base64.getDecoder().decode(data));
      Files.writeString(
          TARGET.resolve(name + ".html"),
          text("return document.documentElement.outerHTML;"),
          StandardCharsets.UTF_8);
      System.err.println(
          "the browser's screen and page at the failure: " + png.toAbsolutePath() + " (and .html)");
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
  }

  /** Ends the session, then Firefox and every process it started; its log stays in target/. */
  @Override
  public void close() {
    try {
      command("session.end", Map.of());
    } catch (Exception e) {
      // the process is ended below either way
    }
    socket.abort();
    stop(process);
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a profile left behind goes with the next clean
    }
  }

  private static void stop(Process process) {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  private void received(String text) {
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (IOException e) {
      return;
    }
    if (message.has("id") && !message.get("id").isNull()) {
      CompletableFuture<JsonNode> reply = pending.get(message.get("id").asLong());
      if (reply != null) {
        reply.complete(message);
      }
    } else if ("log.entryAdded".equals(message.path("method").asText())) {
      JsonNode entry = message.get("params");
      if ("error".equals(entry.path("level").asText())) {
        synchronized (errors) {
          errors.add(entry.path("type").asText() + ": " + entry.path("text").asText());
        }
      }
    }
  }

  /** Gathers the socket's text frames into messages. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder frames = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      frames.append(data);
      if (last) {
        String text = frames.toString();
        frames.setLength(0);
        received(text);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      pending
          .values()
          .forEach(
              f ->
                  f.completeExceptionally(
                      new IllegalStateException("Firefox closed the connection: " + statusCode)));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      pending.values().forEach(f -> f.completeExceptionally(error));
    }
  }

  /** A BiDi command that failed or got no reply, or a page script that threw. */
  public static final class BidiException extends Exception {
    public BidiException(String message) {
      super(message);
    }
  }
}
