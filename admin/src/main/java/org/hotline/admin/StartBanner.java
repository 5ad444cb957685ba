package org.hotline.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hotline.admin.security.DemoAgentsBootstrap;
import org.hotline.config.DemoSettings;
import org.hotline.config.HotlineConfig;

/**
 * What the server says once it is up: where it listens, then what to open and try first: the
 * console, the agent desktop and the wallboard by their URLs, the demo agent to sign in as and
 * where its password comes from, and the number to call. Never a password other than the well-known
 * demo one, which only a server on loopback keeps.
 *
 * @param config the server's configuration
 * @param advertised the host the server gives SIP peers, used in the URLs when HTTP listens on
 *     every interface
 * @param httpPort the port HTTP listens on (the configured one, or the one chosen for port 0)
 */
public record StartBanner(HotlineConfig config, String advertised, int httpPort) {
  /** The number the demo flows route straight to the {@code support} queue. */
  static final String DEMO_NUMBER = "200";

  public StartBanner {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(advertised, "advertised");
  }

  /** The banner: one line of where Hotline listens, then one per thing to open or try. */
  public String text() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "Hotline is up: SIP %s:%d (advertised %s), HTTP %s:%d, RTP %d-%d, database %s",
            config.sip().host(),
            config.sip().port(),
            advertised,
            config.http().host(),
            httpPort,
            config.rtp().portMin(),
            config.rtp().portMax(),
            config.data().dbUrl()));
    String base = "http://" + urlHost() + ":" + httpPort;
    lines.add(
        "  Console (reports, calls, agents, users): "
            + base
            + "/  sign in as admin (its password was printed at"
            + " the first start, or is hotline.admin.password)");
    DemoSettings demo = config.demo();
    String agent = Integer.toString(DemoSettings.FIRST_AGENT);
    if (demo.enabled() && demo.agents() > 0) {
      lines.add(
          "  Agent desktop: "
              + base
              + "/agent  sign in as demo agent "
              + agent
              + " with "
              + demoPasswordSource("desk"));
    } else {
      lines.add("  Agent desktop: " + base + "/agent");
    }
    lines.add("  Wallboard: " + base + "/wallboard");
    if (demo.enabled() && demo.agents() > 0) {
      lines.add(
          "  Try a call: register a softphone as "
              + agent
              + "@"
              + advertised
              + ":"
              + config.sip().port()
              + " with "
              + demoPasswordSource("SIP")
              + ", then call "
              + DEMO_NUMBER
              + " from another phone");
    }
    return String.join(System.lineSeparator(), lines);
  }

  /**
   * Where the demo agents' {@code kind} (SIP or desk) password comes from, without printing a
   * secret.
   */
  private String demoPasswordSource(String kind) {
    boolean wellKnown = config.demo().password().equals(DemoSettings.WELL_KNOWN_PASSWORD);
    if (!wellKnown) {
      return "the " + kind + " password set in hotline.demo.password";
    }
    if (DemoAgentsBootstrap.beyondLoopback(config.sip().host(), config.http().host())) {
      return "the "
          + kind
          + " password generated and printed at the first start (\"generated the "
          + kind
          + " password of demo agents\")";
    }
    return "the " + kind + " password " + DemoSettings.WELL_KNOWN_PASSWORD;
  }

  /**
   * The host for the URLs: HTTP's own address, or the advertised one when it listens on every
   * interface.
   */
  private String urlHost() {
    String host = config.http().host();
    if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      host = advertised;
    }
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
