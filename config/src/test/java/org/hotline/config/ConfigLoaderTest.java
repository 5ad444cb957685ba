package org.hotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private static Properties props(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  private Path file(String text) throws IOException {
    Path f = dir.resolve("hotline.properties");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void defaults_matchTheDocumentedOnes() {
    HotlineConfig c = ConfigLoader.load(null, Map.of(), props());
    assertEquals("0.0.0.0", c.sip().host());
    assertEquals(5060, c.sip().port());
    assertEquals(20000, c.rtp().portMin());
    assertEquals(29999, c.rtp().portMax());
    assertEquals(8080, c.http().port());
    assertEquals(256, c.http().maxConnectionsPerAddress());
    assertEquals(Path.of("./data"), c.data().dataDir());
    assertTrue(c.data().dbUrl().startsWith("jdbc:h2:file:"), c.data().dbUrl());
    assertTrue(c.demo().enabled());
    assertEquals(10, c.demo().agents());
    assertEquals(Duration.ofSeconds(15), c.acd().ringTimeout());
    assertFalse(c.ivr().promptsDir().isPresent());
  }

  @Test
  void layers_systemPropertyBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
    Path f =
        file(
            "hotline.sip.port=5061\nhotline.http.port=8081\nhotline.rtp.port-min=30000\nhotline.rtp.port-max=30100\n");
    HotlineConfig fromFile = ConfigLoader.load(f, Map.of(), props());
    assertEquals(5061, fromFile.sip().port());

    Map<String, String> env =
        Map.of(
            "HOTLINE_SIP_PORT",
            "5062",
            "HOTLINE_RTP_PORT_MIN",
            "30002",
            "HOTLINE_RTP_PORT_MAX",
            "30100");
    HotlineConfig fromEnv = ConfigLoader.load(f, env, props());
    assertEquals(5062, fromEnv.sip().port());
    assertEquals(30002, fromEnv.rtp().portMin());
    assertEquals(8081, fromEnv.http().port());

    HotlineConfig fromSys = ConfigLoader.load(f, env, props("hotline.sip.port", "5063"));
    assertEquals(5063, fromSys.sip().port());
  }

  @Test
  void badValue_failsWithOneLineNamingKeyValueAndAllowed() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(null, Map.of("HOTLINE_SIP_PORT", "70000"), props()));
    assertEquals(
        "hotline.sip.port='70000' is not allowed: expected an integer from 1 to 65535",
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void badDuration_andBadLanguage_areRefused() {
    ConfigException d =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(null, Map.of(), props("hotline.acd.ring-timeout", "soon")));
    assertTrue(d.getMessage().startsWith("hotline.acd.ring-timeout='soon'"), d.getMessage());
    ConfigException l =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(null, Map.of(), props("hotline.ivr.language", "fr")));
    assertEquals(
        "hotline.ivr.language='fr' is not allowed: expected one of en, zh", l.getMessage());
  }

  @Test
  void connectionsPerAddress_zeroTurnsTheCapOff_andANegativeIsRefused() {
    assertEquals(
        0,
        ConfigLoader.load(null, Map.of(), props("hotline.http.max-connections-per-address", "0"))
            .http()
            .maxConnectionsPerAddress());
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    null, Map.of(), props("hotline.http.max-connections-per-address", "-1")));
    assertTrue(
        e.getMessage().startsWith("hotline.http.max-connections-per-address='-1'"), e.getMessage());
  }

  @Test
  void trustedProxies_areAddressBlocks_noneByDefault() {
    assertEquals(
        java.util.List.of(), ConfigLoader.load(null, Map.of(), props()).http().trustedProxies());
    assertEquals(
        java.util.List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("192.0.2.7")),
        ConfigLoader.load(
                null, Map.of(), props("hotline.http.trusted-proxies", "10.0.0.0/8, 192.0.2.7"))
            .http()
            .trustedProxies());
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    null, Map.of(), props("hotline.http.trusted-proxies", "proxy.example")));
    assertTrue(
        e.getMessage().startsWith("hotline.http.trusted-proxies='proxy.example'"), e.getMessage());
  }

  @Test
  void durations_acceptSecondsAndIso() {
    assertEquals(
        Duration.ofSeconds(20),
        ConfigLoader.load(null, Map.of(), props("hotline.acd.ring-timeout", "20"))
            .acd()
            .ringTimeout());
    assertEquals(
        Duration.ofMinutes(1),
        ConfigLoader.load(null, Map.of(), props("hotline.acd.ring-timeout", "PT1M"))
            .acd()
            .ringTimeout());
  }

  @Test
  void unknownKeyInFile_isRefusedAsTypo() throws IOException {
    Path f = file("hotline.sip.prot=5060\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of(), props()));
    assertTrue(
        e.getMessage().startsWith("hotline.sip.prot is not a Hotline setting"), e.getMessage());
  }

  @Test
  void missingConfigFile_isOneClearLine() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(dir.resolve("nope.properties"), Map.of(), props()));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void rtpRange_tooSmall_isRefused() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    null,
                    Map.of(),
                    props("hotline.rtp.port-min", "30000", "hotline.rtp.port-max", "30001")));
    assertTrue(e.getMessage().startsWith("hotline.rtp.port-max='30001'"), e.getMessage());
  }

  @Test
  void digestAlgorithms_defaultToMd5_andTakeAnOrderedList() {
    assertEquals(
        java.util.List.of("MD5"),
        ConfigLoader.load(null, Map.of(), props()).sip().digestAlgorithms());
    assertEquals(
        java.util.List.of("SHA-256", "MD5"),
        ConfigLoader.load(null, Map.of(), props("hotline.sip.digest-algorithms", "sha-256, MD5"))
            .sip()
            .digestAlgorithms());
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    null, Map.of(), props("hotline.sip.digest-algorithms", "MD5,SHA-1")));
    assertTrue(
        e.getMessage().startsWith("hotline.sip.digest-algorithms='MD5,SHA-1' is not allowed"),
        e.getMessage());
  }

  @Test
  void envName_mapsDotsAndDashes() {
    assertEquals("HOTLINE_RTP_PORT_MIN", LayeredSource.envName("hotline.rtp.port-min"));
  }
}
