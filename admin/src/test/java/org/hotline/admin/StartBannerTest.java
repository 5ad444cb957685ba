package org.hotline.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;
import org.junit.jupiter.api.Test;

class StartBannerTest {
  private static HotlineConfig config(Map<String, String> properties) {
    Properties p = new Properties();
    properties.forEach(p::setProperty);
    return ConfigLoader.load(null, Map.of(), p);
  }

  @Test
  void
      onEveryInterface_namesTheUrlsOnTheAdvertisedHost_theDemoAgent_whereItsPasswordsWerePrinted_andTheNumberToCall() {
    String text =
        new StartBanner(
                config(Map.of("hotline.sip.host", "0.0.0.0", "hotline.http.host", "0.0.0.0")),
                "192.0.2.7",
                8080)
            .text();

    assertTrue(text.startsWith("Hotline is up: SIP 0.0.0.0:"), text);
    assertTrue(text.contains("http://192.0.2.7:8080/ "), text);
    assertTrue(text.contains("http://192.0.2.7:8080/agent "), text);
    assertTrue(text.contains("http://192.0.2.7:8080/wallboard"), text);
    assertTrue(
        text.contains(
            "demo agent 1001 with the desk password generated and printed at the first start"),
        text);
    assertTrue(text.contains("register a softphone as 1001@192.0.2.7:"), text);
    assertTrue(text.contains("the SIP password generated and printed at the first start"), text);
    assertTrue(text.contains("then call 200"), text);
    assertFalse(
        text.contains("password hotline"), "the well-known password is refused here: " + text);
  }

  @Test
  void onLoopback_givesTheWellKnownDemoPassword_andHttpsOwnAddress() {
    String text =
        new StartBanner(
                config(Map.of("hotline.sip.host", "127.0.0.1", "hotline.http.host", "127.0.0.1")),
                "127.0.0.1",
                18080)
            .text();

    assertTrue(
        text.contains(
            "http://127.0.0.1:18080/agent  sign in as demo agent 1001 with the desk password hotline"),
        text);
    assertTrue(text.contains("with the SIP password hotline, then call 200"), text);
  }

  @Test
  void aChosenDemoPassword_isNamedBySetting_neverPrinted() {
    String text =
        new StartBanner(
                config(Map.of("hotline.http.host", "::", "hotline.demo.password", "s3cret-demo")),
                "2001:db8::5",
                8080)
            .text();

    assertTrue(text.contains("http://[2001:db8::5]:8080/wallboard"), text);
    assertTrue(text.contains("the desk password set in hotline.demo.password"), text);
    assertFalse(text.contains("s3cret-demo"), text);
  }

  @Test
  void withoutDemoAgents_namesNoAgentAndNoCall() {
    String text =
        new StartBanner(config(Map.of("hotline.demo.enabled", "false")), "127.0.0.1", 8080).text();

    assertTrue(text.contains("/wallboard"), text);
    assertFalse(text.contains("1001"), text);
    assertFalse(text.contains("call 200"), text);
  }
}
