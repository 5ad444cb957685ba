package org.hotline.admin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hotline.config.Cidr;
import org.hotline.config.HttpSettings;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For is believed from trusted proxies only, and only as far as they vouch for it. */
class ClientAddressTest {
  static final SocketAddress PROXY = new InetSocketAddress("10.0.0.5", 40000);
  static final SocketAddress STRANGER = new InetSocketAddress("198.51.100.9", 40000);
  final ClientAddress clients = new ClientAddress(List.of(Cidr.parse("10.0.0.0/8")));

  static HttpHeaders forwardedFor(String... values) {
    HttpHeaders headers = new DefaultHttpHeaders();
    for (String v : values) {
      headers.add(ClientAddress.X_FORWARDED_FOR, v);
    }
    return headers;
  }

  static String host(SocketAddress address) {
    return ((InetSocketAddress) address).getAddress().getHostAddress();
  }

  @Test
  void fromAPeerThatIsNoTrustedProxy_theHeaderIsIgnored() {
    assertEquals(STRANGER, clients.of(STRANGER, forwardedFor("203.0.113.1")));
    assertEquals(
        PROXY,
        new ClientAddress(List.of()).of(PROXY, forwardedFor("203.0.113.1")),
        "no proxy trusted: none believed");
  }

  @Test
  void fromATrustedProxy_theClientIsTheFirstUntrustedHopFromTheRight() {
    assertEquals("203.0.113.1", host(clients.of(PROXY, forwardedFor("203.0.113.1"))));
    assertEquals(
        "203.0.113.1",
        host(clients.of(PROXY, forwardedFor("192.0.2.66, 203.0.113.1, 10.0.0.7"))),
        "what the client wrote itself, left of what the proxies saw, is not believed");
    assertEquals(
        "203.0.113.1",
        host(clients.of(PROXY, forwardedFor("192.0.2.66", "203.0.113.1:5678"))),
        "several headers; a port");
    assertEquals(
        "2001:db8:0:0:0:0:0:1", host(clients.of(PROXY, forwardedFor("[2001:db8::1]:443"))));
  }

  @Test
  void anEntryThatIsNoAddress_stopsAtTheLastHopKnown_andNoNameIsLookedUp() {
    assertEquals("10.0.0.7", host(clients.of(PROXY, forwardedFor("attacker.example, 10.0.0.7"))));
    assertEquals(PROXY, clients.of(PROXY, new DefaultHttpHeaders()));
  }

  @Test
  void aRouteSeesTheClientBehindATrustedProxy_andTheProxyIsNotCappedPerAddress() throws Exception {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    Router router =
        new Router(workers, meters)
            .get(
                "/who",
                Access.open(),
                r -> Response.text(HttpResponseStatus.OK, Response.TEXT, r.remoteHost()));
    HttpServer server =
        new HttpServer(
            new HttpSettings("127.0.0.1", 0, false, false, 1, List.of(Cidr.parse("127.0.0.1"))),
            router);
    server.start();
    try (Socket idle = new Socket("127.0.0.1", server.port())) {
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> answer =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/who"))
                  .header(ClientAddress.X_FORWARDED_FOR, "203.0.113.1")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode(), "a second connection from the proxy, over a cap of 1");
      assertEquals("203.0.113.1", answer.body());
      assertTrue(idle.isConnected());
      client.shutdownNow();
    } finally {
      server.close();
      workers.close();
    }
  }
}
