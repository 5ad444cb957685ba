package org.hotline.admin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StaticRouteTest {
  TestServer http;

  @BeforeEach
  void start() {
    ClassLoader loader = getClass().getClassLoader();
    http =
        new TestServer(
            router -> {
              new StaticRoute("/agent", "org/hotline/admin/http/static-test", loader).addTo(router);
              new StaticRoute("/desk", "org/hotline/admin/web/agent", loader).addTo(router);
              new StaticRoute("/shared", "org/hotline/admin/web/shared", loader).addTo(router);
            });
  }

  @AfterEach
  void stop() {
    http.close();
  }

  @Test
  void get_servesEachTypeWithItsContentTypeAndCharset() throws Exception {
    assertType("/agent/app.js", "text/javascript; charset=utf-8");
    assertType("/agent/style.css", "text/css; charset=utf-8");
    assertType("/agent/icon.svg", "image/svg+xml; charset=utf-8");
    assertType("/agent/index.html", "text/html; charset=utf-8");
    HttpResponse<String> deep = http.get("/agent/sub/deep.js");
    assertEquals(200, deep.statusCode());
    assertEquals("export const deep = \"深\";\n", deep.body());
  }

  @Test
  void theFolderItself_answersItsIndex() throws Exception {
    for (String path : new String[] {"/agent", "/agent/"}) {
      HttpResponse<String> r = http.get(path);
      assertEquals(200, r.statusCode(), path);
      assertEquals(
          "text/html; charset=utf-8", r.headers().firstValue("content-type").orElseThrow());
      assertTrue(r.body().contains("<title>test</title>"), r.body());
    }
  }

  @Test
  void everyAnswer_carriesTheSecurityHeaders() throws Exception {
    for (String path : new String[] {"/agent", "/agent/missing.js"}) {
      HttpResponse<String> r = http.get(path);
      String policy = r.headers().firstValue("content-security-policy").orElseThrow();
      assertTrue(policy.contains("default-src 'self'"), policy);
      assertTrue(policy.contains("script-src 'self'"), policy);
      assertTrue(
          policy.contains("connect-src 'self' ws://127.0.0.1:" + http.server.port()), policy);
      assertTrue(policy.contains("frame-ancestors 'none'"), policy);
      assertFalse(policy.contains("unsafe-inline"), policy);
      assertEquals("nosniff", r.headers().firstValue("x-content-type-options").orElseThrow());
      assertEquals("no-referrer", r.headers().firstValue("referrer-policy").orElseThrow());
    }
  }

  @Test
  void aHostHeaderThatIsNoHost_isLeftOutOfThePolicy() throws Exception {
    String answer =
        http.raw("GET /agent HTTP/1.1\r\nHost: evil; script-src *\r\nConnection: close\r\n\r\n");

    assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    assertTrue(answer.contains("connect-src 'self'; object-src"), answer);
    assertFalse(answer.contains("evil"), answer);
  }

  @Test
  void theSameFileAskedAgainWithItsEtag_is304WithoutABody() throws Exception {
    HttpResponse<String> first = http.get("/agent/app.js");
    String etag = first.headers().firstValue("etag").orElseThrow();
    assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
    assertEquals("no-cache", first.headers().firstValue("cache-control").orElseThrow());

    HttpResponse<String> again =
        http.send(HttpRequest.newBuilder(http.uri("/agent/app.js")).header("If-None-Match", etag));
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    assertEquals(etag, again.headers().firstValue("etag").orElseThrow());

    HttpResponse<String> weak =
        http.send(
            HttpRequest.newBuilder(http.uri("/agent/app.js"))
                .header("If-None-Match", "\"x\", W/" + etag));
    assertEquals(304, weak.statusCode());
    HttpResponse<String> other =
        http.send(
            HttpRequest.newBuilder(http.uri("/agent/app.js")).header("If-None-Match", "\"other\""));
    assertEquals(200, other.statusCode());
    assertEquals("export const x = 1;\n", other.body());
  }

  @Test
  void differentFiles_haveDifferentEtags() throws Exception {
    assertFalse(
        http.get("/agent/app.js")
            .headers()
            .firstValue("etag")
            .orElseThrow()
            .equals(http.get("/agent/style.css").headers().firstValue("etag").orElseThrow()));
  }

  @Test
  void head_answersTheHeadersOfGet_withoutTheBody() throws Exception {
    String answer =
        http.raw("HEAD /agent/app.js HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    assertTrue(
        answer.toLowerCase().contains("content-type: text/javascript; charset=utf-8"), answer);
    assertTrue(answer.toLowerCase().contains("content-length: 20"), answer);
    assertTrue(answer.toLowerCase().contains("etag: \""), answer);
    assertTrue(answer.endsWith("\r\n\r\n"), "no body after the headers: " + answer);
  }

  @Test
  void traversal_plainOrEncoded_is404() throws Exception {
    String[] paths = {
      "/agent/../http/secret.js",
      "/agent/%2e%2e/secret.js",
      "/agent/%2E%2E/secret.js",
      "/agent/..%2fsecret.js",
      "/agent/sub/..%2F..%2Fsecret.js",
      "/agent/%2e%2e%5csecret.js",
      "/agent/..%5c..%5csecret.js",
      "/agent/sub/%2e%2e/app.js",
      "/agent//app.js",
      "/agent/./app.js",
      "/agent/app.js%00.css",
    };
    for (String path : paths) {
      String answer =
          http.raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      assertTrue(answer.startsWith("HTTP/1.1 404"), path + " -> " + answer);
      assertFalse(answer.contains("outside"), path + " -> " + answer);
      assertTrue(answer.contains("{\"error\":"), path + " -> " + answer);
    }
  }

  @Test
  void folders_hiddenFilesAndUnknownTypes_are404_withoutAListing() throws Exception {
    for (String path :
        new String[] {
          "/agent/sub",
          "/agent/sub/",
          "/agent/dir.js",
          "/agent/.hidden.js",
          "/agent/notes.txt",
          "/agent/missing.js",
          "/agent/index"
        }) {
      HttpResponse<String> r = http.get(path);
      assertEquals(404, r.statusCode(), path + " -> " + r.body());
      assertEquals(
          "application/json; charset=utf-8",
          r.headers().firstValue("content-type").orElseThrow(),
          path);
      assertFalse(
          r.body().contains("deep.js")
              || r.body().contains("inside")
              || r.body().contains("secret"),
          path + " -> " + r.body());
    }
  }

  @Test
  void otherMethods_are405() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(http.uri("/agent/app.js"))
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertEquals(405, r.statusCode());
    assertEquals("GET, HEAD", r.headers().firstValue("allow").orElseThrow());
  }

  @Test
  void fileName_acceptsOnlyPlainSegmentsOfKnownTypes() {
    StaticRoute route = new StaticRoute("/agent", "x", getClass().getClassLoader());

    assertEquals("index.html", route.fileName("/agent").orElseThrow());
    assertEquals("a/b-c_d.1.js", route.fileName("/agent/a/b-c_d.1.js").orElseThrow());
    assertTrue(route.fileName("/agents/app.js").isEmpty());
    assertTrue(route.fileName("/agent/a b.js").isEmpty());
    assertTrue(route.fileName("/agent/a\\b.js").isEmpty());
    assertTrue(route.fileName("/agent/../a.js").isEmpty());
    assertTrue(route.fileName("/agent/a.exe").isEmpty());
  }

  /**
   * The agent desktop: its page, its style sheets (its own and the shared one) and every module it
   * loads, followed through their imports (its own, and those of every page under /shared/), are
   * served.
   */
  @Test
  void theAgentDesktop_pageAndAllItsModulesAreServed() throws Exception {
    HttpResponse<String> page = http.get("/desk");
    assertEquals(200, page.statusCode(), page.body());
    Set<String> seen = new LinkedHashSet<>();
    Matcher refs =
        Pattern.compile("(?:src|href)=\"(?:/agent/|(/shared/))([^\"]+)\"").matcher(page.body());
    Set<String> todo = new LinkedHashSet<>();
    while (refs.find()) {
      todo.add(refs.group(1) == null ? refs.group(2) : refs.group(1) + refs.group(2));
    }
    assertTrue(todo.containsAll(Set.of("app.js", "desk.css", "/shared/base.css")), todo.toString());
    Pattern imports = Pattern.compile("(?:import|from)\\s+['\"](\\./|/shared/)([^'\"]+)['\"]");
    while (!todo.isEmpty()) {
      String name = todo.iterator().next();
      todo.remove(name);
      if (!seen.add(name)) {
        continue;
      }
      HttpResponse<String> file = http.get(name.startsWith("/shared/") ? name : "/desk/" + name);
      assertEquals(200, file.statusCode(), name);
      if (name.endsWith(".css")) {
        assertEquals(
            "text/css; charset=utf-8",
            file.headers().firstValue("content-type").orElseThrow(),
            name);
      }
      if (name.endsWith(".js")) {
        assertEquals(
            "text/javascript; charset=utf-8",
            file.headers().firstValue("content-type").orElseThrow(),
            name);
        Matcher m = imports.matcher(file.body());
        while (m.find()) {
          todo.add(m.group(1).equals("./") ? m.group(2) : m.group(1) + m.group(2));
        }
      }
    }
    assertTrue(
        seen.containsAll(
            Set.of(
                "i18n.js",
                "cti.js",
                "/shared/language.js",
                "/shared/http.js",
                "/shared/tab-session.js")),
        seen.toString());
  }

  private void assertType(String path, String type) throws Exception {
    HttpResponse<String> r = http.get(path);
    assertEquals(200, r.statusCode(), path);
    assertEquals(type, r.headers().firstValue("content-type").orElseThrow(), path);
  }

  @Test
  void aWebJar_isServedWithoutItsVersion_andAPageAlsoAtAnotherPath() throws Exception {
    ClassLoader loader = getClass().getClassLoader();
    StaticRoute console =
        new StaticRoute("/console", "org/hotline/admin/http/static-test", loader)
            .allowingStyleAttributes();
    try (TestServer webJars =
        new TestServer(
            router -> {
              StaticRoute.webJar("echarts", loader).addTo(router);
              console.addTo(router).get("/", Access.open(), console::index);
            })) {
      HttpResponse<String> echarts = webJars.get("/webjars/echarts/dist/echarts.min.js");
      assertEquals(200, echarts.statusCode());
      assertEquals(
          "text/javascript; charset=utf-8",
          echarts.headers().firstValue("content-type").orElseThrow());
      assertTrue(echarts.body().length() > 100_000, "the whole library");
      // ECharts before 5.5.1 put a series name's HTML into its tooltip as it was.
      Matcher version =
          Pattern.compile("\\.version=\"(\\d+)\\.(\\d+)\\.(\\d+)\"").matcher(echarts.body());
      assertTrue(version.find(), "the library names its version");
      int[] v = {
        Integer.parseInt(version.group(1)),
        Integer.parseInt(version.group(2)),
        Integer.parseInt(version.group(3))
      };
      assertTrue(
          Arrays.compare(v, new int[] {5, 5, 1}) >= 0,
          "ECharts 5.5.1 or later: " + Arrays.toString(v));
      // The console asks for the 'ZH' and 'EN' locales by name: the full build registers both
      // itself.
      assertTrue(echarts.body().contains("\"ZH\""), "the Chinese locale is built in");
      assertEquals(200, webJars.get("/webjars/echarts/i18n/langZH.js").statusCode());
      assertEquals(200, webJars.get("/webjars/echarts/i18n/langEN.js").statusCode());
      assertTrue(echarts.headers().firstValue("content-security-policy").isPresent());
      assertEquals(
          404,
          webJars
              .get("/webjars/echarts/../../../../org/hotline/admin/http/secret.js")
              .statusCode());
      assertEquals(404, webJars.get("/webjars/zrender/index.js").statusCode());

      HttpResponse<String> root = webJars.get("/");
      assertEquals(200, root.statusCode());
      assertTrue(root.body().contains("<title>test</title>"), root.body());
      assertEquals(
          webJars.get("/console").headers().firstValue("etag"), root.headers().firstValue("etag"));
      String policy = root.headers().firstValue("content-security-policy").orElseThrow();
      assertTrue(policy.contains("style-src 'self'; style-src-attr 'unsafe-inline';"), policy);
      assertTrue(policy.contains("script-src 'self';"), policy);
    }
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, () -> StaticRoute.webJar("no-such-webjar", loader));
  }
}
