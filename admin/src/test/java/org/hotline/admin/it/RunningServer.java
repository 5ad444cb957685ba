package org.hotline.admin.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import org.hotline.admin.HotlineServer;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;

/**
 * A real Hotline server for an integration test: on 127.0.0.1, free ports, a fresh H2 database in a
 * temporary folder, the demo configuration; closed by the test.
 *
 * <p>Its clock runs from {@link #OFFICE_HOURS} unless the test gives another, so the demo flows'
 * business-hours check answers the same whenever the tests run.
 *
 * <p>Its {@code admin} user has {@link #ADMIN_PASSWORD} (unless the test sets {@code
 * hotline.admin.password}), and its HTTP helpers send it as HTTP Basic; {@link #authorization()}
 * gives the header to tests with clients of their own.
 */
public final class RunningServer implements AutoCloseable {
  /** The password of user {@code admin}. */
  public static final String ADMIN_PASSWORD = "it-admin-password";

  /** Two per call: enough for the 200-call load test with room for ports freed late. */
  private static final int RTP_PORTS = 1000;

  public final int sipPort;
  public final int httpPort;
  public final HotlineServer server;
  public final Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();

  /** A Wednesday, 10:00 in Shanghai: the demo call center is open. */
  public static final Instant OFFICE_HOURS = Instant.parse("2026-11-25T02:00:00Z");

  /** A Wednesday, 22:00 in Shanghai: the demo call center is closed. */
  public static final Instant AFTER_HOURS = Instant.parse("2026-11-25T14:00:00Z");

  /** A server whose clock runs from {@link #OFFICE_HOURS}. */
  public RunningServer(Map<String, String> overrides) throws Exception {
    this(overrides, OFFICE_HOURS);
  }

  /** A server whose clock starts at {@code start} and runs at the real pace. */
  public RunningServer(Map<String, String> overrides, Instant start) throws Exception {
    dataDir = Files.createTempDirectory("hotline-it");
    sipPort = FreePorts.udpAndTcp();
    int rtpBase = FreePorts.consecutive(RTP_PORTS);
    Properties p = new Properties();
    p.setProperty("hotline.sip.host", "127.0.0.1");
    p.setProperty("hotline.sip.port", String.valueOf(sipPort));
    p.setProperty("hotline.http.host", "127.0.0.1");
    p.setProperty("hotline.http.port", String.valueOf(FreePorts.udpAndTcp()));
    p.setProperty("hotline.rtp.port-min", String.valueOf(rtpBase));
    p.setProperty("hotline.rtp.port-max", String.valueOf(rtpBase + RTP_PORTS - 1));
    p.setProperty("hotline.data.dir", dataDir.toString());
    p.setProperty("hotline.shutdown.grace", "0");
    p.setProperty("hotline.acd.ring-timeout", "5");
    p.setProperty("hotline.admin.password", ADMIN_PASSWORD);
    // The tests' own SIPp callers and agents load the server from 127.0.0.1, as a carrier's
    // gateway would; other 127.x addresses stand in for strangers, who are limited and banned.
    p.setProperty("hotline.security.sip.trusted", "127.0.0.1/32");
    overrides.forEach(p::setProperty);
    HotlineConfig config = ConfigLoader.load(null, Map.of(), p);
    Clock clock = Clock.offset(Clock.systemDefaultZone(), Duration.between(Instant.now(), start));
    server = new HotlineServer(config, clock);
    try {
      server.start();
    } catch (Exception e) {
      server.close();
      throw e;
    }
    httpPort = server.httpPort();
  }

  /** {@code Authorization: Basic} of {@code admin}, for clients of a test's own. */
  public String authorization() {
    String password = server.config().security().adminPassword();
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A request to {@code pathAndQuery} on the server's HTTP port, as {@code admin}. */
  public HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + pathAndQuery))
        .header("Authorization", authorization());
  }

  /**
   * {@code method path} as {@code admin} with a JSON body; returns the response, whatever its
   * status.
   */
  public HttpResponse<String> send(String method, String path, String json)
      throws IOException, InterruptedException {
    return http.send(
        request(path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * {@code method path} with a JSON body (none when {@code json} is null) and the {@code
   * Authorization} header given (none when null): a client of its own, an agent or nobody. Returns
   * the response, whatever its status.
   */
  public HttpResponse<String> sendAs(String authorization, String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code GET /health}, as a load balancer asks it: without credentials. */
  public HttpResponse<String> health() throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * GET on the server's HTTP port as {@code admin}; returns the body, failing on a non-2xx status.
   */
  public String get(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(request(pathAndQuery).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IOException("GET " + pathAndQuery + " -> " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  /** GET of raw bytes (an audio file), failing on a non-2xx status. */
  public byte[] getBytes(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        http.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() / 100 != 2) {
      throw new IOException("GET " + path + " -> " + r.statusCode());
    }
    return r.body();
  }

  /** POST without a body as {@code admin}; returns the response, whatever its status. */
  public HttpResponse<String> post(String path) throws IOException, InterruptedException {
    return http.send(
        request(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The value of a Prometheus sample line {@code name} (labels included), or 0 when absent. */
  public double counter(String name) throws IOException, InterruptedException {
    double sum = 0;
    for (String line : get("/metrics").split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
      }
    }
    return sum;
  }

  @Override
  public void close() {
    server.close();
  }
}
